package org.echoscu.cli;

/** Numbers from the command line, refused in DCMTK's words. */
final class Values {

    private Values() {
    }

    /** An integer option's rightmost value within [min, max], or {@code dflt} when absent. */
    static int intOption(ParsedArgs args, String name, long min, long max, int dflt) throws UsageException {
        ParsedArgs.Occurrence o = args.last(name);
        if (o == null) {
            return dflt;
        }
        String text = o.values().get(0);
        String option = "Invalid value for option " + o.opt().display();
        long v;
        try {
            v = Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw new UsageException(option + " (" + text + ")");
        }
        if (v < min) {
            throw new UsageException(option + " (underflow: " + text + ")");
        }
        if (v > max) {
            throw new UsageException(option + " (overflow: " + text + ")");
        }
        return (int) v;
    }

    /** A TCP port parameter, 1..65535. */
    static int port(String text) throws UsageException {
        long v;
        try {
            v = Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw new UsageException("Invalid parameter value " + text);
        }
        if (v < 1) {
            throw new UsageException("Invalid parameter value " + text + " (underflow)");
        }
        if (v > 65535) {
            throw new UsageException("Invalid parameter value " + text + " (overflow)");
        }
        return (int) v;
    }

    /**
     * The shapes of an address literal, compiled only when an option takes one: held here, not
     * in Values itself, because every run reads its command line through Values, and compiling
     * them at its start loaded java.util.regex (some 40 classes) into every plain echo.
     */
    private static final class LiteralShapes {
        static final java.util.regex.Pattern IPV4 = java.util.regex.Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
        static final java.util.regex.Pattern IPV6 = java.util.regex.Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*(%\\w+)?");
    }

    /**
     * An IP address literal (IPv6 with or without brackets), never a host name: a name could
     * stand for several addresses, or for none on the day the service starts.
     */
    static java.net.InetAddress ipAddress(String text, String option) throws UsageException {
        String t = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        if (LiteralShapes.IPV4.matcher(t).matches() || LiteralShapes.IPV6.matcher(t).matches()) {
            try {
                return java.net.InetAddress.getByName(t); // a literal: no name service is asked
            } catch (java.net.UnknownHostException e) {
                // falls through to the error below
            }
        }
        throw new UsageException("Invalid value for option " + option + " (" + text
                + ": not an IPv4 or IPv6 address)");
    }
}
