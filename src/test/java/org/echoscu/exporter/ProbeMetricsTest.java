package org.echoscu.exporter;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;

import org.echoscu.probe.PeerReport;
import org.echoscu.probe.Phase;
import org.echoscu.probe.PhaseTimes;
import org.echoscu.probe.ProbeOutcome;
import org.echoscu.probe.ProbeResult;
import org.echoscu.probe.Reason;
import org.echoscu.probe.RoundTrips;
import org.echoscu.probe.Target;
import org.junit.jupiter.api.Test;

class ProbeMetricsTest {

    private static String text(PeerReport report) throws Exception {
        ProbeResult r = new ProbeResult(new Target("pacs", null, 104, "ECHOSCU", "ANY-SCP", false), Instant.EPOCH,
                PhaseTimes.of(Map.of()), RoundTrips.NONE, new ProbeOutcome(0, Reason.OK, Phase.RELEASE, null, null),
                null, null, null, report);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrometheusTextFormatWriter.create().write(out,
                ProbeMetrics.of(new ProbeRun(1, "m", new ProbeTarget("ANY-SCP", "pacs", 104), r, 5, 1000, null, "")));
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void noPeerReportNoPeerInfoMetrics() throws Exception {
        assertThat(text(null)).contains("probe_success 1").doesNotContain("peer_report").doesNotContain("sop_class");
    }

    @Test
    void eachAcceptedPairIsOneSeriesAndEachProbedClassSaysWhetherItWasAccepted() throws Exception {
        String t = text(new PeerReport(2, 1, 2_500_000_000L, List.of(
                new PeerReport.SopClass("1.2.840.10008.1.1", true, List.of("1.2.840.10008.1.2", "1.2.840.10008.1.2.1")),
                new PeerReport.SopClass("1.2.840.10008.5.1.4.1.1.2", true, List.of()),
                new PeerReport.SopClass("1.2.840.10008.5.1.4.1.1.4", false, List.of()))));
        assertThat(t).contains("probe_success 1.0\n")
                .contains("probe_dicom_peer_report_success 0.0\n")
                .contains("probe_dicom_peer_report_duration_seconds 2.5\n")
                .contains("probe_dicom_accepted_transfer_syntax_info{sop_class=\"1.2.840.10008.1.1\","
                        + "transfer_syntax=\"1.2.840.10008.1.2\"} 1\n")
                .contains("probe_dicom_accepted_transfer_syntax_info{sop_class=\"1.2.840.10008.1.1\","
                        + "transfer_syntax=\"1.2.840.10008.1.2.1\"} 1\n")
                .contains("probe_dicom_sop_class_accepted{sop_class=\"1.2.840.10008.1.1\"} 1.0\n")
                .contains("probe_dicom_sop_class_accepted{sop_class=\"1.2.840.10008.5.1.4.1.1.2\"} 0.0\n")
                .doesNotContain("1.2.840.10008.5.1.4.1.1.4");
        assertThat(t.lines().filter(l -> l.startsWith("probe_dicom_accepted_transfer_syntax_info{"))).hasSize(2);
    }

    @Test
    void aReportNotMadeIsAFailedReportWithoutSeries() throws Exception {
        assertThat(text(PeerReport.notMade())).contains("probe_dicom_peer_report_success 0.0\n")
                .doesNotContain("probe_dicom_accepted_transfer_syntax_info").doesNotContain("sop_class");
    }
}
