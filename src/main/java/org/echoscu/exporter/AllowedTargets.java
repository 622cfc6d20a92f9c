package org.echoscu.exporter;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * The configuration's {@code allowed_targets}: who a probe may reach, checked on the address
 * the target's name resolved to, before any connection is opened (so that the exporter is no
 * scanner for whoever can reach it). Each entry is a CIDR ({@code 10.20.0.0/16},
 * {@code fd00::/8}, a single address) or a host name (allowing the addresses it resolves to),
 * optionally followed by {@code :PORT} or {@code :FROM-TO}; an IPv6 CIDR goes in brackets when
 * a port follows ({@code [fd00::/8]:104}). No entries: loopback only.
 */
public final class AllowedTargets {

    private final List<Rule> rules;

    private AllowedTargets(List<Rule> rules) {
        this.rules = rules;
    }

    /** Parsed; IllegalArgumentException naming what is wrong with an entry. */
    public static AllowedTargets of(List<String> entries) {
        List<Rule> rules = new ArrayList<>();
        for (String e : entries) {
            rules.add(Rule.parse(e));
        }
        return new AllowedTargets(rules);
    }

    /** Whether nothing was configured (loopback only). */
    public boolean loopbackOnly() {
        return rules.isEmpty();
    }

    /** Whether a probe may connect to {@code address} (resolved) at {@code port}. */
    public boolean admits(InetAddress address, int port) {
        if (rules.isEmpty()) {
            return address.isLoopbackAddress();
        }
        for (Rule r : rules) {
            if (r.admits(address, port)) {
                return true;
            }
        }
        return false;
    }

    /** One entry: a network or a name, and a port range. */
    private record Rule(byte[] network, int prefix, String name, int fromPort, int toPort) {

        static Rule parse(String entry) {
            String text = entry.trim();
            String hostPart = text;
            String portPart = null;
            if (text.startsWith("[")) {
                int close = text.indexOf(']');
                if (close < 0) {
                    throw new IllegalArgumentException("'" + entry + "': no closing bracket");
                }
                hostPart = text.substring(1, close);
                String rest = text.substring(close + 1);
                if (!rest.isEmpty()) {
                    if (!rest.startsWith(":")) {
                        throw new IllegalArgumentException("'" + entry + "': expected :PORT after the bracket");
                    }
                    portPart = rest.substring(1);
                }
            } else if (text.indexOf(':') == text.lastIndexOf(':') && text.indexOf(':') > 0) { // one colon: a port
                hostPart = text.substring(0, text.indexOf(':'));
                portPart = text.substring(text.indexOf(':') + 1);
            }
            int from = 1;
            int to = 65535;
            if (portPart != null) {
                int dash = portPart.indexOf('-');
                from = port(entry, dash < 0 ? portPart : portPart.substring(0, dash));
                to = dash < 0 ? from : port(entry, portPart.substring(dash + 1));
                if (from > to) {
                    throw new IllegalArgumentException("'" + entry + "': port range " + from + "-" + to + " is empty");
                }
            }
            if (hostPart.isEmpty()) {
                throw new IllegalArgumentException("'" + entry + "': no network or host");
            }
            int slash = hostPart.indexOf('/');
            String addressText = slash < 0 ? hostPart : hostPart.substring(0, slash);
            if (literal(addressText)) {
                byte[] network;
                try {
                    network = InetAddress.getByName(addressText).getAddress(); // a literal: no lookup
                } catch (UnknownHostException e) {
                    throw new IllegalArgumentException("'" + entry + "': not an address: " + addressText);
                }
                int bits = network.length * 8;
                int prefix = bits;
                if (slash >= 0) {
                    try {
                        prefix = Integer.parseInt(hostPart.substring(slash + 1));
                    } catch (NumberFormatException e) {
                        prefix = -1;
                    }
                    if (prefix < 0 || prefix > bits) {
                        throw new IllegalArgumentException("'" + entry + "': prefix length must be 0.." + bits);
                    }
                }
                return new Rule(network, prefix, null, from, to);
            }
            if (slash >= 0 || !hostPart.matches("[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?")) {
                throw new IllegalArgumentException("'" + entry + "': neither a CIDR nor a host name");
            }
            return new Rule(null, 0, hostPart, from, to);
        }

        private static boolean literal(String s) {
            return s.contains(":") || s.matches("[0-9.]+");
        }

        private static int port(String entry, String s) {
            try {
                int p = Integer.parseInt(s);
                if (p >= 1 && p <= 65535) {
                    return p;
                }
            } catch (NumberFormatException e) {
                // said below
            }
            throw new IllegalArgumentException("'" + entry + "': port '" + s + "' is not 1..65535");
        }

        boolean admits(InetAddress address, int port) {
            if (port < fromPort || port > toPort) {
                return false;
            }
            if (network != null) {
                return inNetwork(address.getAddress());
            }
            try { // a name allows the addresses it resolves to now, never more
                for (InetAddress a : InetAddress.getAllByName(name)) {
                    if (a.equals(address)) {
                        return true;
                    }
                }
            } catch (UnknownHostException e) {
                return false;
            }
            return false;
        }

        private boolean inNetwork(byte[] a) {
            if (a.length != network.length) {
                return false;
            }
            int full = prefix / 8;
            for (int i = 0; i < full; i++) {
                if (a[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = 0xff << (8 - rest) & 0xff;
            return (a[full] & mask) == (network[full] & mask);
        }
    }
}
