package org.echoscu.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SeedFileTest {

    @Test
    void seedIsReadAndAFreshOneWrittenBack(@TempDir Path tmp) throws Exception {
        Path seed = tmp.resolve("seed");
        byte[] before = new byte[100];
        new SecureRandom().nextBytes(before);
        Files.write(seed, before);
        List<String> warnings = new ArrayList<>();
        SecureRandom r = SeedFile.random(seed.toString(), warnings::add);
        SeedFile.write(r, seed.toString());
        byte[] after = Files.readAllBytes(seed);
        assertThat(after).hasSize(1024).isNotEqualTo(before);
        assertThat(warnings).isEmpty();
    }

    @Test
    void aMissingSeedIsAWarningOnly(@TempDir Path tmp) {
        List<String> warnings = new ArrayList<>();
        SecureRandom r = SeedFile.random(tmp.resolve("none").toString(), warnings::add);
        assertThat(r.nextInt()).isNotNull();
        assertThat(warnings).singleElement().asString().startsWith("cannot read random seed file")
                .contains("no such file or directory");
    }
}
