package org.echoscu.report;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.echoscu.probe.Phase;
import org.echoscu.probe.ProbeResult;

/**
 * The outputs of a many-target run, views of each target's {@link ProbeResult}: in text, one
 * line per target as it ends and, at the end, a table sorted by outcome (best first, as
 * {@link Series} ranks exit codes) then target, and a summary line; in JSON, the probe object
 * of {@link JsonView} per target, {@code seq} being the target's place in the list.
 */
public final class FleetView {

    /** The columns of the table after outcome, exit code and target: the phases, in their order. */
    private static final Phase[] COLUMNS = {Phase.RESOLVE, Phase.CONNECT, Phase.TLS, Phase.ASSOCIATE, Phase.ECHO,
        Phase.RELEASE};

    private final PrintStream out;
    private final boolean json;
    private final Series series = new Series();

    public FleetView(PrintStream out, boolean json) {
        this.out = out;
        this.json = json;
    }

    /**
     * Target number {@code seq} (from 1), shown as {@code label}, has ended; {@code ownName} is
     * its name of its own (an Orthanc modality's key) for the JSON object, or null.
     */
    public void target(int seq, String label, String ownName, ProbeResult r) {
        series.add(r);
        out.println(json ? JsonView.probeObject(seq, r, ownName) : line(label, r));
        out.flush();
    }

    /** The table and summary (text only), once every target has ended; {@code names} and {@code results} in list order. */
    public void end(List<String> names, List<ProbeResult> results, long wallNanos) {
        if (!json) {
            out.print(table(names, results));
            out.println(summary(results, wallNanos));
            out.flush();
        }
    }

    /** The run's exit code: 0 when every target succeeded, otherwise the worst one's. */
    public int exitCode() {
        return series.exitCode();
    }

    /** {@code reason target phase=…ms … total=…ms[: message]}. */
    static String line(String name, ProbeResult r) {
        StringBuilder sb = new StringBuilder(String.format("%-17s %s", r.outcome().reason().key(), name));
        return TextView.phasesAndMessage(sb, r).toString();
    }

    @SuppressWarnings("EnumOrdinal") // within one exit code, the table lists reasons in Reason's declared order
    static String table(List<String> names, List<ProbeResult> results) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.<Integer>comparingInt(i -> Series.rank(results.get(i).outcome().exitCode()))
                .thenComparing(i -> results.get(i).outcome().reason().ordinal())
                .thenComparing(names::get));
        List<String[]> rows = new ArrayList<>();
        String[] head = new String[3 + COLUMNS.length + 1];
        head[0] = "OUTCOME";
        head[1] = "EXIT";
        head[2] = "TARGET";
        for (int c = 0; c < COLUMNS.length; c++) {
            head[3 + c] = COLUMNS[c].key().toUpperCase(java.util.Locale.ROOT) + " ms";
        }
        head[head.length - 1] = "TOTAL ms";
        rows.add(head);
        for (int i : order) {
            ProbeResult r = results.get(i);
            String[] row = new String[head.length];
            row[0] = r.outcome().reason().key();
            row[1] = Integer.toString(r.outcome().exitCode());
            row[2] = names.get(i);
            for (int c = 0; c < COLUMNS.length; c++) {
                java.util.OptionalLong n = r.times().nanos(COLUMNS[c]);
                row[3 + c] = n.isPresent() ? Millis.human(n.getAsLong()) : "-";
            }
            row[row.length - 1] = Millis.human(r.times().totalNanos());
            rows.add(row);
        }
        int[] width = new int[head.length];
        for (String[] row : rows) {
            for (int c = 0; c < row.length; c++) {
                width[c] = Math.max(width[c], row[c].length());
            }
        }
        StringBuilder sb = new StringBuilder();
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < row.length; c++) {
                boolean number = c == 1 || c >= 3;
                String cell = number ? " ".repeat(width[c] - row[c].length()) + row[c]
                        : row[c] + " ".repeat(width[c] - row[c].length());
                line.append(c == 0 ? "" : "  ").append(cell);
            }
            sb.append(line.toString().stripTrailing()).append('\n');
        }
        return sb.toString();
    }

    /** {@code N targets: a ok, b failed (reason n, …) in s s, exit e}. */
    static String summary(List<ProbeResult> results, long wallNanos) {
        int ok = 0;
        Map<String, Integer> failed = new TreeMap<>();
        Series s = new Series();
        for (ProbeResult r : results) {
            s.add(r);
            if (r.outcome().ok()) {
                ok++;
            } else {
                failed.merge(r.outcome().reason().key(), 1, Integer::sum);
            }
        }
        StringBuilder sb = new StringBuilder();
        sb.append(results.size()).append(results.size() == 1 ? " target: " : " targets: ").append(ok).append(" ok, ")
                .append(results.size() - ok).append(" failed");
        if (!failed.isEmpty()) {
            StringBuilder kinds = new StringBuilder();
            for (Map.Entry<String, Integer> e : failed.entrySet()) {
                kinds.append(kinds.length() == 0 ? "" : ", ").append(e.getKey()).append(' ').append(e.getValue());
            }
            sb.append(" (").append(kinds).append(')');
        }
        sb.append(" in ").append(Millis.human(wallNanos / 1000.0)).append(" s, exit ").append(s.exitCode());
        return sb.toString();
    }
}
