package org.echoscu.fleet;

import org.echoscu.acse.AeTitles;
import org.echoscu.net.AddressText;

/** Parses one {@code [CALLED_AE@]HOST:PORT} word; IPv6 addresses in brackets ({@code [::1]:104}). */
public final class TargetWords {

    private TargetWords() {
    }


    /** @throws TargetFormatException with a message that says what is wrong with {@code word} */
    public static TargetSpec parse(String word) throws TargetFormatException {
        String rest = word;
        String ae = null;
        int at = word.lastIndexOf('@');
        if (at >= 0) {
            ae = word.substring(0, at);
            String problem = AeTitles.problem(ae);
            if (problem != null) {
                throw new TargetFormatException("the called AE title '" + ae + "' " + problem);
            }
            rest = word.substring(at + 1);
        }
        String host;
        String portText;
        if (rest.startsWith("[")) {
            int close = rest.indexOf(']');
            if (close < 0 || close + 1 >= rest.length() || rest.charAt(close + 1) != ':') {
                throw new TargetFormatException("expected [IPv6-ADDRESS]:PORT, found '" + word + "'");
            }
            host = rest.substring(1, close);
            portText = rest.substring(close + 2);
        } else {
            int colon = rest.lastIndexOf(':');
            if (colon < 0) {
                throw new TargetFormatException("expected [CALLED_AE@]HOST:PORT, found '" + word + "' (no port)");
            }
            host = rest.substring(0, colon);
            portText = rest.substring(colon + 1);
            if (host.indexOf(':') >= 0) {
                throw new TargetFormatException("an IPv6 address goes in brackets: [" + host + "]:" + portText);
            }
        }
        if (host.isEmpty()) {
            throw new TargetFormatException("no host in '" + word + "'");
        }
        String shown = AddressText.host(host); // [0:0::1]:104 is shown, sorted and probed as [::1]:104
        TargetSpec spec = new TargetSpec(word, ae, shown, port(portText, word));
        return shown.equals(host) ? spec : new TargetSpec(spec.address(), ae, shown, spec.port());
    }

    static int port(String text, String where) throws TargetFormatException {
        int port;
        try {
            port = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new TargetFormatException("invalid port '" + text + "' in '" + where + "'");
        }
        if (port < 1 || port > 65535) {
            throw new TargetFormatException("port " + port + " out of range 1..65535 in '" + where + "'");
        }
        return port;
    }
}
