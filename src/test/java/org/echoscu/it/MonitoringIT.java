package org.echoscu.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.echoscu.ProbeSchema;
import org.echoscu.pdu.AAbort;
import org.echoscu.pdu.Pdu;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import tools.jackson.databind.JsonNode;

/**
 * The monitoring outputs (--timings, --stats, --count, --format json|nagios|prometheus)
 * against real peers on loopback: our echoscp, DCMTK's storescp, a refusing port, a silent
 * peer, rejecting peers (storescp --refuse, echoscp +ac / +ch), and SIGINT during
 * {@code --count 0}. Every JSON is validated against docs/echoscu-probe.schema.json; every
 * Prometheus text is checked by Prometheus's own {@code promtool check metrics}.
 */
class MonitoringIT {

    private static final Pattern THREE_DIGITS = Pattern.compile("(\\d+)(?:\\.(\\d+))? ms");

    private static Server echoscp;
    private static Server storescp;

    @BeforeAll
    static void start() {
        echoscp = Server.echoscp("-v");
        storescp = Server.storescp();
    }

    @AfterAll
    static void stop() throws InterruptedException {
        echoscp.close();
        storescp.close();
    }

    private static String port(Server s) {
        return String.valueOf(s.port);
    }

    // ---- --timings and --stats -----------------------------------------------------------

    @Test
    void timingsGiveOneLinePerPhaseWithThreeSignificantDigits() {
        Run r = Commands.echoscu("--timings", "127.0.0.1", port(echoscp));
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.stderr()).as("the plain echo says nothing at the default level").isEmpty();
        List<String> lines = List.of(r.stdout().split("\n"));
        assertThat(lines).extracting(l -> l.replaceAll(":.*", ""))
                .containsExactly("name resolution", "TCP connect", "association", "echo", "release", "total", "peer");
        for (String line : lines.subList(0, 6)) {
            Matcher m = THREE_DIGITS.matcher(line.substring(line.indexOf(':') + 1).strip());
            assertThat(m.matches()).as(line).isTrue();
            String digits = (m.group(1) + (m.group(2) == null ? "" : m.group(2))).replaceFirst("^0+", "");
            assertThat(digits.length()).as("significant digits of %s", line).isEqualTo(3);
        }
        assertThat(lines.get(6)).isEqualTo("peer:             127.0.0.1 port " + echoscp.port);
    }

    @Test
    void statsSummariseRepeatedEchoesLikePing() {
        Run r = Commands.echoscu("--repeat", "5", "--stats", "127.0.0.1", port(storescp));
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.stdout().split("\n")).hasSize(3).satisfies(l -> {
            assertThat(l[0]).isEqualTo("--- 127.0.0.1 port " + storescp.port + " DICOM echo statistics ---");
            assertThat(l[1]).isEqualTo("5 echoes sent, 5 answered, 0 failed, 0% loss");
            assertThat(l[2]).matches("round-trip min/avg/max/mdev = [0-9.]+/[0-9.]+/[0-9.]+/[0-9.]+ ms");
        });
    }

    @Test
    void aSeriesGoesOnAfterFailuresAndEndsWithTheWorstCode() {
        int closed = Ports.free();
        Run r = Commands.echoscu("--count", "3", "--interval", "0.1", "127.0.0.1", String.valueOf(closed));
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        String[] lines = r.stdout().split("\n");
        assertThat(lines).hasSize(6);
        for (int i = 0; i < 3; i++) {
            assertThat(lines[i]).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3} probe " + (i + 1)
                    + ": refused \\(exit 1\\) resolve=[0-9.]+ms connect=[0-9.]+ms total=[0-9.]+ms: .*refused.*");
        }
        assertThat(lines[4]).isEqualTo("3 probes, 0 succeeded, 3 failed");
        assertThat(r.stderrLines()).filteredOn(l -> l.startsWith("F: Association Request Failed")).hasSize(3);

        Run ok = Commands.echoscu("--count", "2", "--interval", "0.1", "127.0.0.1", port(echoscp));
        assertThat(ok.exitCode()).as(ok.toString()).isZero();
        assertThat(ok.stdout()).contains("probe 1: ok (exit 0)", "probe 2: ok (exit 0)", "2 probes, 2 succeeded, 0 failed",
                "2 echoes sent, 2 answered, 0 failed, 0% loss");
    }

    // ---- JSON ---------------------------------------------------------------------------

    private static JsonNode probe(Run r) {
        List<JsonNode> lines = ProbeSchema.validLines(r.stdout());
        assertThat(lines).as(r.toString()).hasSize(2);
        assertThat(lines.get(1).get("type").asString()).isEqualTo("summary");
        return lines.get(0);
    }

    @Test
    void jsonAgainstEchoscpAndStorescp() {
        Run ours = Commands.echoscu("--format", "json", "--repeat", "3", "-aec", "ECHOSCP", "127.0.0.1", port(echoscp));
        assertThat(ours.exitCode()).isZero();
        assertThat(ours.stderr()).isEmpty();
        JsonNode p = probe(ours);
        assertThat(p.get("target").get("called_ae").asString()).isEqualTo("ECHOSCP");
        assertThat(p.get("target").get("address").asString()).isEqualTo("127.0.0.1");
        assertThat(p.get("outcome").get("reason").asString()).isEqualTo("ok");
        assertThat(p.get("echoes").get("answered").asInt()).isEqualTo(3);
        assertThat(p.get("status").asInt()).isZero();
        assertThat(p.get("phases_ms").propertyNames()).containsExactly("resolve", "connect", "associate", "echo",
                "release");

        Run dcmtk = Commands.echoscu("--format", "json", "-v", "127.0.0.1", port(storescp));
        assertThat(dcmtk.exitCode()).isZero();
        assertThat(dcmtk.stderr()).as("log lines stay on stderr").contains("I: Received Echo Response (Success)");
        JsonNode d = probe(dcmtk);
        assertThat(d.get("peer").get("implementation_version_name").asString()).startsWith("OFFIS_DCMTK_");
        assertThat(d.get("peer").get("implementation_class_uid").asString()).startsWith("1.2.276.0.7230010.3");
        assertThat(d.get("peer").get("max_pdu_length").asLong()).isPositive();
        assertThat(d.get("peer").get("transfer_syntax").asString()).isEqualTo("1.2.840.10008.1.2");
    }

    @Test
    void jsonNamesEachFailureByAStableReason() throws Exception {
        JsonNode refused = probe(Commands.echoscu("--format", "json", "127.0.0.1", String.valueOf(Ports.free())));
        assertThat(refused.get("outcome").get("reason").asString()).isEqualTo("refused");
        assertThat(refused.get("outcome").get("phase").asString()).isEqualTo("connect");
        assertThat(refused.get("outcome").get("exit_code").asInt()).isEqualTo(1);
        assertThat(refused.get("outcome").get("message").asString()).contains("refused");

        try (FakePeer silent = FakePeer.start(c -> c.awaitClose())) {
            JsonNode s = probe(Commands.echoscu("--format", "json", "-ta", "1", "127.0.0.1", String.valueOf(silent.port)));
            assertThat(s.get("outcome").get("reason").asString()).isEqualTo("timeout-associate");
            assertThat(s.get("phases_ms").get("associate").asDouble()).isGreaterThanOrEqualTo(900);
        }
        try (Server refusing = Server.storescp("--refuse")) {
            JsonNode rj = probe(Commands.echoscu("--format", "json", "127.0.0.1", port(refusing)));
            assertThat(rj.get("outcome").get("reason").asString()).isEqualTo("rejected");
            assertThat(rj.get("outcome").get("rejection").get("result").asInt()).isEqualTo(1);
        }
        try (Server picky = Server.echoscp("+ac", "KNOWN")) {
            JsonNode rj = probe(Commands.echoscu("--format", "json", "-aet", "STRANGER", "127.0.0.1", port(picky)));
            assertThat(rj.get("outcome").get("rejection").get("reason").asInt()).isEqualTo(3);
        }
        try (FakePeer noAnswer = FakePeer.start(c -> {
            c.associate();
            c.readMessage();
            c.awaitClose();
        })) {
            JsonNode t = probe(Commands.echoscu("--format", "json", "-td", "1", "127.0.0.1", String.valueOf(noAnswer.port)));
            assertThat(t.get("outcome").get("reason").asString()).isEqualTo("timeout-echo");
            assertThat(t.get("outcome").get("exit_code").asInt()).isEqualTo(70);
            assertThat(t.get("peer").get("implementation_version_name").asString()).isEqualTo("FAKE");
        }
        try (FakePeer failing = FakePeer.start(c -> {
            c.associate();
            c.readMessage();
            c.sendCommand(1, FakePeer.Conn.echoRsp(1, 0x0122));
            c.read(); // A-RELEASE-RQ
            c.send(new org.echoscu.pdu.AReleaseRp());
            c.awaitClose();
        })) {
            JsonNode st = probe(Commands.echoscu("--format", "json", "127.0.0.1", String.valueOf(failing.port)));
            assertThat(st.get("outcome").get("reason").asString()).isEqualTo("status");
            assertThat(st.get("status").asInt()).isEqualTo(0x0122);
        }
    }

    @Test
    void tlsHasAHandshakePhaseAndAFailedHandshakeIsNamedTls() throws Exception {
        List<String> client = TlsRuns.clientTls(org.echoscu.tls.TlsProfile.BCP195);
        try (Server tls = Server.echoscp(TlsRuns.args(TlsRuns.serverTls(org.echoscu.tls.TlsProfile.BCP195), "-v"))) {
            Run timed = Commands.echoscu(TlsRuns.args(client, "--timings", "127.0.0.1", port(tls)));
            assertThat(timed.exitCode()).as(timed.toString()).isZero();
            assertThat(timed.stdout().split("\n")).extracting(l -> l.replaceAll(":.*", ""))
                    .containsExactly("name resolution", "TCP connect", "TLS handshake", "association", "echo",
                            "release", "total", "peer");
            JsonNode p = probe(Commands.echoscu(TlsRuns.args(client, "--format", "json", "127.0.0.1", port(tls))));
            assertThat(p.get("target").get("tls").asBoolean()).isTrue();
            assertThat(p.get("phases_ms").has("tls")).isTrue();
        }
        JsonNode failed = probe(Commands.echoscu(TlsRuns.args(client, "--format", "json", "127.0.0.1",
                port(echoscp))));
        assertThat(failed.get("outcome").get("reason").asString()).as(failed.toString()).isEqualTo("tls");
        assertThat(failed.get("outcome").get("phase").asString()).isEqualTo("tls");
    }

    // ---- Nagios -------------------------------------------------------------------------

    @Test
    void nagiosStatesAndExitCodes() {
        Run ok = Commands.echoscu("--format", "nagios", "--warning", "5", "--critical", "10", "127.0.0.1", port(storescp));
        assertThat(ok.exitCode()).as(ok.toString()).isZero();
        assertThat(ok.stdout()).startsWith("DICOM ECHO OK - 127.0.0.1 port " + storescp.port
                + " (called AE 'ANY-SCP'): echo answered with Success in ");
        assertThat(ok.stdout().strip()).matches(".* \\| resolve=[0-9.]+s;;;0 connect=[0-9.]+s;;;0 associate=[0-9.]+s;;;0"
                + " echo=[0-9.]+s;;;0 release=[0-9.]+s;;;0 total=[0-9.]+s;5;10;0");

        Run warn = Commands.echoscu("--format", "nagios", "--warning", "0.000001", "127.0.0.1", port(echoscp));
        assertThat(warn.exitCode()).isEqualTo(1);
        assertThat(warn.stdout()).startsWith("DICOM ECHO WARNING - ");
        Run crit = Commands.echoscu("--format", "nagios", "--warning", "0.000001", "--critical", "0.000002",
                "127.0.0.1", port(echoscp));
        assertThat(crit.exitCode()).isEqualTo(2);
        assertThat(crit.stdout()).startsWith("DICOM ECHO CRITICAL - ");

        Run refused = Commands.echoscu("--format", "nagios", "127.0.0.1", String.valueOf(Ports.free()));
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.stdout()).startsWith("DICOM ECHO CRITICAL - ").contains("(refused)");
        assertThat(refused.stdout().strip()).doesNotContain("\n");

        Run bad = Commands.echoscu("--format", "nagios", "--critical", "ten", "127.0.0.1", port(echoscp));
        assertThat(bad.exitCode()).isEqualTo(3);
        assertThat(bad.stdout()).startsWith("DICOM ECHO UNKNOWN - bad command line: ");
        Run missing = Commands.echoscu("--format", "nagios", "127.0.0.1");
        assertThat(missing.exitCode()).isEqualTo(3);
        assertThat(missing.stdout()).startsWith("DICOM ECHO UNKNOWN - ").contains("Missing parameter port");
    }

    @Test
    void nagiosSaysWhichAeTitleWasRejected() throws Exception {
        try (Server picky = Server.echoscp("+ac", "KNOWN")) {
            Run r = Commands.echoscu("--format", "nagios", "-aet", "STRANGER", "127.0.0.1", port(picky));
            assertThat(r.exitCode()).isEqualTo(2);
            assertThat(r.stdout()).contains("the peer does not know our calling AE title 'STRANGER' (rejected)");
        }
        try (Server picky = Server.echoscp("+ch", "-aet", "MYSCP")) {
            Run r = Commands.echoscu("--format", "nagios", "-aec", "OTHER", "127.0.0.1", port(picky));
            assertThat(r.exitCode()).isEqualTo(2);
            assertThat(r.stdout()).contains("the peer does not know the called AE title 'OTHER' (rejected)");
        }
        try (FakePeer silent = FakePeer.start(c -> c.awaitClose())) {
            Run r = Commands.echoscu("--format", "nagios", "-ta", "1", "127.0.0.1", String.valueOf(silent.port));
            assertThat(r.exitCode()).isEqualTo(2);
            assertThat(r.stdout()).contains("(timeout-associate)");
        }
    }

    // ---- Prometheus ---------------------------------------------------------------------

    /** Prometheus's own linter accepts the text, with nothing to say. */
    private static void promtool(String metrics) {
        String promtool = Commands.debianTool("promtool", "prometheus", "these tests need Prometheus's linter");
        Run check = Commands.run(List.of(promtool, "check", "metrics"), Duration.ofSeconds(60), metrics, Map.of());
        assertThat(check.exitCode()).as("promtool check metrics on\n%s\n%s", metrics, check).isZero();
        assertThat(check.stdout() + check.stderr()).as(check.toString()).isBlank();
    }

    @Test
    void prometheusTextPassesPromtool() throws Exception {
        Run ok = Commands.echoscu("--format", "prometheus", "--repeat", "3", "127.0.0.1", port(storescp));
        assertThat(ok.exitCode()).isZero();
        promtool(ok.stdout());
        String labels = "host=\"127.0.0.1\",port=\"" + storescp.port
                + "\",calling_ae=\"ECHOSCU\",called_ae=\"ANY-SCP\",tls=\"false\"";
        assertThat(ok.stdout()).contains("dicom_echo_success{" + labels + "} 1\n",
                "dicom_echo_status_code{" + labels + "} 0\n", "dicom_echo_echoes_answered{" + labels + "} 3\n",
                "dicom_echo_phase_duration_seconds{" + labels + ",phase=\"associate\"} ");

        Run refused = Commands.echoscu("--format", "prometheus", "127.0.0.1", String.valueOf(Ports.free()));
        assertThat(refused.exitCode()).isEqualTo(1);
        promtool(refused.stdout());
        assertThat(refused.stdout()).contains(",reason=\"refused\"} 1\n").containsPattern("dicom_echo_success\\{.*\\} 0\n");

        try (Server refusing = Server.storescp("--refuse")) {
            // a double quote is allowed in an AE title (a backslash is not) and must be escaped in a label
            Run rj = Commands.echoscu("--format", "prometheus", "-aec", "A\"B", "127.0.0.1", port(refusing));
            promtool(rj.stdout());
            assertThat(rj.stdout()).contains("called_ae=\"A\\\"B\"", ",reason=\"rejected\"} 1\n");
        }
        try (FakePeer silent = FakePeer.start(c -> c.awaitClose())) {
            Run s = Commands.echoscu("--format", "prometheus", "-ta", "1", "127.0.0.1", String.valueOf(silent.port));
            promtool(s.stdout());
            assertThat(s.stdout()).contains(",reason=\"timeout-associate\"} 1\n");
        }
        Run series = Commands.echoscu("--format", "prometheus", "--count", "2", "--interval", "0", "127.0.0.1",
                port(echoscp));
        promtool(series.stdout());
        assertThat(series.stdout()).containsPattern("dicom_echo_probes\\{.*result=\"ok\"\\} 2\n");
    }

    // ---- SIGINT and SIGTERM --------------------------------------------------------------

    /**
     * Starts echoscu with SIGINT at its default disposition: a test JVM started in the
     * background (as a CI job may be) has SIGINT ignored, and an ignored signal stays ignored
     * across exec, as a shell's background job would have it; perl puts the default back.
     */
    private static Process startEchoscu(Path out, Path err, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("perl", "-e", "$SIG{INT} = 'DEFAULT'; exec @ARGV or die",
                Commands.ROOT.resolve("bin/echoscu").toString()));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    }

    /** {@code kill -SIGNAL}: INT as Ctrl-C sends it, TERM as a monitor, systemd or a script's kill does. */
    private static void signal(Process p, String signal) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + signal, String.valueOf(p.pid())).start();
        assertThat(kill.waitFor()).isZero();
    }

    private static String read(Path p) throws IOException {
        return Files.readString(p, StandardCharsets.UTF_8);
    }

    private static void await(String what, java.util.function.BooleanSupplier condition) {
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                fail("waited 30 s for %s", what);
            }
            Ports.sleep(50);
        }
    }

    private static int count(String text, String what) {
        int n = 0;
        for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }

    @ParameterizedTest
    @ValueSource(strings = {"INT", "TERM"})
    void aSignalEndsAnEndlessSeriesWithItsSummaryAndNoHalfOpenAssociation(String signal) throws Exception {
        Path out = Files.createTempFile("echoscu", ".out");
        Path err = Files.createTempFile("echoscu", ".err");
        Process p = startEchoscu(out, err, "--count", "0", "--interval", "0.05", "--repeat", "20", "127.0.0.1",
                port(echoscp));
        await("three probes", () -> {
            try {
                return count(read(out), " probe ") >= 3;
            } catch (IOException e) {
                return false;
            }
        });
        signal(p, signal);
        assertThat(p.waitFor(20, TimeUnit.SECONDS)).as("echoscu ends after SIG" + signal).isTrue();
        String stdout = read(out);
        assertThat(p.exitValue()).as(stdout + read(err)).isZero();
        assertThat(stdout).contains("DICOM echo statistics ---").containsPattern("\\d+ probes, \\d+ succeeded, 0 failed, "
                + "interrupted\n");
        String log = echoscp.log();
        await("echoscp to see every association end", () -> {
            String l = echoscp.log();
            return count(l, "Association Received") == count(l, "Association Release") + count(l, "Association Aborted");
        });
        assertThat(log).doesNotContain("Exception");
    }

    @Test
    void sigintWhileTheAssociationIsRequestedSaysTheUserInterruptedIt() throws Exception {
        CompletableFuture<Boolean> requested = new CompletableFuture<>();
        try (FakePeer silent = FakePeer.start(c -> {
            c.readRq(); // never answered
            requested.complete(true);
            c.awaitClose();
        })) {
            Path out = Files.createTempFile("echoscu", ".out");
            Path err = Files.createTempFile("echoscu", ".err");
            Process p = startEchoscu(out, err, "--count", "0", "127.0.0.1", String.valueOf(silent.port));
            requested.get(30, TimeUnit.SECONDS);
            signal(p, "INT");
            assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
            String log = read(err);
            assertThat(log).contains("F: Association Request Failed: interrupted by the user")
                    .doesNotContain("Socket closed").doesNotContain("connection lost");
            assertThat(read(out)).contains("probe 1: interrupted (exit 1)")
                    .contains(": Association Request Failed: interrupted by the user");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"INT", "TERM"})
    void aSignalInsideAnAssociationSendsAnAbortAndStillSummarises(String signal) throws Exception {
        CompletableFuture<Pdu> afterEcho = new CompletableFuture<>();
        CompletableFuture<Boolean> closed = new CompletableFuture<>();
        CompletableFuture<Boolean> echoArrived = new CompletableFuture<>();
        try (FakePeer holding = FakePeer.start(c -> {
            c.associate();
            c.readMessage(); // the C-ECHO-RQ, never answered
            echoArrived.complete(true);
            afterEcho.complete(c.read());
            c.awaitClose();
            closed.complete(true);
        })) {
            Path out = Files.createTempFile("echoscu", ".out");
            Path err = Files.createTempFile("echoscu", ".err");
            Process p = startEchoscu(out, err, "--count", "0", "--format", "json", "127.0.0.1",
                    String.valueOf(holding.port));
            echoArrived.get(30, TimeUnit.SECONDS);
            signal(p, signal);
            assertThat(afterEcho.get(20, TimeUnit.SECONDS)).as("the peer is told with an A-ABORT")
                    .isInstanceOf(AAbort.class);
            assertThat(closed.get(20, TimeUnit.SECONDS)).as("and the connection is closed").isTrue();
            assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as("no probe finished: nothing verified").isEqualTo(1);
            List<JsonNode> lines = ProbeSchema.validLines(read(out));
            assertThat(lines).hasSize(2);
            assertThat(lines.get(0).get("outcome").get("reason").asString()).isEqualTo("interrupted");
            assertThat(lines.get(0).get("outcome").get("phase").asString()).isEqualTo("echo");
            // the log and the probe say what happened, not what the interruption did to the socket
            assertThat(lines.get(0).get("outcome").get("message").asString())
                    .isEqualTo("Echo Failed: interrupted by the user");
            assertThat(read(err)).contains("E: Echo Failed: interrupted by the user").doesNotContain("Socket closed");
            assertThat(lines.get(1).get("interrupted").asBoolean()).isTrue();
            assertThat(lines.get(1).get("probes").asInt()).isZero();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"INT", "TERM"})
    void aSignalEndsALongRepeatWithItsStatistics(String signal) throws Exception {
        Path out = Files.createTempFile("echoscu", ".out");
        Path err = Files.createTempFile("echoscu", ".err");
        Process p = startEchoscu(out, err, "--repeat", "100000000", "--stats", "-v", "127.0.0.1", port(echoscp));
        await("echoes under way", () -> {
            try {
                return count(read(err), "Received Echo Response") >= 20;
            } catch (IOException e) {
                return false;
            }
        });
        signal(p, signal);
        assertThat(p.waitFor(20, TimeUnit.SECONDS)).as("echoscu ends after SIG" + signal).isTrue();
        String stdout = read(out);
        assertThat(stdout).as(stdout + read(err)).contains("DICOM echo statistics ---")
                .containsPattern("\\d+ echoes sent, \\d+ answered");
        assertThat(p.exitValue()).as("the interrupted probe finished nothing").isEqualTo(1);
    }
}
