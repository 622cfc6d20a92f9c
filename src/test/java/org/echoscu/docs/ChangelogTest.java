package org.echoscu.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.echoscu.cli.Version;
import org.junit.jupiter.api.Test;

/** CHANGELOG.md in Keep a Changelog's form, with a section for the version the build prints. */
class ChangelogTest {

    private static final Pattern RELEASE = Pattern.compile("^## \\[(\\d+\\.\\d+\\.\\d+[^\\]]*)\\] - (\\d{4}-\\d{2}-\\d{2})$");

    @Test
    void unreleasedFirstThenTheVersionTheBuildPrints() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("CHANGELOG.md"), StandardCharsets.UTF_8);
        List<String> sections = lines.stream().filter(l -> l.startsWith("## ")).toList();
        assertThat(sections).as("release sections").isNotEmpty();
        assertThat(sections.get(0)).isEqualTo("## [Unreleased]");
        String newest = null;
        for (String s : sections.subList(1, sections.size())) {
            Matcher m = RELEASE.matcher(s);
            assertThat(m.matches()).as("'%s' is '## [VERSION] - YYYY-MM-DD'", s).isTrue();
            newest = newest == null ? m.group(1) : newest;
        }
        assertThat(newest).as("the newest release in CHANGELOG.md is the POM's version, which --version prints")
                .isEqualTo(Version.version());
    }

    @Test
    void changesAreGroupedAsKeepAChangelogGroupsThem() throws IOException {
        List<String> groups = Files.readAllLines(Path.of("CHANGELOG.md"), StandardCharsets.UTF_8).stream()
                .filter(l -> l.startsWith("### ")).toList();
        assertThat(groups).isNotEmpty().allSatisfy(g -> assertThat(g)
                .matches("### (Added|Changed|Deprecated|Removed|Fixed|Security)( .*)?"));
    }
}
