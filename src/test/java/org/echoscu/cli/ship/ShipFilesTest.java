package org.echoscu.cli.ship;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShipFilesTest {

    @TempDir
    Path dir;

    @Test
    void gzipReadsBackAndSaysBestCompressionWithNoNameOrTime() throws IOException {
        Path file = dir.resolve("page.1.gz");
        String text = "a man page\n".repeat(200) + "é\n";
        ShipFiles.writeGzip(file, text);
        byte[] bytes = Files.readAllBytes(file);
        // RFC 1952: magic, deflate, no flags (no name), time 0, XFL 2 (best compression), OS 3 (Unix)
        assertThat(new byte[] {bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7],
            bytes[8], bytes[9]}).containsExactly(0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 2, 3);
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(text);
        }
        assertThat(bytes.length).isLessThan(200);
    }

    @Test
    void changelogIsOneDebianEntryForThisVersion() {
        String log = ShipFiles.changelog("1.2.3", "2026-12-06", "Team <team@example.org>");
        assertThat(log).startsWith("echoscu-java (1.2.3) unstable; urgency=medium\n\n  * ")
                .endsWith("\n\n -- Team <team@example.org>  Sun, 06 Dec 2026 00:00:00 +0000\n");
    }
}
