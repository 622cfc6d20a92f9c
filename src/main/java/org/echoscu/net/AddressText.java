package org.echoscu.net;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;

/**
 * The one owner of how an IP address is written for people and programs: IPv6 as RFC 5952
 * says ({@code ::1}, {@code 2001:db8::1}: lower case, no leading zeros, the longest run of two
 * or more zero groups as {@code ::}), where the JDK writes every group ({@code 0:0:0:0:0:0:0:1}).
 * Every message, log line, JSON field, Prometheus label and table takes its addresses from here.
 * Also the owner of what counts as an address literal, which is used as the family it is,
 * whatever -i4/-i6 say (they steer name resolution).
 */
public final class AddressText {

    private AddressText() {
    }

    /** {@code a} as RFC 5952 writes it (an IPv6 scope, {@code %eth0}, kept); IPv4 as dotted quad. */
    public static String of(InetAddress a) {
        if (!(a instanceof Inet6Address)) {
            return a.getHostAddress();
        }
        String jdk = a.getHostAddress();
        int percent = jdk.indexOf('%');
        return rfc5952(a.getAddress()) + (percent < 0 ? "" : jdk.substring(percent));
    }

    /** {@code address:port}, an IPv6 address in brackets ({@code [::1]:104}); "?" for null. */
    public static String of(InetSocketAddress a) {
        if (a == null) {
            return "?";
        }
        String host = a.getAddress() == null ? a.getHostString() : of(a.getAddress());
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + a.getPort();
    }

    /**
     * A peer as given, for output: an IPv6 literal (with or without brackets) in RFC 5952's
     * form without brackets, anything else (a name, an IPv4 literal) as written.
     */
    public static String host(String given) {
        if (given == null || given.indexOf(':') < 0) {
            return given;
        }
        try {
            return of(InetAddress.getByName(unbracketed(given))); // a literal: parsed, never resolved
        } catch (UnknownHostException | IllegalArgumentException e) {
            return given; // not an address after all: its own words say best what was given
        }
    }

    /**
     * Whether {@code host} is an address literal rather than a name: IPv6 (it has a colon,
     * which no host name has, brackets or not) or IPv4 (digits and dots only: no top-level
     * domain is all digits, so no name looks like that).
     */
    public static boolean isLiteral(String host) {
        if (host.indexOf(':') >= 0) {
            return true;
        }
        if (host.isEmpty()) {
            return false;
        }
        for (int i = 0; i < host.length(); i++) {
            char c = host.charAt(i);
            if ((c < '0' || c > '9') && c != '.') {
                return false;
            }
        }
        return true;
    }

    private static String unbracketed(String host) {
        return host.length() > 1 && host.charAt(0) == '[' && host.charAt(host.length() - 1) == ']'
                ? host.substring(1, host.length() - 1) : host;
    }

    /** RFC 5952, section 4: the 16 bytes of an IPv6 address as text. */
    static String rfc5952(byte[] b) {
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = (b[2 * i] & 0xff) << 8 | (b[2 * i + 1] & 0xff);
        }
        // the longest run of zero groups, the first of equal ones, and only a run of two or more (4.2.2, 4.2.3)
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; ) {
            if (groups[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j;
        }
        StringBuilder sb = new StringBuilder(39);
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append("::");
                i += bestLength - 1;
                continue;
            }
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
                sb.append(':');
            }
            sb.append(Integer.toHexString(groups[i])); // lower case, no leading zeros (4.1, 4.3)
        }
        return sb.toString();
    }
}
