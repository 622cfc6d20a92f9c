package org.echoscu.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/**
 * IPv6 address literals on ::1: used as the family they are whatever -i4/-i6 say, bracketed or
 * not, as a parameter and in a targets file; and written as RFC 5952 says (::1, never
 * 0:0:0:0:0:0:0:1) in messages, JSON, Prometheus labels, the fleet table and echoscp's log.
 */
class Ipv6AddressesIT {

    @Test
    void aLiteralIsItsOwnFamilyWhateverTheDefaultMinusI4Says() throws Exception {
        try (Server scp = Server.echoscp("-i6", "-v")) {
            String port = String.valueOf(scp.port);
            for (String peer : new String[] {"::1", "[::1]", "0:0:0:0:0:0:0:1"}) {
                Run r = Commands.echoscu(peer, port);
                assertThat(r.exitCode()).as(peer + ": " + r).isZero();
                assertThat(r.stderr()).as(peer).isEmpty();
            }
            Run v4 = Commands.echoscu("-i6", "127.0.0.1", port); // an IPv4 literal with -i6, on the dual-stack ::
            assertThat(v4.exitCode()).as(v4.toString()).isZero();
            Run json = Commands.echoscu("--format", "json", "[0::1]", port);
            assertThat(json.stdout()).contains("\"host\":\"::1\",\"address\":\"::1\"").doesNotContain("0:0:0");
            awaitLog(scp, "Association Received ::1: ECHOSCU -> ANY-SCP");
            assertThat(scp.log()).doesNotContain("0:0:0:0");
        }
    }

    @Test
    void bracketedTargetsInAFileAndTheirLabels() throws Exception {
        try (Server scp = Server.echoscp("-i6")) {
            Path targets = Files.createTempFile("targets", ".txt");
            Files.writeString(targets, "ANY-SCP@[::1]:" + scp.port + "\n[0:0:0:0:0:0:0:1]:" + scp.port + "\n");
            Run table = Commands.echoscu("--targets", targets.toString());
            assertThat(table.exitCode()).as(table.toString()).isZero();
            assertThat(table.stdout()).contains("ANY-SCP@[::1]:" + scp.port, "[::1]:" + scp.port)
                    .doesNotContain("0:0:0").doesNotContain("no IPv4 address");
            Run json = Commands.echoscu("--targets", targets.toString(), "--format", "json");
            assertThat(json.stdout()).contains("\"host\":\"::1\",\"address\":\"::1\"").doesNotContain("0:0:0");
            Run prometheus = Commands.echoscu("--format", "prometheus", "0:0:0:0:0:0:0:1", String.valueOf(scp.port));
            assertThat(prometheus.exitCode()).as(prometheus.toString()).isZero();
            assertThat(prometheus.stdout()).contains("{host=\"::1\",port=\"" + scp.port + "\"").doesNotContain("0:0:0");
            Files.delete(targets);
        }
    }

    @Test
    void refusalsNameTheAddressAsRfc5952WritesIt() {
        int closed = Ports.free();
        Run r = Commands.echoscu("0:0:0:0:0:0:0:1", String.valueOf(closed));
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        assertThat(r.stderr()).contains("TCP connection to ::1 port " + closed + " refused").doesNotContain("0:0:0");
    }

    private static void awaitLog(Server scp, String expected) throws InterruptedException {
        long end = System.nanoTime() + 5_000_000_000L;
        while (!scp.log().contains(expected) && System.nanoTime() < end) {
            Thread.sleep(20);
        }
        assertThat(scp.log()).contains(expected);
    }
}
