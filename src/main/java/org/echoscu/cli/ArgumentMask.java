package org.echoscu.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * The command line as --arguments prints it, without the secrets our own options carry: the
 * value of -pwd/--password, the TLS key's +pw/--use-passwd, and the password in
 * --proxy/--socks5 USER:PASSWORD@HOST:PORT.
 * (DCMTK prints its arguments as given; a log is no place for a password.)
 */
final class ArgumentMask {

    static final String MASK = "********";

    private ArgumentMask() {
    }

    static List<String> masked(List<String> args) {
        List<String> out = new ArrayList<>(args.size());
        String previous = "";
        for (String a : args) {
            out.add(mask(previous, a));
            previous = a;
        }
        return out;
    }

    private static String mask(String previous, String a) {
        if (previous.equals("-pwd") || previous.equals("--password") || previous.equals("+pw")
                || previous.equals("--use-passwd")) {
            return MASK;
        }
        if (a.startsWith("--password=") || a.startsWith("--use-passwd=")) {
            return a.substring(0, a.indexOf('=') + 1) + MASK;
        }
        if (previous.equals("--proxy") || previous.equals("--socks5")) {
            return proxy(a);
        }
        if (a.startsWith("--proxy=") || a.startsWith("--socks5=")) {
            int eq = a.indexOf('=');
            return a.substring(0, eq + 1) + proxy(a.substring(eq + 1));
        }
        return a;
    }

    /** USER:PASSWORD@HOST:PORT becomes USER:********@HOST:PORT. */
    private static String proxy(String value) {
        int at = value.lastIndexOf('@');
        int colon = value.indexOf(':');
        return at < 0 || colon < 0 || colon > at ? value : value.substring(0, colon + 1) + MASK + value.substring(at);
    }
}
