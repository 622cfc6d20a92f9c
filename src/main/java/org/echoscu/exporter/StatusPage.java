package org.echoscu.exporter;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import org.echoscu.probe.ProbeResult;

/**
 * The status page {@code /}: what a PACS administrator opens first. The latest result per target
 * with the time of its last failure, the recent probes (failures kept apart from successes, see
 * {@link History}) with links to their logs, links to the configuration, build and uptime.
 * Plain server-rendered HTML with its style inline: no script, nothing loaded from elsewhere,
 * one column on a phone.
 */
final class StatusPage {

    private StatusPage() {
    }

    static String render(History history, Instant started, int limit) {
        StringBuilder sb = new StringBuilder(8192);
        sb.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>echoscu-exporter</title><style>"
                + "body{font-family:system-ui,sans-serif;margin:1em;max-width:70em}"
                + "table{border-collapse:collapse;width:100%;font-size:.9em}"
                + "th,td{text-align:left;padding:.25em .5em;border-bottom:1px solid #ddd;white-space:nowrap}"
                + ".scroll{overflow-x:auto}.ok{color:#060}.fail{color:#b00;font-weight:bold}"
                + "</style></head><body>\n<h1>echoscu-exporter</h1>\n<p>Version ")
                .append(esc(ExporterBuild.VERSION)).append(", up ").append(uptime(started))
                .append(". <a href=\"/metrics\">Metrics</a> · <a href=\"/config\">Configuration</a> · "
                        + "<a href=\"/-/healthy\">Health</a></p>\n");
        sb.append("<h2>Targets</h2>\n<div class=\"scroll\"><table id=\"targets\"><tr><th>Target</th><th>Module</th>"
                + "<th>Result</th><th>Last probe</th><th>Last failure</th><th>Log</th></tr>\n");
        for (History.Latest l : history.latest()) {
            ProbeRun r = l.last();
            sb.append("<tr><td>").append(esc(r.target().toString())).append("</td><td>").append(esc(r.module()))
                    .append("</td><td>").append(result(r.result())).append("</td><td>").append(time(r.result().started()))
                    .append("</td><td>").append(l.lastFailure() == null ? "" : time(l.lastFailure()))
                    .append("</td><td><a href=\"/logs?target=").append(url(r.target().toString())).append("&amp;module=")
                    .append(url(r.module())).append("\">log</a></td></tr>\n");
        }
        sb.append("</table></div>\n<h2>Recent probes</h2>\n<p>The last ").append(limit)
                .append(" successes and, apart from them, the last ").append(limit).append(" failures.</p>\n")
                .append("<div class=\"scroll\"><table id=\"probes\"><tr><th>Time</th><th>Module</th><th>Target</th>"
                        + "<th>Result</th><th>Reason</th><th>Duration</th><th>Log</th></tr>\n");
        for (ProbeRun r : history.probes()) {
            sb.append("<tr><td>").append(time(r.result().started())).append("</td><td>").append(esc(r.module()))
                    .append("</td><td>").append(esc(r.target().toString())).append("</td><td>").append(result(r.result()))
                    .append("</td><td>").append(esc(r.result().outcome().reason().key())).append("</td><td>")
                    .append(String.format(Locale.ROOT, "%.3f s", r.durationNanos() / 1e9))
                    .append("</td><td><a href=\"/logs?id=").append(r.id()).append("\">log</a></td></tr>\n");
        }
        sb.append("</table></div>\n</body></html>\n");
        return sb.toString();
    }

    /** {@code /logs}: one probe's log as plain text, with how it ended. */
    static String log(ProbeRun r) {
        ProbeResult p = r.result();
        StringBuilder sb = new StringBuilder();
        sb.append("Probe ").append(r.id()).append(": module ").append(r.module()).append(", target ").append(r.target())
                .append(", started ").append(p.started()).append('\n');
        sb.append("Result: ").append(p.outcome().ok() ? "success" : "failure, reason " + p.outcome().reason().key()
                + " in phase " + p.outcome().phase().key()).append(String.format(Locale.ROOT, ", %.3f s%n",
                r.durationNanos() / 1e9));
        if (!p.outcome().ok() && p.outcome().message() != null) {
            sb.append(p.outcome().message()).append('\n');
        }
        sb.append('\n').append(r.log() == null ? "" : r.log());
        return sb.toString();
    }

    private static String result(ProbeResult r) {
        return r.outcome().ok() ? "<span class=\"ok\">success</span>" : "<span class=\"fail\">failure</span>";
    }

    private static String time(Instant t) {
        return esc(t.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
    }

    private static String uptime(Instant started) {
        Duration d = Duration.between(started, Instant.now());
        return d.toDays() + "d " + d.toHoursPart() + "h " + d.toMinutesPart() + "m " + d.toSecondsPart() + "s";
    }

    private static String url(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static String esc(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

}
