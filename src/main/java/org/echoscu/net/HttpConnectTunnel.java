package org.echoscu.net;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * An HTTP proxy's CONNECT method (RFC 9110 §9.3.6), with Basic authentication (RFC 7617)
 * when credentials are given: the proxy opens a TCP connection to the peer and relays bytes.
 */
public final class HttpConnectTunnel extends ProxyHandshake {

    /** A status line and headers longer than this are not a proxy's answer to CONNECT. */
    private static final int MAX_HEAD = 16 * 1024;

    public HttpConnectTunnel(ProxyAddress proxy, int timeoutSeconds) {
        super(proxy, timeoutSeconds);
    }

    @Override
    public String kind() {
        return "HTTP proxy";
    }

    @Override
    void handshake(Socket s, String host, int port) throws IOException {
        String authority = (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
        StringBuilder rq = new StringBuilder()
                .append("CONNECT ").append(authority).append(" HTTP/1.1\r\n")
                .append("Host: ").append(authority).append("\r\n");
        if (proxy.hasCredentials()) {
            String token = proxy.user() + ":" + proxy.password();
            rq.append("Proxy-Authorization: Basic ")
                    .append(Base64.getEncoder().encodeToString(token.getBytes(StandardCharsets.UTF_8))).append("\r\n");
        }
        rq.append("\r\n");
        OutputStream out = s.getOutputStream();
        out.write(rq.toString().getBytes(StandardCharsets.UTF_8));
        out.flush();

        String status = statusLine(s);
        int code = Integer.parseInt(status.substring(9, 12));
        String words = status.substring(9).trim();
        if (code >= 200 && code < 300) {
            return;
        }
        String target = host + " port " + port;
        throw switch (code) {
            // 407 is the standard answer; tinyproxy answers wrong credentials with 401
            case 401, 407 -> proxy.hasCredentials()
                    ? fail(ProxyException.Kind.BAD_CREDENTIALS, "refused the credentials of user '" + proxy.user()
                    + "' (" + words + ")")
                    : fail(ProxyException.Kind.AUTHENTICATION_REQUIRED, "requires authentication (" + words
                    + "): give --proxy USER:PASSWORD@HOST:PORT");
            case 403 -> fail(ProxyException.Kind.FORBIDDEN, "does not allow a tunnel to " + target + " (" + words + ")");
            // tinyproxy says "500 Unable to connect" when the peer refuses; gateways say 502-504
            case 500, 502, 503, 504 -> fail(ProxyException.Kind.TARGET_UNREACHABLE, "cannot reach " + target
                    + " (" + words + ")");
            default -> fail(ProxyException.Kind.REFUSED, "refused the tunnel to " + target + " (" + words + ")");
        };
    }

    /** Reads the answer's head up to its empty line, byte by byte; returns the status line. */
    private String statusLine(Socket s) throws IOException {
        byte[] head = new byte[MAX_HEAD];
        int n = 0;
        while (true) {
            int b = read(s);
            if (b < 0) {
                if (n == 0) {
                    throw fail(ProxyException.Kind.NOT_A_PROXY,
                            "closed the connection without answering our CONNECT request (is this really an HTTP proxy?)");
                }
                break;
            }
            head[n++] = (byte) b;
            if (n == 5 && !new String(head, 0, 5, StandardCharsets.ISO_8859_1).equals("HTTP/")) {
                throw fail(ProxyException.Kind.NOT_A_PROXY, "this is not an HTTP proxy: it answered "
                        + sample(head, n));
            }
            if (n >= 4 && head[n - 4] == '\r' && head[n - 3] == '\n' && head[n - 2] == '\r' && head[n - 1] == '\n') {
                break;
            }
            if (n == MAX_HEAD) {
                throw fail(ProxyException.Kind.NOT_A_PROXY, "its answer to CONNECT has no end within "
                        + MAX_HEAD + " bytes");
            }
        }
        String text = new String(head, 0, n, StandardCharsets.ISO_8859_1);
        int eol = text.indexOf("\r\n");
        String status = eol < 0 ? text : text.substring(0, eol);
        if (eol < 0 || status.length() < 12 || !status.matches("HTTP/\\d\\.\\d \\d{3}( .*)?")) {
            throw fail(ProxyException.Kind.NOT_A_PROXY, "its answer to CONNECT is not HTTP: " + sample(head, n));
        }
        return status;
    }
}
