package org.echoscu.cli.ship;

/** Text made safe for a man page (groff's man macros). */
final class Troff {

    private Troff() {
    }

    /**
     * Plain text as troff: backslashes and hyphens escaped (option names stay minus signs one
     * can copy), and a line that would start with a control character made literal.
     */
    static String escape(String text) {
        String s = text.replace("\\", "\\e").replace("-", "\\-");
        if (s.startsWith(".") || s.startsWith("'")) {
            s = "\\&" + s;
        }
        return s;
    }

    static String bold(String text) {
        return "\\fB" + escape(text) + "\\fR";
    }

    static String italic(String text) {
        return "\\fI" + escape(text) + "\\fR";
    }

    /** A quoted macro argument: double quotes inside become troff's own. */
    static String quoted(String text) {
        return "\"" + escape(text).replace("\"", "\\(dq") + "\"";
    }
}
