package org.echoscu.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TargetFilesTest {

    @TempDir
    Path dir;

    private Path file(String text) throws Exception {
        Path p = dir.resolve("targets");
        Files.writeString(p, text);
        return p;
    }

    @Test
    void plainLinesWithCommentsAndBlankLines() throws Exception {
        Path p = file("""
                # the site's modalities
                CT1@10.0.0.1:104

                10.0.0.2:11112   # no AE title: -aec applies
                   MR#2@[::1]:104
                """);
        assertThat(TargetFiles.read(p)).extracting(TargetSpec::address)
                .containsExactly("CT1@10.0.0.1:104", "10.0.0.2:11112", "MR#2@[::1]:104");
    }

    @Test
    void aBadLineIsNamedWithFileAndLineNumber() throws Exception {
        Path p = file("CT1@10.0.0.1:104\n\nnot-a-target\n");
        assertThatThrownBy(() -> TargetFiles.read(p))
                .isInstanceOf(TargetFormatException.class)
                .hasMessageContaining("targets file '" + p + "' line 3: expected [CALLED_AE@]HOST:PORT");
        Path two = file("a:1 b:2\n");
        assertThatThrownBy(() -> TargetFiles.read(two)).hasMessageContaining("line 1: one target a line");
    }

    @Test
    void aMissingFileSaysSo() {
        assertThatThrownBy(() -> TargetFiles.read(dir.resolve("nope"))).hasMessageContaining("cannot read targets file");
    }

    @Test
    void orthancConfigurationBothForms() throws Exception {
        // The layout of Orthanc's own configuration.json: comments, other settings, and both
        // forms of a DicomModalities entry (array, with an optional fourth member; object).
        Path p = file("""
                {
                  /**
                   * General configuration of Orthanc
                   **/
                  "Name" : "MyOrthanc",
                  "DicomAet" : "ORTHANC",   // our own title, not a target
                  "DicomPort" : 4242,
                  "DicomModalities" : {
                    // "sample" : [ "STORESCP", "127.0.0.1", 2000 ],
                    "ct" : [ "CT_SCANNER", "192.168.1.20", 104 ],
                    "router" : [ "ROUTER", "router.example.org", 11112, "GenericNoWildcardInDates" ],
                    "pacs" : {
                      "AET" : "PACS",
                      "Host" : "::1",
                      "Port" : "4242",
                      "Manufacturer" : "Generic",
                      "AllowEcho" : true
                    }
                  },
                  "OrthancPeers" : { "peer" : [ "http://127.0.0.1:8043/" ] }
                }
                """);
        assertThat(TargetFiles.read(p)).containsExactly(
                new TargetSpec("ct", "CT_SCANNER", "192.168.1.20", 104),
                new TargetSpec("router", "ROUTER", "router.example.org", 11112),
                new TargetSpec("pacs", "PACS", "::1", 4242));
    }

    @Test
    void orthancConfigurationProblemsAreNamed() throws Exception {
        assertThatThrownBy(() -> TargetFiles.read(file("{ \"Name\": \"x\" }")))
                .hasMessageContaining("without DicomModalities");
        assertThatThrownBy(() -> TargetFiles.read(file("{ \"DicomModalities\": { \"a\": [\"A\", \"h\"] } }")))
                .hasMessageContaining("DicomModalities \"a\": expected [\"AET\", \"host\", port]");
        assertThatThrownBy(() -> TargetFiles.read(file("{ \"DicomModalities\": { \"a\": {\"AET\": \"A\"} } }")))
                .hasMessageContaining("needs AET, Host and Port");
        assertThatThrownBy(() -> TargetFiles.read(file("{ \"DicomModalities\": { \"a\": [\"A\", \"h\", 0] } }")))
                .hasMessageContaining("out of range");
        assertThatThrownBy(() -> TargetFiles.read(file("{\n \"DicomModalities\": {\n \"a\": [\"A\" \"h\"] } }")))
                .hasMessageContaining("line 3: expected ']'");
        assertThatThrownBy(() -> TargetFiles.read(file("{ \"a\": 1 } x")))
                .hasMessageContaining("unexpected text after the end");
        assertThatThrownBy(() -> TargetFiles.read(file("{ \"a\": " + "[".repeat(100) + "]".repeat(100) + "}")))
                .hasMessageContaining("nested more than 64 levels");
    }

    @Test
    void recognisedByContentNotByName() {
        assertThat(TargetFiles.looksLikeJson("\n  // comment\n  {")).isTrue();
        assertThat(TargetFiles.looksLikeJson("/* c */ {")).isTrue();
        assertThat(TargetFiles.looksLikeJson("CT@h:1")).isFalse();
    }
}
