package org.echoscu.text;

import java.util.ArrayList;
import java.util.List;

/** A text's lines, split at each newline ("a\n" is "a" and ""), without regular expressions. */
public final class Lines {

    private Lines() {
    }

    /** Adds the lines of {@code text} to {@code out}. */
    public static void split(String text, List<String> out) {
        int start = 0;
        for (int nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', start)) {
            out.add(text.substring(start, nl));
            start = nl + 1;
        }
        out.add(text.substring(start));
    }

    public static List<String> of(String text) {
        List<String> out = new ArrayList<>();
        split(text, out);
        return out;
    }
}
