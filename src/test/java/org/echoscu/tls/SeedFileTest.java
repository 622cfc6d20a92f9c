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

    /** The seed is as long as what is written back, so "not the same bytes" says "fresh, not copied back". */
    @Test
    void seedIsReadAndAFreshOneWrittenBack(@TempDir Path tmp) throws Exception {
        Path seed = tmp.resolve("seed");
        byte[] before = new byte[SeedFile.SIZE];
        new SecureRandom().nextBytes(before);
        Files.write(seed, before);
        List<String> warnings = new ArrayList<>();
        SecureRandom r = SeedFile.random(seed.toString(), warnings::add);

        SeedFile.write(r, seed.toString());
        byte[] after = Files.readAllBytes(seed);
        SeedFile.write(r, seed.toString());
        byte[] again = Files.readAllBytes(seed);

        assertThat(after).hasSize(SeedFile.SIZE).isNotEqualTo(before);
        assertThat(again).as("each write takes new bytes from the generator").hasSize(SeedFile.SIZE)
                .isNotEqualTo(after);
        assertThat(warnings).isEmpty();
        assertThat(tmp.resolve("seed.tmp")).as("written through a temporary file, then moved").doesNotExist();
    }

    @Test
    void anEmptySeedIsAWarning(@TempDir Path tmp) throws Exception {
        Path empty = Files.createFile(tmp.resolve("empty"));
        List<String> warnings = new ArrayList<>();
        SeedFile.random(empty.toString(), warnings::add);
        assertThat(warnings).containsExactly("random seed file '" + empty + "' is empty");
    }

    /** Without its file the generator still seeds itself from the system: two of them never agree. */
    @Test
    void aMissingSeedIsAWarningOnly(@TempDir Path tmp) {
        List<String> warnings = new ArrayList<>();
        String missing = tmp.resolve("none").toString();
        byte[] one = new byte[32];
        byte[] two = new byte[32];

        SeedFile.random(missing, warnings::add).nextBytes(one);
        SeedFile.random(missing, warnings::add).nextBytes(two);

        assertThat(one).isNotEqualTo(two);
        assertThat(warnings).hasSize(2).first().asString().startsWith("cannot read random seed file")
                .contains("no such file or directory");
    }
}
