package org.echoscu.report;

import java.io.PrintStream;
import java.util.Map;

import org.echoscu.probe.Phase;
import org.echoscu.probe.ProbeResult;
import org.echoscu.probe.RoundTrips;
import org.echoscu.probe.Target;

/**
 * {@code --format prometheus}: the Prometheus text exposition format (version 0.0.4), written
 * once at the end of the run, for node_exporter's textfile collector: the last finished
 * probe's success, exit code, reason, phase durations, status and start time, and the round
 * trips of the whole run, all labelled by target. No sample carries a timestamp (the textfile
 * collector refuses them); the start time is a gauge of its own.
 */
public final class PrometheusView implements ProbeView {

    private final PrintStream out;

    public PrometheusView(PrintStream out) {
        this.out = out;
    }

    @Override
    public void probe(int seq, ProbeResult r) {
        // written at the end: a textfile holds one value per series
    }

    @Override
    public void end(Series s) {
        out.print(metrics(s));
        out.flush();
    }

    static String metrics(Series s) {
        ProbeResult r = s.lastFinished();
        if (r == null) {
            return "";
        }
        String l = labels(r.target());
        StringBuilder sb = new StringBuilder();
        gauge(sb, "dicom_echo_success", "1 when the last probe verified the peer (every echo answered Success), else 0.");
        sample(sb, "dicom_echo_success", l, r.outcome().ok() ? "1" : "0");
        gauge(sb, "dicom_echo_exit_code", "Exit code of the last probe (0, 1 or 70, as echoscu's).");
        sample(sb, "dicom_echo_exit_code", l, Integer.toString(r.outcome().exitCode()));
        gauge(sb, "dicom_echo_reason", "1 for the reason the last probe ended with (ok, refused, rejected, ...).");
        sample(sb, "dicom_echo_reason", l + ",reason=\"" + r.outcome().reason().key() + "\"", "1");
        gauge(sb, "dicom_echo_phase_duration_seconds", "Duration of each phase of the last probe.");
        for (Map.Entry<Phase, Long> e : r.times().asMap().entrySet()) {
            sample(sb, "dicom_echo_phase_duration_seconds", l + ",phase=\"" + e.getKey().key() + "\"",
                    Millis.seconds(e.getValue()));
        }
        gauge(sb, "dicom_echo_duration_seconds", "Duration of the whole last probe.");
        sample(sb, "dicom_echo_duration_seconds", l, Millis.seconds(r.times().totalNanos()));
        if (r.status() != null) {
            gauge(sb, "dicom_echo_status_code", "Status (0000,0900) of the last C-ECHO-RSP received (0 is Success).");
            sample(sb, "dicom_echo_status_code", l, Integer.toString(r.status()));
        }
        gauge(sb, "dicom_echo_last_probe_timestamp_seconds", "When the last probe started, in seconds since the epoch.");
        sample(sb, "dicom_echo_last_probe_timestamp_seconds", l,
                java.math.BigDecimal.valueOf(r.started().toEpochMilli()).movePointLeft(3).toPlainString());
        RoundTrips rt = s.echoes();
        gauge(sb, "dicom_echo_echoes_sent", "C-ECHO-RQ sent during this run.");
        sample(sb, "dicom_echo_echoes_sent", l, Long.toString(rt.sent()));
        gauge(sb, "dicom_echo_echoes_answered", "C-ECHO-RSP with Success received during this run.");
        sample(sb, "dicom_echo_echoes_answered", l, Long.toString(rt.answered()));
        if (rt.answered() > 0) {
            gauge(sb, "dicom_echo_round_trip_seconds", "C-ECHO round trips of this run: min, avg, max, mdev.");
            sample(sb, "dicom_echo_round_trip_seconds", l + ",stat=\"min\"", Millis.seconds(rt.minNanos()));
            sample(sb, "dicom_echo_round_trip_seconds", l + ",stat=\"avg\"", Millis.seconds(rt.avgNanos()));
            sample(sb, "dicom_echo_round_trip_seconds", l + ",stat=\"max\"", Millis.seconds(rt.maxNanos()));
            sample(sb, "dicom_echo_round_trip_seconds", l + ",stat=\"mdev\"", Millis.seconds(rt.mdevNanos()));
        }
        gauge(sb, "dicom_echo_probes", "Probes of this run by result.");
        sample(sb, "dicom_echo_probes", l + ",result=\"ok\"", Long.toString(s.succeeded()));
        sample(sb, "dicom_echo_probes", l + ",result=\"failed\"", Long.toString(s.failed()));
        return sb.toString();
    }

    private static void gauge(StringBuilder sb, String name, String help) {
        sb.append("# HELP ").append(name).append(' ').append(help).append('\n');
        sb.append("# TYPE ").append(name).append(" gauge\n");
    }

    private static void sample(StringBuilder sb, String name, String labels, String value) {
        sb.append(name).append('{').append(labels).append("} ").append(value).append('\n');
    }

    static String labels(Target t) {
        return "host=\"" + escape(t.host()) + "\",port=\"" + t.port() + "\",calling_ae=\"" + escape(t.callingAe())
                + "\",called_ae=\"" + escape(t.calledAe()) + "\",tls=\"" + t.tls() + "\"";
    }

    /** Label values escape backslash, double quote and line feed (exposition format 0.0.4). */
    static String escape(String v) {
        return v.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
