package org.echoscu.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

import org.echoscu.ProbeSchema;
import org.echoscu.pdu.AAbort;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Many targets in one run against real peers on loopback: our echoscp, DCMTK's storescp, a
 * refusing port, a silent peer and one that aborts during the echo; from a plain targets
 * file, an Orthanc configuration file and AE@HOST:PORT parameters together.
 */
class FleetIT {

    private static Server echoscp;
    private static Server storescp;
    private static FakePeer silent;
    private static FakePeer aborting;
    private static int refusing;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        echoscp = Server.echoscp();
        storescp = Server.storescp();
        silent = FakePeer.start(c -> {
            c.readRq();
            c.awaitClose();
        });
        aborting = FakePeer.start(c -> {
            c.associate();
            c.readMessage();
            c.send(new AAbort(AAbort.SOURCE_SERVICE_USER, 0));
            c.awaitClose();
        });
        refusing = Ports.free();
    }

    @AfterAll
    static void stop() throws Exception {
        echoscp.close();
        storescp.close();
        silent.close();
        aborting.close();
    }

    /** The output line of a target: its reason, then the target word. */
    private static String lineOf(Run r, String target) {
        for (String line : r.stdout().split("\n")) {
            String[] words = line.split("\\s+");
            if (words.length > 1 && words[1].equals(target)) {
                return line;
            }
        }
        throw new AssertionError("no line for " + target + " in\n" + r);
    }

    @Test
    void aWholeSiteFromAFileAnOrthancConfigurationAndParameters() throws Exception {
        Path plain = dir.resolve("site.txt");
        Files.writeString(plain, "# modalities\nECHOSCP@127.0.0.1:" + echoscp.port + "\n\n127.0.0.1:" + refusing
                + "   # nothing listens here\nSILENT@127.0.0.1:" + silent.port + "\n");
        Path orthanc = dir.resolve("orthanc.json");
        Files.writeString(orthanc, "{\n  // Orthanc's own comments\n  \"DicomAet\" : \"ORTHANC\",\n"
                + "  \"DicomModalities\" : {\n    \"store\" : [ \"STORESCP\", \"127.0.0.1\", " + storescp.port + " ],\n"
                + "    \"abort\" : { \"AET\" : \"ABORTER\", \"Host\" : \"127.0.0.1\", \"Port\" : " + aborting.port
                + " }\n  }\n}\n");
        Run r = Commands.echoscu("--targets", plain.toString(), "--targets", orthanc.toString(),
                "PARAM@127.0.0.1:" + echoscp.port, "--parallel", "8", "-to", "2", "-ta", "2", "-td", "2");
        assertThat(lineOf(r, "ECHOSCP@127.0.0.1:" + echoscp.port)).startsWith("ok ").contains(" associate=", " echo=",
                " release=", " total=");
        assertThat(lineOf(r, "PARAM@127.0.0.1:" + echoscp.port)).startsWith("ok ");
        assertThat(lineOf(r, "store=STORESCP@127.0.0.1:" + storescp.port)).startsWith("ok ");
        assertThat(lineOf(r, "127.0.0.1:" + refusing)).startsWith("refused ")
                .contains("TCP connection to 127.0.0.1 port " + refusing + " refused");
        assertThat(lineOf(r, "SILENT@127.0.0.1:" + silent.port)).startsWith("timeout-associate ")
                .contains("no answer within the ACSE timeout (2 s)");
        assertThat(lineOf(r, "abort=ABORTER@127.0.0.1:" + aborting.port)).startsWith("aborted ");
        // The table: outcome, exit code, target; ok rows first, the worst (70) last.
        List<String> table = new ArrayList<>();
        boolean in = false;
        for (String line : r.stdout().split("\n")) {
            in |= line.startsWith("OUTCOME ");
            if (in && !line.startsWith("OUTCOME ") && !line.contains(" targets: ")) {
                table.add(line.split("\\s+")[0] + " " + line.split("\\s+")[1] + " " + line.split("\\s+")[2]);
            }
        }
        assertThat(table).containsExactly(
                "ok 0 ECHOSCP@127.0.0.1:" + echoscp.port,
                "ok 0 PARAM@127.0.0.1:" + echoscp.port,
                "ok 0 store=STORESCP@127.0.0.1:" + storescp.port,
                "refused 1 127.0.0.1:" + refusing,
                "timeout-associate 1 SILENT@127.0.0.1:" + silent.port,
                "aborted 70 abort=ABORTER@127.0.0.1:" + aborting.port);
        assertThat(r.stdout()).containsPattern("6 targets: 3 ok, 3 failed \\(aborted 1, refused 1, "
                + "timeout-associate 1\\) in [0-9.]+ s, exit 70");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(70); // 70 ranks above 1
        assertThat(r.stderr()).as("no log lines of the targets, no progress line off a terminal").isEmpty();
    }

    @Test
    void eachTargetKeepsItsOwnTimeoutsSoTheRunTakesAboutOneOfThem() throws Exception {
        Path list = dir.resolve("silent.txt");
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            sb.append("S").append(i).append("@127.0.0.1:").append(silent.port).append('\n');
        }
        Files.writeString(list, sb);
        Run r = Commands.echoscu("--targets", list.toString(), "--parallel", "12", "-ta", "2");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        assertThat(r.stdout().split("\n")).filteredOn(l -> l.startsWith("timeout-associate ")).hasSize(24); // lines and rows
        // One after the other these would take 24 s; side by side about 2 s plus start-up. Generous bound.
        assertThat(r.millis()).as(r.toString()).isLessThan(12_000);
        Run two = Commands.echoscu("--targets", list.toString(), "--parallel", "6", "-ta", "2");
        assertThat(two.millis()).as("two waves of 2 s").isGreaterThanOrEqualTo(4_000);
    }

    @Test
    void jsonIsOneProbeObjectPerTarget() throws Exception {
        Run r = Commands.echoscu("--format", "json", "-ta", "2", "A@127.0.0.1:" + echoscp.port,
                "127.0.0.1:" + refusing, "C@127.0.0.1:" + storescp.port);
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        List<JsonNode> objects = ProbeSchema.validLines(r.stdout());
        assertThat(objects).hasSize(3);
        Map<String, String> reasonByAe = new java.util.TreeMap<>();
        for (JsonNode o : objects) {
            assertThat(o.get("type").asString()).isEqualTo("probe");
            reasonByAe.put(o.get("target").get("called_ae").asString() + o.get("seq").asInt(),
                    o.get("outcome").get("reason").asString());
        }
        assertThat(reasonByAe).containsExactly(Map.entry("A1", "ok"), Map.entry("ANY-SCP2", "refused"),
                Map.entry("C3", "ok"));
        for (JsonNode o : objects) { // the name resolved: the address tried is there, refused or not
            assertThat(o.get("target").get("address").asString()).as(o.toString()).isEqualTo("127.0.0.1");
            assertThat(o.get("target").has("name")).as("no name of its own").isFalse();
        }
    }

    @Test
    void orthancModalitiesKeepTheirNamesInJson() throws Exception {
        Path orthanc = dir.resolve("orthanc.json");
        Files.writeString(orthanc, "{ \"DicomModalities\" : { \"one\" : [ \"STORESCP\", \"127.0.0.1\", "
                + storescp.port + " ], \"two\" : { \"AET\" : \"NOBODY\", \"Host\" : \"127.0.0.1\", \"Port\" : "
                + refusing + " } } }\n");
        Run r = Commands.echoscu("--format", "json", "--targets", orthanc.toString());
        Map<String, String> reasonByName = new java.util.TreeMap<>();
        for (JsonNode o : ProbeSchema.validLines(r.stdout())) {
            reasonByName.put(o.get("target").get("name").asString(), o.get("outcome").get("reason").asString()
                    + " " + o.get("target").get("address").asString());
        }
        assertThat(reasonByName).as(r.toString()).containsExactly(Map.entry("one", "ok 127.0.0.1"),
                Map.entry("two", "refused 127.0.0.1"));
    }

    @Test
    void tlsRepeatAndAeTitlesApplyToEachTarget() throws Exception {
        List<String> serverTls = TlsRuns.serverTls(org.echoscu.tls.TlsProfile.BCP195);
        try (Server tls = Server.echoscp(TlsRuns.args(serverTls, "-ic"))) {
            Run r = Commands.echoscu("--format", "json", "+tla", "+cf", TlsRuns.pki("ca.pem"), "--repeat", "3",
                    "-aet", "FLEET", "A@127.0.0.1:" + tls.port, "B@127.0.0.1:" + tls.port);
            assertThat(r.exitCode()).as(r.toString()).isZero();
            List<JsonNode> objects = ProbeSchema.validLines(r.stdout());
            assertThat(objects).hasSize(2);
            for (JsonNode o : objects) {
                assertThat(o.get("outcome").get("reason").asString()).isEqualTo("ok");
                assertThat(o.get("target").get("tls").asBoolean()).isTrue();
                assertThat(o.get("target").get("calling_ae").asString()).isEqualTo("FLEET");
                assertThat(o.get("phases_ms").has("tls")).isTrue();
                assertThat(o.get("echoes").get("answered").asInt()).isEqualTo(3);
            }
        }
    }

    @Test
    void aProgressLineOnATerminalOnly() {
        String command = String.join(" ", Commands.ROOT.resolve("bin/echoscu").toString(),
                "A@127.0.0.1:" + echoscp.port, "B@127.0.0.1:" + refusing, "--parallel", "1");
        Run r = Commands.run(List.of("script", "-qec", command, "/dev/null"), Duration.ofSeconds(60), "", Map.of());
        assertThat(r.stdout()).contains("\r1 / 2 done, 0 failed", "\r2 / 2 done, 1 failed");
        assertThat(r.stdout()).contains("\r" + " ".repeat("2 / 2 done, 1 failed".length()) + "\r");
    }

    @Test
    void commandLineMistakes() {
        Run mixed = Commands.echoscu("A@127.0.0.1:104", "127.0.0.1", "104");
        assertThat(mixed.exitCode()).isEqualTo(1);
        assertThat(mixed.stderr()).contains("error: expected [CALLED_AE@]HOST:PORT, found '127.0.0.1' (no port)");
        Run count = Commands.echoscu("--count", "3", "A@127.0.0.1:104");
        assertThat(count.stderr()).contains("error: --count not allowed with --targets, AE@HOST:PORT targets");
        Run nagios = Commands.echoscu("--format", "prometheus", "A@127.0.0.1:104");
        assertThat(nagios.stderr()).contains("error: --format prometheus not allowed with --targets");
        Run parallel = Commands.echoscu("--parallel", "0", "A@127.0.0.1:104");
        assertThat(parallel.stderr()).contains("error: Invalid value for option --parallel (underflow: 0)");
        Run missing = Commands.echoscu("--targets", dir.resolve("nope").toString());
        assertThat(missing.stderr()).contains("error: cannot read targets file");
    }

    @Test
    void aPlainEchoLoadsNoneOfIt() {
        Run r = Commands.run(Commands.withPrefix(Commands.ROOT.resolve("bin/echoscu").toString(), "127.0.0.1",
                String.valueOf(echoscp.port)), Duration.ofSeconds(60), null,
                Map.of("JAVA_OPTS", "-Xlog:class+load"));
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.stdout()).contains("org.echoscu.cli.EchoscuCommand")
                .doesNotContain("org.echoscu.fleet.", "org.echoscu.cli.ManyPeersCommand", "org.echoscu.report.",
                        "org.echoscu.acse.ProbeProposal", "org.echoscu.acse.SopClassNames",
                        "org.echoscu.scu.PeerInfo", "org.echoscu.scu.TlsFacts");
    }
}
