package org.echoscu.exporter;

import org.echoscu.acse.AeTitles;

/**
 * The {@code target} of a scrape: {@code CALLED_AE@HOST:PORT}, or {@code HOST:PORT} for the
 * called AE title {@code ANY-SCP} (echoscu's default); an IPv6 address in brackets
 * ({@code PACS@[::1]:104}). The query string has already been URL-decoded.
 */
public record ProbeTarget(String calledAe, String host, int port) {

    public static final String DEFAULT_CALLED_AE = "ANY-SCP";

    /** Parsed, or IllegalArgumentException with a one-line reason. */
    public static ProbeTarget parse(String text) {
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException("target parameter is missing");
        }
        String called = DEFAULT_CALLED_AE;
        String hostPort = text;
        int at = text.lastIndexOf('@');
        if (at >= 0) {
            called = text.substring(0, at);
            hostPort = text.substring(at + 1);
            String problem = AeTitles.problem(called);
            if (problem != null) {
                throw new IllegalArgumentException("called AE title " + problem);
            }
        }
        String host;
        String port;
        if (hostPort.startsWith("[")) {
            int close = hostPort.indexOf(']');
            if (close < 0 || close + 1 >= hostPort.length() || hostPort.charAt(close + 1) != ':') {
                throw new IllegalArgumentException("target must be [IPV6]:PORT in brackets");
            }
            host = hostPort.substring(1, close);
            port = hostPort.substring(close + 2);
        } else {
            int colon = hostPort.lastIndexOf(':');
            if (colon <= 0 || hostPort.indexOf(':') != colon) {
                throw new IllegalArgumentException(hostPort.indexOf(':') != colon
                        ? "an IPv6 address goes in brackets: [ADDRESS]:PORT"
                        : "target must be [CALLED_AE@]HOST:PORT");
            }
            host = hostPort.substring(0, colon);
            port = hostPort.substring(colon + 1);
        }
        if (host.isEmpty() || !host.matches("[A-Za-z0-9.:%_-]+")) {
            throw new IllegalArgumentException("target host is not a host name or address");
        }
        int p;
        try {
            p = Integer.parseInt(port);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("target port is not a number");
        }
        if (p < 1 || p > 65535) {
            throw new IllegalArgumentException("target port must be 1..65535");
        }
        return new ProbeTarget(called, host, p);
    }

    /** The peer (host and port) a per-peer bound counts. */
    public String peer() {
        return host + ":" + port;
    }

    @Override
    public String toString() {
        return calledAe + "@" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
