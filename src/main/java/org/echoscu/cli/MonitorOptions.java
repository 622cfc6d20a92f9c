package org.echoscu.cli;

import java.math.BigDecimal;
import java.io.PrintStream;

import org.echoscu.report.JsonView;
import org.echoscu.report.NagiosView;
import org.echoscu.report.ProbeView;
import org.echoscu.report.PrometheusView;
import org.echoscu.report.TextView;
import org.echoscu.report.Threshold;

/**
 * The monitoring options of echoscu (docs/monitoring.md): {@code --timings}, {@code --stats},
 * {@code --count}, {@code --interval}, {@code --format}, {@code --warning}, {@code --critical}.
 * Loaded only when one of them is on the command line.
 */
record MonitorOptions(boolean timings, boolean stats, int count, boolean series, long intervalNanos, String format,
                      Threshold warning, Threshold critical) {

    static MonitorOptions parse(ParsedArgs p) throws UsageException {
        String format = p.value("--format", "text");
        if (!format.equals("text") && !format.equals("json") && !format.equals("nagios")
                && !format.equals("prometheus")) {
            throw new UsageException("Invalid value for option --format (" + format
                    + "): use text, json, nagios or prometheus");
        }
        boolean series = p.has("--count");
        int count = Values.intOption(p, "--count", 0, Integer.MAX_VALUE, 1);
        long interval = 1_000_000_000L;
        String text = p.value("--interval", null);
        if (text != null) {
            try {
                BigDecimal seconds = new BigDecimal(text.trim());
                if (seconds.signum() < 0 || seconds.compareTo(BigDecimal.valueOf(86_400)) > 0) {
                    throw new UsageException("Invalid value for option --interval (" + text + "): 0 to 86400 s");
                }
                interval = seconds.movePointRight(9).longValue();
            } catch (NumberFormatException e) {
                throw new UsageException("Invalid value for option --interval (" + text + ")");
            }
        }
        Threshold warning = threshold(p, "--warning");
        Threshold critical = threshold(p, "--critical");
        if ((warning != null || critical != null) && !format.equals("nagios")) {
            throw new UsageException("--warning and --critical need --format nagios");
        }
        return new MonitorOptions(p.has("--timings"), p.has("--stats"), count, series, interval, format, warning,
                critical);
    }

    private static Threshold threshold(ParsedArgs p, String name) throws UsageException {
        String text = p.value(name, null);
        if (text == null) {
            return null;
        }
        try {
            return Threshold.parse(text);
        } catch (IllegalArgumentException e) {
            throw new UsageException("Invalid value for option " + name + ": " + e.getMessage());
        }
    }

    ProbeView view(PrintStream out) {
        return switch (format) {
            case "json" -> new JsonView(out);
            case "nagios" -> new NagiosView(out, warning, critical);
            case "prometheus" -> new PrometheusView(out);
            default -> new TextView(out, timings, stats, series);
        };
    }
}
