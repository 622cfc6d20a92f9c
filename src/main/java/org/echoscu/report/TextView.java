package org.echoscu.report;

import java.io.PrintStream;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import org.echoscu.probe.Phase;
import org.echoscu.probe.ProbeResult;
import org.echoscu.probe.RoundTrips;
import org.echoscu.probe.Target;

/**
 * The text outputs for people, on standard output: {@code --timings} (one line per phase
 * after a single probe), one line per probe in a series ({@code --count}), and the closing
 * statistics in the manner of {@code ping} ({@code --stats}, and always after a series).
 */
public final class TextView implements ProbeView {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS")
            .withZone(ZoneOffset.UTC);

    private final PrintStream out;
    private final boolean timings;
    private final boolean stats;
    private final boolean series;

    /**
     * @param timings  phase lines after each probe (alone) or in each probe's line (series)
     * @param stats    the closing statistics
     * @param series   one line per probe as it ends (--count)
     */
    public TextView(PrintStream out, boolean timings, boolean stats, boolean series) {
        this.out = out;
        this.timings = timings;
        this.stats = stats;
        this.series = series;
    }

    @Override
    public void probe(int seq, ProbeResult r) {
        if (series) {
            out.println(probeLine(seq, r));
        } else if (timings) {
            out.print(timingLines(r));
        }
        out.flush();
    }

    @Override
    public void end(Series s) {
        if (stats || series) {
            out.print(statistics(s));
            out.flush();
        }
    }

    /**
     * One line per phase with its duration, in the order they happened, then the round trips and
     * the address used. Through a proxy (a proxy phase happened) the labels say which connection
     * each phase was, and the column widens to the longest of them.
     */
    static String timingLines(ProbeResult r) {
        StringBuilder sb = new StringBuilder();
        boolean proxied = r.times().nanos(Phase.PROXY).isPresent();
        int width = 17;
        for (Phase p : r.times().asMap().keySet()) {
            width = Math.max(width, p.label(proxied).length() + 1);
        }
        for (Map.Entry<Phase, Long> e : r.times().asMap().entrySet()) {
            sb.append(String.format("%-" + width + "s %s ms%n", e.getKey().label(proxied) + ":",
                    Millis.human(e.getValue())));
        }
        RoundTrips rt = r.echoes();
        if (rt.answered() > 1) {
            sb.append(String.format("%-" + width + "s %s%n", "echo round trip:", roundTrip(rt)));
        }
        sb.append(String.format("%-" + width + "s %s ms%n", "total:", Millis.human(r.times().totalNanos())));
        sb.append(String.format("%-" + width + "s %s%n", "peer:", peer(r.target())));
        return sb.toString();
    }

    /** The line of one probe in a series: when, how it ended, the phase times. */
    static String probeLine(int seq, ProbeResult r) {
        StringBuilder sb = new StringBuilder();
        sb.append(TIME.format(r.started())).append(" probe ").append(seq).append(": ")
                .append(r.outcome().reason().key()).append(" (exit ").append(r.outcome().exitCode()).append(')');
        return phasesAndMessage(sb, r).toString();
    }

    /** Appends {@code " phase=…ms … total=…ms"} and, when the probe failed, {@code ": message"}; also a target's line of a many-target run. */
    static StringBuilder phasesAndMessage(StringBuilder sb, ProbeResult r) {
        for (Map.Entry<Phase, Long> e : r.times().asMap().entrySet()) {
            sb.append(' ').append(e.getKey().key()).append('=').append(Millis.human(e.getValue())).append("ms");
        }
        sb.append(" total=").append(Millis.human(r.times().totalNanos())).append("ms");
        if (r.outcome().message() != null) {
            sb.append(": ").append(Words.oneLine(r.outcome().message()));
        }
        return sb;
    }

    static String statistics(Series s) {
        StringBuilder sb = new StringBuilder();
        ProbeResult any = s.last();
        String who = any == null ? "peer" : any.target().host() + " port " + any.target().port();
        sb.append("--- ").append(who).append(" DICOM echo statistics ---\n");
        if (s.probes() > 1 || s.wasInterrupted()) {
            sb.append(s.probes()).append(" probes, ").append(s.succeeded()).append(" succeeded, ")
                    .append(s.failed()).append(" failed");
            if (s.wasInterrupted()) {
                sb.append(", interrupted");
            }
            sb.append('\n');
        }
        RoundTrips rt = s.echoes();
        sb.append(rt.sent()).append(" echoes sent, ").append(rt.answered()).append(" answered, ")
                .append(rt.failed()).append(" failed, ").append(percent(rt.lossPercent())).append("% loss\n");
        if (rt.answered() > 0) {
            sb.append("round-trip ").append(roundTrip(rt)).append('\n');
        }
        return sb.toString();
    }

    private static String roundTrip(RoundTrips rt) {
        return "min/avg/max/mdev = " + Millis.human(rt.minNanos()) + "/" + Millis.human(rt.avgNanos()) + "/"
                + Millis.human(rt.maxNanos()) + "/" + Millis.human(rt.mdevNanos()) + " ms";
    }

    private static String percent(double p) {
        return p == Math.rint(p) ? Long.toString((long) p) : String.format(java.util.Locale.ROOT, "%.1f", p);
    }

    static String peer(Target t) {
        return (t.address() == null ? t.host() : t.host().equals(t.address()) ? t.host()
                : t.host() + " (" + t.address() + ")") + " port " + t.port();
    }
}
