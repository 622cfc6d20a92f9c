package org.echoscu.exporter;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.echoscu.report.JsonWriter;

/**
 * The exporter's own log on standard error, one line per event, as Prometheus's exporters write
 * it ({@code --log.format}): logfmt ({@code time=… level=info msg="…" key=value}) or JSON. Written
 * here, in a few lines, because neither format is what our logging back end writes (Logback has
 * no logfmt), and the exporter needs nothing else of a back end. Values are never secrets: no
 * caller passes one.
 */
final class ExporterLog {

    enum Level { DEBUG, INFO, WARN, ERROR }

    private final Level threshold;
    private final boolean json;

    ExporterLog(Level threshold, boolean json) {
        this.threshold = threshold;
        this.json = json;
    }

    boolean enabled(Level level) {
        return level.compareTo(threshold) >= 0;
    }

    void debug(String msg, Object... keyValues) {
        log(Level.DEBUG, msg, keyValues);
    }

    void info(String msg, Object... keyValues) {
        log(Level.INFO, msg, keyValues);
    }

    void warn(String msg, Object... keyValues) {
        log(Level.WARN, msg, keyValues);
    }

    void error(String msg, Object... keyValues) {
        log(Level.ERROR, msg, keyValues);
    }

    /** One line: the message, then key and value pairs. */
    void log(Level level, String msg, Object... keyValues) {
        if (!enabled(level)) {
            return;
        }
        StringBuilder sb = new StringBuilder(128);
        String time = Instant.now().truncatedTo(ChronoUnit.MILLIS).toString();
        String lvl = level.name().toLowerCase(java.util.Locale.ROOT);
        if (json) {
            sb.append("{\"time\":\"").append(time).append("\",\"level\":\"").append(lvl).append("\",\"msg\":");
            jsonString(sb, msg);
            for (int i = 0; i + 1 < keyValues.length; i += 2) {
                sb.append(",\"").append(keyValues[i]).append("\":");
                Object v = keyValues[i + 1];
                if (v instanceof Number n) {
                    sb.append(n);
                } else {
                    jsonString(sb, String.valueOf(v));
                }
            }
            sb.append('}');
        } else {
            sb.append("time=").append(time).append(" level=").append(lvl).append(" msg=");
            logfmt(sb, msg);
            for (int i = 0; i + 1 < keyValues.length; i += 2) {
                sb.append(' ').append(keyValues[i]).append('=');
                logfmt(sb, String.valueOf(keyValues[i + 1]));
            }
        }
        sb.append('\n');
        byte[] bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
        synchronized (System.err) {
            System.err.write(bytes, 0, bytes.length);
            System.err.flush();
        }
    }

    /** A logfmt value: bare when it needs no quoting, else quoted with \" \\ \n escaped. */
    static void logfmt(StringBuilder sb, String v) {
        boolean plain = !v.isEmpty();
        for (int i = 0; i < v.length() && plain; i++) {
            char c = v.charAt(i);
            plain = c > ' ' && c != '"' && c != '=' && c != '\\' && c < 0x7f;
        }
        if (plain) {
            sb.append(v);
            return;
        }
        sb.append('"');
        JsonWriter.escape(sb, v);
        sb.append('"');
    }

    private static void jsonString(StringBuilder sb, String v) {
        sb.append('"');
        JsonWriter.escape(sb, v);
        sb.append('"');
    }

}
