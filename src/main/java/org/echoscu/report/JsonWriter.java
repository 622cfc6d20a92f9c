package org.echoscu.report;

/**
 * A compact JSON text (RFC 8259) written in one pass: objects, strings, numbers, booleans and
 * null, with commas placed for the caller.
 *
 * <p>Hand-written on purpose: Jackson's streaming generator (jackson-core 3.1.8, the smallest
 * JSON library of Maven Central we would trust) loads 84 classes of its own, plus about 70 of
 * the JDK, to write one probe object; this is one class, and the JSON we write is a handful of
 * flat objects of known shape. Every non-ASCII character is escaped, so the output is the same
 * whatever the platform's charset.
 */
public final class JsonWriter {

    private final StringBuilder sb = new StringBuilder(512);
    /** Whether the object being written has a member already (needs a comma before the next). */
    private boolean[] hasMember = new boolean[8];
    private int depth = -1;

    JsonWriter begin() {
        sb.append('{');
        if (++depth == hasMember.length) {
            hasMember = java.util.Arrays.copyOf(hasMember, depth * 2);
        }
        hasMember[depth] = false;
        return this;
    }

    /** Starts a member whose value is an object. */
    JsonWriter begin(String name) {
        name(name);
        return begin();
    }

    JsonWriter end() {
        sb.append('}');
        depth--;
        return this;
    }

    JsonWriter string(String name, String value) {
        name(name);
        if (value == null) {
            sb.append("null");
        } else {
            quote(value);
        }
        return this;
    }

    JsonWriter number(String name, long value) {
        name(name);
        sb.append(value);
        return this;
    }

    /** A decimal number already formatted (digits, one optional point, optional minus). */
    JsonWriter decimal(String name, String value) {
        name(name);
        sb.append(value);
        return this;
    }

    JsonWriter bool(String name, boolean value) {
        name(name);
        sb.append(value);
        return this;
    }

    /** A member whose value is an array of strings (the peer-info report's lists). */
    JsonWriter strings(String name, java.util.List<String> values) {
        name(name);
        sb.append('[');
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            quote(values.get(i));
        }
        sb.append(']');
        return this;
    }

    JsonWriter nul(String name) {
        name(name);
        sb.append("null");
        return this;
    }

    @Override
    public String toString() {
        return sb.toString();
    }

    private void name(String name) {
        if (hasMember[depth]) {
            sb.append(',');
        }
        hasMember[depth] = true;
        quote(name);
        sb.append(':');
    }

    private void quote(String s) {
        sb.append('"');
        escape(sb, s);
        sb.append('"');
    }

    /**
     * Appends {@code s} escaped for a JSON string (without the quotes): the one escaping rule of
     * every JSON we write, the probe views' and the exporter's log lines'. Every non-ASCII
     * character is escaped, so the output is the same whatever the platform's charset.
     */
    public static void escape(StringBuilder sb, String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
    }
}
