package org.echoscu.fleet;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small JSON reader (RFC 8259) for Orthanc's configuration files, which also allow
 * {@code //} and {@code /* *}{@code /} comments: objects become ordered maps, arrays lists,
 * numbers {@code Double} or {@code Long}, and the rest strings, booleans and null. Errors name
 * the line. Depth is bounded so a hostile file cannot exhaust the stack.
 */
final class JsonReader {

    private static final int MAX_DEPTH = 64;

    private final String text;
    private int at;

    private JsonReader(String text) {
        this.text = text;
    }

    static Object parse(String text) throws TargetFormatException {
        JsonReader r = new JsonReader(text);
        Object value = r.value(0);
        r.skipSpace();
        if (r.at < text.length()) {
            throw r.error("unexpected text after the end of the JSON value");
        }
        return value;
    }

    private Object value(int depth) throws TargetFormatException {
        if (depth > MAX_DEPTH) {
            throw error("nested more than " + MAX_DEPTH + " levels deep");
        }
        skipSpace();
        if (at >= text.length()) {
            throw error("unexpected end of file");
        }
        char c = text.charAt(at);
        switch (c) {
            case '{':
                return object(depth);
            case '[':
                return array(depth);
            case '"':
                return string();
            default:
                if (c == '-' || (c >= '0' && c <= '9')) {
                    return number();
                }
                for (String word : new String[] {"true", "false", "null"}) {
                    if (text.startsWith(word, at)) {
                        at += word.length();
                        return word.equals("null") ? null : Boolean.valueOf(word);
                    }
                }
                throw error("unexpected character '" + c + "'");
        }
    }

    private Map<String, Object> object(int depth) throws TargetFormatException {
        Map<String, Object> m = new LinkedHashMap<>();
        at++;
        skipSpace();
        if (peek() == '}') {
            at++;
            return m;
        }
        while (true) {
            skipSpace();
            if (peek() != '"') {
                throw error("expected a member name in quotes");
            }
            String key = string();
            skipSpace();
            expect(':');
            m.put(key, value(depth + 1));
            skipSpace();
            if (peek() == ',') {
                at++;
                continue;
            }
            expect('}');
            return m;
        }
    }

    private List<Object> array(int depth) throws TargetFormatException {
        List<Object> list = new ArrayList<>();
        at++;
        skipSpace();
        if (peek() == ']') {
            at++;
            return list;
        }
        while (true) {
            list.add(value(depth + 1));
            skipSpace();
            if (peek() == ',') {
                at++;
                continue;
            }
            expect(']');
            return list;
        }
    }

    private String string() throws TargetFormatException {
        StringBuilder sb = new StringBuilder();
        at++;
        while (at < text.length()) {
            char c = text.charAt(at++);
            if (c == '"') {
                return sb.toString();
            }
            if (c != '\\') {
                sb.append(c);
                continue;
            }
            if (at >= text.length()) {
                break;
            }
            char e = text.charAt(at++);
            switch (e) {
                case 'n' -> sb.append('\n');
                case 't' -> sb.append('\t');
                case 'r' -> sb.append('\r');
                case 'b' -> sb.append('\b');
                case 'f' -> sb.append('\f');
                case 'u' -> {
                    if (at + 4 > text.length()) {
                        throw error("truncated \\u escape");
                    }
                    try {
                        sb.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                    } catch (NumberFormatException x) {
                        throw error("invalid \\u escape");
                    }
                    at += 4;
                }
                default -> sb.append(e); // \" \\ \/
            }
        }
        throw error("unterminated string");
    }

    private Object number() throws TargetFormatException {
        int start = at;
        while (at < text.length() && "+-0123456789.eE".indexOf(text.charAt(at)) >= 0) {
            at++;
        }
        String n = text.substring(start, at);
        try {
            return n.matches("-?\\d{1,18}") ? (Object) Long.valueOf(n) : (Object) Double.valueOf(n);
        } catch (NumberFormatException e) {
            throw error("invalid number '" + n + "'");
        }
    }

    private char peek() throws TargetFormatException {
        if (at >= text.length()) {
            throw error("unexpected end of file");
        }
        return text.charAt(at);
    }

    private void expect(char c) throws TargetFormatException {
        if (peek() != c) {
            throw error("expected '" + c + "', found '" + text.charAt(at) + "'");
        }
        at++;
    }

    /** Skips white space and comments. */
    private void skipSpace() throws TargetFormatException {
        while (at < text.length()) {
            char c = text.charAt(at);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\uFEFF') {
                at++;
            } else if (text.startsWith("//", at)) {
                int nl = text.indexOf('\n', at);
                at = nl < 0 ? text.length() : nl + 1;
            } else if (text.startsWith("/*", at)) {
                int end = text.indexOf("*/", at + 2);
                if (end < 0) {
                    throw error("unterminated /* comment");
                }
                at = end + 2;
            } else {
                return;
            }
        }
    }

    private TargetFormatException error(String what) {
        int line = 1;
        for (int i = 0; i < Math.min(at, text.length()); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return new TargetFormatException("line " + line + ": " + what);
    }
}
