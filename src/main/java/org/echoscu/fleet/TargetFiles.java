package org.echoscu.fleet;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads a {@code --targets} file: one {@code [CALLED_AE@]HOST:PORT} a line with {@code #}
 * comments and blank lines; or, when its first character that is neither space nor comment
 * is <code>{</code>, an Orthanc configuration file, whose {@code DicomModalities} become the
 * targets (both of Orthanc's forms: {@code "name": ["AET", "host", port]} and
 * {@code "name": {"AET": …, "Host": …, "Port": …}}).
 */
public final class TargetFiles {

    private TargetFiles() {
    }

    public static List<TargetSpec> read(Path file) throws TargetFormatException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new TargetFormatException("cannot read targets file '" + file + "': " + e.getMessage());
        }
        try {
            return looksLikeJson(text) ? orthanc(text) : lines(text);
        } catch (TargetFormatException e) {
            throw new TargetFormatException("targets file '" + file + "' " + e.getMessage());
        }
    }

    static boolean looksLikeJson(String text) {
        for (String line : text.split("\n", -1)) {
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("#") || t.startsWith("//")) {
                continue;
            }
            return t.startsWith("{") || t.startsWith("/*");
        }
        return false;
    }

    static List<TargetSpec> lines(String text) throws TargetFormatException {
        List<TargetSpec> out = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = stripComment(lines[i]).strip();
            if (line.isEmpty()) {
                continue;
            }
            if (line.indexOf(' ') >= 0 || line.indexOf('\t') >= 0) {
                throw new TargetFormatException("line " + (i + 1) + ": one target a line, found '" + line + "'");
            }
            try {
                out.add(TargetWords.parse(line));
            } catch (TargetFormatException e) {
                throw new TargetFormatException("line " + (i + 1) + ": " + e.getMessage());
            }
        }
        return out;
    }

    /** A {@code #} starts a comment at the start of a line or after white space (an AE title may hold one). */
    private static String stripComment(String line) {
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) == '#' && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
                return line.substring(0, i);
            }
        }
        return line;
    }

    static List<TargetSpec> orthanc(String text) throws TargetFormatException {
        Object root = JsonReader.parse(text);
        if (!(root instanceof Map<?, ?> config)) {
            throw new TargetFormatException("is JSON but not an object: not an Orthanc configuration");
        }
        Object modalities = config.get("DicomModalities");
        if (!(modalities instanceof Map<?, ?> entries)) {
            throw new TargetFormatException(modalities == null
                    ? "is an Orthanc configuration without DicomModalities: no targets"
                    : "has a DicomModalities that is not an object");
        }
        List<TargetSpec> out = new ArrayList<>();
        for (Map.Entry<?, ?> e : entries.entrySet()) {
            String name = (String) e.getKey();
            out.add(modality(name, e.getValue()));
        }
        return out;
    }

    private static TargetSpec modality(String name, Object entry) throws TargetFormatException {
        Object ae;
        Object host;
        Object port;
        if (entry instanceof List<?> list) {
            if (list.size() < 3) {
                throw new TargetFormatException("DicomModalities \"" + name + "\": expected [\"AET\", \"host\", port]");
            }
            ae = list.get(0);
            host = list.get(1);
            port = list.get(2);
        } else if (entry instanceof Map<?, ?> map) {
            ae = map.get("AET");
            host = map.get("Host");
            port = map.get("Port");
            if (ae == null || host == null || port == null) {
                throw new TargetFormatException("DicomModalities \"" + name + "\": needs AET, Host and Port");
            }
        } else {
            throw new TargetFormatException("DicomModalities \"" + name + "\": neither an array nor an object");
        }
        if (!(ae instanceof String aet) || !(host instanceof String h) || h.isEmpty()) {
            throw new TargetFormatException("DicomModalities \"" + name + "\": AET and host must be strings");
        }
        String problem = org.echoscu.acse.AeTitles.problem(aet);
        if (problem != null) {
            throw new TargetFormatException("DicomModalities \"" + name + "\": the AE title '" + aet + "' " + problem);
        }
        String portText = port instanceof Long l ? Long.toString(l) : port instanceof String s ? s : String.valueOf(port);
        String where = "DicomModalities \"" + name + "\"";
        String bare = h.startsWith("[") && h.endsWith("]") ? h.substring(1, h.length() - 1) : h;
        return new TargetSpec(name, aet, bare, TargetWords.port(portText, where));
    }
}
