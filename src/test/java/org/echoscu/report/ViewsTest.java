package org.echoscu.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.echoscu.ProbeSchema;
import org.echoscu.probe.Phase;
import org.echoscu.probe.PhaseTimes;
import org.echoscu.probe.ProbeOutcome;
import org.echoscu.probe.ProbeResult;
import org.echoscu.probe.Reason;
import org.echoscu.probe.RoundTrips;
import org.echoscu.probe.Target;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/** Each view against probe results of known content. */
class ViewsTest {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    private String written() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private String run(ProbeView view, ProbeResult... results) {
        Series s = new Series();
        int seq = 1;
        for (ProbeResult r : results) {
            s.add(r);
            view.probe(seq++, r);
        }
        view.end(s);
        return written();
    }

    @Test
    void jsonCarriesTheModelAndFollowsTheSchema() {
        List<JsonNode> lines = ProbeSchema.validLines(run(new JsonView(out), Samples.ok(), Samples.calledAeRejected()));
        assertThat(lines).hasSize(3);
        JsonNode ok = lines.get(0);
        assertThat(ok.get("seq").asInt()).isEqualTo(1);
        assertThat(ok.get("time").asString()).isEqualTo("2026-12-01T10:00:00.250Z");
        assertThat(ok.get("target").get("address").asString()).isEqualTo("192.0.2.7");
        assertThat(ok.get("outcome").get("reason").asString()).isEqualTo("ok");
        assertThat(ok.get("phases_ms").get("connect").asDouble()).isEqualTo(2.0);
        assertThat(ok.get("total_ms").asDouble()).isEqualTo(10.5);
        assertThat(ok.get("echoes").get("rtt_ms").get("avg").asDouble()).isEqualTo(4.0);
        assertThat(ok.get("peer").get("implementation_version_name").asString()).isEqualTo("OFFIS_DCMTK_367");
        assertThat(ok.get("status").asInt()).isZero();
        JsonNode rejected = lines.get(1);
        assertThat(rejected.get("outcome").get("reason").asString()).isEqualTo("rejected");
        assertThat(rejected.get("outcome").get("rejection").get("reason").asInt()).isEqualTo(7);
        assertThat(rejected.get("outcome").get("message").asString()).contains("\n");
        assertThat(rejected.get("peer").isNull()).isTrue();
        JsonNode summary = lines.get(2);
        assertThat(summary.get("type").asString()).isEqualTo("summary");
        assertThat(summary.get("probes").asInt()).isEqualTo(2);
        assertThat(summary.get("failed").asInt()).isEqualTo(1);
        assertThat(summary.get("exit_code").asInt()).isEqualTo(1);
    }

    @Test
    void jsonEscapesWhatItMust() {
        Target odd = new Target("h\"st\\é", null, 104, "A\tB", "Ü", false);
        ProbeResult r = new ProbeResult(odd, Instant.EPOCH, Samples.times(1), RoundTrips.NONE,
                new ProbeOutcome(1, Reason.RESOLVE, Phase.RESOLVE, "cannot resolve \"h\u0001\"\u2028", null), null, null, null);
        JsonNode n = ProbeSchema.validLines(JsonView.probeObject(1, r)).get(0);
        assertThat(n.get("target").get("host").asString()).isEqualTo("h\"st\\é");
        assertThat(n.get("target").get("calling_ae").asString()).isEqualTo("A\tB");
        assertThat(n.get("outcome").get("message").asString()).isEqualTo("cannot resolve \"h\u0001\"\u2028");
        assertThat(JsonView.probeObject(1, r)).matches("\\p{ASCII}*");
    }

    @Test
    void theSchemaRefusesWhatItShould() {
        String good = JsonView.probeObject(1, Samples.ok());
        assertThat(ProbeSchema.errors(good)).isEmpty();
        assertThat(ProbeSchema.errors(good.replace("\"reason\":\"ok\"", "\"reason\":\"fine\""))).isNotEmpty();
        assertThat(ProbeSchema.errors(good.replace("\"exit_code\":0", "\"exit_code\":70"))).isNotEmpty();
        assertThat(ProbeSchema.errors(good.replace("\"connect\":", "\"konnect\":"))).isNotEmpty();
        assertThat(ProbeSchema.errors(good.replace("\"seq\":1,", ""))).isNotEmpty();
    }

    @Test
    void nagiosOkWithPerfdataForEveryPhase() {
        NagiosView v = new NagiosView(out, Threshold.parse("0.5"), Threshold.parse("1"));
        String line = run(v, Samples.ok()).strip();
        assertThat(line).isEqualTo("DICOM ECHO OK - pacs.example.org (192.0.2.7) port 104 (called AE 'PACS'): "
                + "echo answered with Success in 10.5 ms | resolve=0.001s;;;0 connect=0.002s;;;0 "
                + "associate=0.003s;;;0 echo=0.004s;;;0 release=0.0005s;;;0 total=0.0105s;0.5;1;0");
        assertThat(v.exitCode(Samples.series(Samples.ok()))).isEqualTo(NagiosView.OK);
    }

    @Test
    void nagiosThresholdsOnTheWholeProbe() {
        NagiosView warn = new NagiosView(out, Threshold.parse("0.010"), Threshold.parse("0.020"));
        assertThat(run(warn, Samples.ok())).startsWith("DICOM ECHO WARNING - ")
                .contains("(warning threshold 0.010 s)");
        assertThat(warn.exitCode(null)).isEqualTo(NagiosView.WARNING);
        NagiosView crit = new NagiosView(out, Threshold.parse("0.005"), Threshold.parse("0.010"));
        crit.probe(1, Samples.ok());
        assertThat(crit.exitCode(null)).isEqualTo(NagiosView.CRITICAL);
        NagiosView inside = new NagiosView(out, Threshold.parse("@0:0.011"), null);
        inside.probe(1, Samples.ok());
        assertThat(inside.exitCode(null)).isEqualTo(NagiosView.WARNING);
    }

    @Test
    void nagiosNamesTheRejectedTitleAndIsCritical() {
        NagiosView v = new NagiosView(out, null, null);
        String line = run(v, Samples.ok(), Samples.calledAeRejected()).strip();
        assertThat(line).startsWith("DICOM ECHO CRITICAL - pacs.example.org (192.0.2.7) port 104 (called AE 'PACS'): "
                + "association rejected: the peer does not know the called AE title 'PACS' (rejected) |");
        assertThat(line).doesNotContain("\n");
        assertThat(v.exitCode(null)).isEqualTo(NagiosView.CRITICAL);
    }

    @Test
    void nagiosWithoutAnyFinishedProbeIsUnknown() {
        NagiosView v = new NagiosView(out, null, null);
        Series s = new Series();
        s.interrupted();
        v.end(s);
        assertThat(written()).startsWith("DICOM ECHO UNKNOWN - ");
        assertThat(v.exitCode(s)).isEqualTo(NagiosView.UNKNOWN);
    }

    @Test
    void prometheusLabelsByTargetAndEscapes() {
        String text = run(new PrometheusView(out), Samples.failedStatus());
        String labels = "host=\"pacs.example.org\",port=\"104\",calling_ae=\"ECHOSCU\",called_ae=\"PACS\",tls=\"false\"";
        assertThat(text).contains("dicom_echo_success{" + labels + "} 0\n")
                .contains("dicom_echo_exit_code{" + labels + "} 70\n")
                .contains("dicom_echo_reason{" + labels + ",reason=\"status\"} 1\n")
                .contains("dicom_echo_status_code{" + labels + "} 290\n")
                .contains("dicom_echo_phase_duration_seconds{" + labels + ",phase=\"associate\"} 0.003\n")
                .contains("dicom_echo_last_probe_timestamp_seconds{" + labels + "} 1796119200.250\n")
                .contains("# TYPE dicom_echo_duration_seconds gauge\n");
        assertThat(PrometheusView.escape("a\"b\\c\nd")).isEqualTo("a\\\"b\\\\c\\nd");
    }

    @Test
    void timingsOneLinePerPhaseThreeSignificantDigits() {
        String text = run(new TextView(out, true, false, false), Samples.ok());
        assertThat(text.split("\n")).containsExactly(
                "name resolution:  1.00 ms",
                "TCP connect:      2.00 ms",
                "association:      3.00 ms",
                "echo:             4.00 ms",
                "release:          0.500 ms",
                "total:            10.5 ms",
                "peer:             pacs.example.org (192.0.2.7) port 104");
    }

    @Test
    void timingsThroughAProxyInTheOrderTheyHappenNamingEachConnection() {
        Map<Phase, Long> m = new EnumMap<>(Phase.class);
        m.put(Phase.PROXY, 3_000_000L); // put first: the order is the phases', not the map's
        m.put(Phase.RESOLVE, 1_000_000L);
        m.put(Phase.CONNECT, 2_000_000L);
        m.put(Phase.ASSOCIATE, 4_000_000L);
        ProbeResult r = new ProbeResult(Samples.PACS, Samples.START, PhaseTimes.of(m), RoundTrips.NONE,
                new ProbeOutcome(1, Reason.TIMEOUT_ASSOCIATE, Phase.ASSOCIATE, "no answer", null), null, null, null);
        String text = run(new TextView(out, true, false, false), r);
        assertThat(text.split("\n")).containsExactly(
                "proxy name resolution: 1.00 ms",
                "TCP connect to proxy:  2.00 ms",
                "proxy tunnel to peer:  3.00 ms",
                "association:           4.00 ms",
                "total:                 10.0 ms",
                "peer:                  pacs.example.org (192.0.2.7) port 104");
    }

    @Test
    void statisticsInTheMannerOfPing() {
        ProbeResult three = new ProbeResult(Samples.PACS, Samples.START, Samples.times(1, 1, 1, 1, 1),
                RoundTrips.NONE.plusAnswered(1_000_000).plusAnswered(2_000_000).plusAnswered(3_000_000).plusFailed(),
                new ProbeOutcome(70, Reason.TIMEOUT_ECHO, Phase.ECHO, "Echo Failed: no answer", null), null, 0, null);
        String text = run(new TextView(out, false, true, false), three);
        assertThat(text.split("\n")).containsExactly(
                "--- pacs.example.org port 104 DICOM echo statistics ---",
                "4 echoes sent, 3 answered, 1 failed, 25% loss",
                "round-trip min/avg/max/mdev = 1.00/2.00/3.00/0.816 ms");
    }

    @Test
    void seriesLinesThenSummaryCountingProbes() {
        String text = run(new TextView(out, false, false, true), Samples.ok(), Samples.refused());
        String[] lines = text.split("\n");
        assertThat(lines[0]).isEqualTo("2026-12-01 10:00:00.250 probe 1: ok (exit 0) resolve=1.00ms connect=2.00ms "
                + "associate=3.00ms echo=4.00ms release=0.500ms total=10.5ms");
        assertThat(lines[1]).startsWith("2026-12-01 10:00:00.250 probe 2: refused (exit 1) resolve=1.00ms "
                + "connect=0.500ms total=1.50ms: Association Request Failed: ");
        assertThat(lines[2]).isEqualTo("--- pacs.example.org port 104 DICOM echo statistics ---");
        assertThat(lines[3]).isEqualTo("2 probes, 1 succeeded, 1 failed");
    }

    @Test
    void worstExitCodeRanksEchoFailureAboveNoAssociation() {
        assertThat(Samples.series(Samples.failedStatus(), Samples.refused(), Samples.ok()).exitCode()).isEqualTo(70);
        assertThat(Samples.series(Samples.ok(), Samples.refused()).exitCode()).isEqualTo(1);
        assertThat(Samples.series(Samples.ok()).exitCode()).isZero();
        assertThat(new Series().exitCode()).isEqualTo(1);
    }
}
