package org.echoscu.log;

import java.util.ArrayList;
import java.util.List;

import org.echoscu.text.Lines;

/**
 * What one log message prints as lines, for every layout (the console's {@code L: } lines
 * and the -lc patterns alike): the message split at newlines ("a\n" is "a" and ""), then, for
 * an exception and each of its causes, "class: message" and its stack frames.
 */
public final class LogLines {

    private LogLines() {
    }

    public static List<String> of(String message, Throwable thrown) {
        List<String> out = new ArrayList<>();
        split(out, message);
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            split(out, t.getClass().getName() + ": " + t.getMessage());
            for (StackTraceElement e : t.getStackTrace()) {
                split(out, "    at " + e);
            }
        }
        return out;
    }

    private static void split(List<String> out, String text) {
        Lines.split(text == null ? "null" : text, out);
    }
}
