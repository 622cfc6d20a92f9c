package org.echoscu.report;

import java.io.PrintStream;
import java.util.Map;

import org.echoscu.probe.Phase;
import org.echoscu.probe.ProbeResult;
import org.echoscu.probe.Reason;

/**
 * {@code --format nagios}: the one line of a Monitoring Plugin ("DICOM ECHO OK - …|perfdata")
 * and its exit code, as the Monitoring Plugins guidelines define them: 0 OK, 1 WARNING,
 * 2 CRITICAL, 3 UNKNOWN. A probe that failed is CRITICAL; one that succeeded is judged by its
 * whole time against {@code --critical}, then {@code --warning}. Of several probes
 * ({@code --count}) the worst state is reported, with that probe's words and perfdata.
 */
public final class NagiosView implements ProbeView {

    public static final int OK = 0;
    public static final int WARNING = 1;
    public static final int CRITICAL = 2;
    public static final int UNKNOWN = 3;
    private static final String[] NAMES = {"OK", "WARNING", "CRITICAL", "UNKNOWN"};

    private final PrintStream out;
    private final Threshold warning;
    private final Threshold critical;
    private int worstState = -1;
    private ProbeResult worstProbe;

    /** {@code warning} and {@code critical} may be null (no threshold). */
    public NagiosView(PrintStream out, Threshold warning, Threshold critical) {
        this.out = out;
        this.warning = warning;
        this.critical = critical;
    }

    @Override
    public void probe(int seq, ProbeResult r) {
        if (r.outcome().reason() == Reason.INTERRUPTED) {
            return;
        }
        int state = state(r);
        if (state > worstState) {
            worstState = state;
            worstProbe = r;
        }
    }

    @Override
    public void end(Series series) {
        out.println(worstProbe == null ? unknown("no probe finished (interrupted)") : line(worstState, worstProbe));
        out.flush();
    }

    @Override
    public int exitCode(Series series) {
        return worstProbe == null ? UNKNOWN : worstState;
    }

    /** The line for a run that could not probe at all: a bad command line or unusable TLS settings. */
    public static String unknown(String why) {
        return "DICOM ECHO UNKNOWN - " + Words.oneLine(why);
    }

    int state(ProbeResult r) {
        if (!r.outcome().ok()) {
            return CRITICAL;
        }
        double seconds = r.times().totalNanos() / 1e9;
        if (critical != null && critical.alerts(seconds)) {
            return CRITICAL;
        }
        if (warning != null && warning.alerts(seconds)) {
            return WARNING;
        }
        return OK;
    }

    String line(int state, ProbeResult r) {
        StringBuilder sb = new StringBuilder("DICOM ECHO ").append(NAMES[state]).append(" - ")
                .append(TextView.peer(r.target())).append(" (called AE '").append(r.target().calledAe()).append("'): ");
        if (r.outcome().ok()) {
            sb.append("echo answered with Success in ").append(Millis.human(r.times().totalNanos())).append(" ms");
            if (state != OK) {
                sb.append(" (").append(state == CRITICAL ? "critical" : "warning").append(" threshold ")
                        .append((state == CRITICAL ? critical : warning).text()).append(" s)");
            }
        } else {
            sb.append(Words.reason(r));
        }
        sb.append(" |");
        for (Map.Entry<Phase, Long> e : r.times().asMap().entrySet()) {
            sb.append(' ').append(e.getKey().key()).append('=').append(Millis.seconds(e.getValue())).append("s;;;0");
        }
        sb.append(" total=").append(Millis.seconds(r.times().totalNanos())).append("s;")
                .append(warning == null ? "" : warning.text()).append(';')
                .append(critical == null ? "" : critical.text()).append(";0");
        return sb.toString();
    }
}
