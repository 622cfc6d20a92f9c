package org.echoscu.net;

/**
 * A proxy as the command line gives it: {@code [USER:PASSWORD@]HOST:PORT}; an IPv6 address in
 * brackets ({@code [::1]:3128}). The password is the text after the first ':' of the part
 * before the last '@', so it may hold ':' and '@'.
 */
public record ProxyAddress(String host, int port, String user, String password) {

    /** Parsed, or IllegalArgumentException saying what is wrong (never quoting the password). */
    public static ProxyAddress parse(String text) {
        String user = null;
        String password = null;
        String hostPort = text;
        int at = text.lastIndexOf('@');
        if (at >= 0) {
            String credentials = text.substring(0, at);
            hostPort = text.substring(at + 1);
            int colon = credentials.indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("credentials must be USER:PASSWORD");
            }
            user = credentials.substring(0, colon);
            password = credentials.substring(colon + 1);
        }
        int colon = hostPort.lastIndexOf(':');
        if (colon <= 0 || colon == hostPort.length() - 1) {
            throw new IllegalArgumentException("expected [USER:PASSWORD@]HOST:PORT");
        }
        String host = hostPort.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        } else if (host.contains(":")) {
            throw new IllegalArgumentException("an IPv6 address goes in brackets: [ADDRESS]:PORT");
        }
        int port;
        try {
            port = Integer.parseInt(hostPort.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("port '" + hostPort.substring(colon + 1) + "' is not a number");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " is not 1..65535");
        }
        if (host.isEmpty()) {
            throw new IllegalArgumentException("no proxy host");
        }
        return new ProxyAddress(host, port, user, password);
    }

    public boolean hasCredentials() {
        return user != null;
    }

    /** Never the password: this may end up in a log. */
    @Override
    public String toString() {
        return (user == null ? "" : user + ":********@") + host + ":" + port;
    }
}
