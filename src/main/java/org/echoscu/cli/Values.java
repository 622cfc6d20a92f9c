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
}
