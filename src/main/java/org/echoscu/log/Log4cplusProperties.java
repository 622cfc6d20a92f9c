package org.echoscu.log;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A log4cplus property file as log4cplus reads it, and oflog's variables. Not
 * java.util.Properties: that one treats backslashes, ':' and '!' differently and knows no
 * ${...}.
 *
 * <p>Syntax: one {@code key = value} a line, both trimmed; lines starting with '#' and lines
 * without '=' are ignored; a later key wins. In values, {@code ${name}} is replaced, looking
 * in turn at oflog's predefined variables (appname, date, time, pid, hostname), the keys of
 * this file (full names, e.g. ${log4cplus.rootLogger}), Java system properties and the
 * environment; replacements are expanded again, a name that refers back to itself is left as
 * written, as is a name found nowhere.
 */
final class Log4cplusProperties {

    private static final int MAX_DEPTH = 32;

    private final Map<String, String> raw;
    private final Map<String, Supplier<String>> predefined;

    private Log4cplusProperties(Map<String, String> raw, Map<String, Supplier<String>> predefined) {
        this.raw = raw;
        this.predefined = predefined;
    }

    /** Reads a file; undecodable bytes become U+FFFD rather than failing. */
    static Log4cplusProperties read(Path file, String appName) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        String text = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE)
                .decode(ByteBuffer.wrap(bytes)).toString();
        return parse(text, oflogVariables(appName));
    }

    static Log4cplusProperties parse(String text, Map<String, Supplier<String>> predefined) {
        Map<String, String> raw = new LinkedHashMap<>();
        for (String line : text.split("\n", -1)) {
            String l = line.strip();
            if (l.isEmpty() || l.charAt(0) == '#') {
                continue;
            }
            int eq = l.indexOf('=');
            if (eq < 0) {
                continue;
            }
            String key = l.substring(0, eq).strip();
            if (!key.isEmpty()) {
                raw.put(key, l.substring(eq + 1).strip());
            }
        }
        return new Log4cplusProperties(raw, predefined);
    }

    /** The variables oflog defines before it reads the file; these win over the file's keys. */
    static Map<String, Supplier<String>> oflogVariables(String appName) {
        LocalDateTime now = LocalDateTime.now(java.time.ZoneId.systemDefault()); // oflog's local time
        String date = now.format(DateTimeFormatter.ofPattern("yyyyMMdd"));
        String time = now.format(DateTimeFormatter.ofPattern("HHmmss"));
        String pid = Long.toString(ProcessHandle.current().pid());
        Map<String, Supplier<String>> vars = new LinkedHashMap<>();
        vars.put("appname", () -> appName);
        vars.put("date", () -> date);
        vars.put("time", () -> time);
        vars.put("pid", () -> pid);
        vars.put("hostname", () -> Log4cplusPattern.Host.NAME);
        return vars;
    }

    boolean isEmpty() {
        return raw.isEmpty();
    }

    boolean contains(String key) {
        return raw.containsKey(key);
    }

    /** A value with variables replaced, or null if the key is not set. */
    String get(String key) {
        String v = raw.get(key);
        if (v == null) {
            return null;
        }
        Deque<String> active = new ArrayDeque<>();
        active.push(key);
        return expand(v, active);
    }

    String get(String key, String fallback) {
        String v = get(key);
        return v == null ? fallback : v;
    }

    /** The keys that start with prefix, in file order. */
    List<String> keysStartingWith(String prefix) {
        List<String> keys = new ArrayList<>();
        for (String k : raw.keySet()) {
            if (k.startsWith(prefix)) {
                keys.add(k);
            }
        }
        return keys;
    }

    private String expand(String value, Deque<String> active) {
        if (value.indexOf("${") < 0 || active.size() > MAX_DEPTH) {
            return value;
        }
        StringBuilder sb = new StringBuilder(value.length() + 16);
        int i = 0;
        while (i < value.length()) {
            int open = value.indexOf("${", i);
            int close = open < 0 ? -1 : value.indexOf('}', open + 2);
            if (close < 0) {
                sb.append(value, i, value.length());
                break;
            }
            sb.append(value, i, open);
            String name = value.substring(open + 2, close);
            String replacement = active.contains(name) ? null : lookup(name);
            if (replacement == null) {
                sb.append(value, open, close + 1);
            } else {
                active.push(name);
                sb.append(expand(replacement, active));
                active.pop();
            }
            i = close + 1;
        }
        return sb.toString();
    }

    private String lookup(String name) {
        Supplier<String> pre = predefined.get(name);
        if (pre != null) {
            return pre.get();
        }
        String v = raw.get(name);
        if (v == null && !name.isEmpty()) {
            v = System.getProperty(name);
            if (v == null) {
                v = System.getenv(name);
            }
        }
        return v;
    }
}
