package org.echoscu.net;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A SOCKS version 5 proxy (RFC 1928) with the CONNECT command, and user name / password
 * authentication (RFC 1929) when credentials are given. The peer's name goes to the proxy
 * unresolved (address type 03), so it is resolved where the peer is; literal addresses go
 * as IPv4 (01) or IPv6 (04).
 */
public final class Socks5Tunnel extends ProxyHandshake {

    private static final int VERSION = 5;
    private static final int NO_AUTHENTICATION = 0x00;
    private static final int USERNAME_PASSWORD = 0x02;
    private static final int NO_ACCEPTABLE_METHOD = 0xFF;
    private static final int CONNECT = 1;

    public Socks5Tunnel(ProxyAddress proxy, int timeoutSeconds) {
        super(proxy, timeoutSeconds);
    }

    @Override
    public String kind() {
        return "SOCKS5 proxy";
    }

    @Override
    void handshake(Socket s, String host, int port) throws IOException {
        OutputStream out = s.getOutputStream();
        // RFC 1928 §3: version, number of methods, methods
        out.write(proxy.hasCredentials()
                ? new byte[] {VERSION, 2, NO_AUTHENTICATION, USERNAME_PASSWORD}
                : new byte[] {VERSION, 1, NO_AUTHENTICATION});
        out.flush();
        byte[] choice = readFully(s, 2, "method selection");
        if (choice[0] != VERSION) {
            throw fail(ProxyException.Kind.NOT_A_PROXY, "this is not a SOCKS5 proxy: it answered "
                    + sample(choice, 2));
        }
        int method = choice[1] & 0xff;
        if (method == USERNAME_PASSWORD && proxy.hasCredentials()) {
            authenticate(s, out);
        } else if (method == NO_ACCEPTABLE_METHOD) {
            throw proxy.hasCredentials()
                    ? fail(ProxyException.Kind.REFUSED, "accepts neither user/password nor no authentication")
                    : fail(ProxyException.Kind.AUTHENTICATION_REQUIRED,
                    "requires authentication: give --socks5 USER:PASSWORD@HOST:PORT");
        } else if (method != NO_AUTHENTICATION) {
            throw fail(ProxyException.Kind.NOT_A_PROXY, "chose authentication method " + method
                    + ", which we did not offer");
        }
        out.write(connectRequest(host, port));
        out.flush();
        reply(s, host, port);
    }

    /** RFC 1929: version 1, user name and password (1..255 bytes each), answer: version, status. */
    private void authenticate(Socket s, OutputStream out) throws IOException {
        byte[] user = proxy.user().getBytes(StandardCharsets.UTF_8);
        byte[] password = proxy.password().getBytes(StandardCharsets.UTF_8);
        if (user.length > 255 || password.length > 255) {
            throw fail(ProxyException.Kind.BAD_CREDENTIALS, "SOCKS5 user names and passwords are at most 255 bytes");
        }
        ByteArrayOutputStream rq = new ByteArrayOutputStream();
        rq.write(1);
        rq.write(user.length);
        rq.write(user, 0, user.length);
        rq.write(password.length);
        rq.write(password, 0, password.length);
        out.write(rq.toByteArray());
        out.flush();
        byte[] status = readFully(s, 2, "answer to our credentials");
        if (status[1] != 0) {
            throw fail(ProxyException.Kind.BAD_CREDENTIALS, "refused the credentials of user '" + proxy.user() + "'");
        }
    }

    private static byte[] connectRequest(String host, int port) throws IOException {
        ByteArrayOutputStream rq = new ByteArrayOutputStream();
        rq.write(new byte[] {VERSION, CONNECT, 0});
        byte[] literal = literal(host);
        if (literal != null) {
            rq.write(literal.length == 4 ? 0x01 : 0x04);
            rq.write(literal);
        } else {
            byte[] name = host.getBytes(StandardCharsets.US_ASCII);
            if (name.length > 255) {
                throw new IOException("host name longer than the 255 bytes SOCKS5 allows: " + host);
            }
            rq.write(0x03);
            rq.write(name.length);
            rq.write(name);
        }
        rq.write(port >>> 8);
        rq.write(port & 0xff);
        return rq.toByteArray();
    }

    /** The address bytes of an IPv4 or IPv6 literal, or null for a name (never a DNS lookup). */
    private static byte[] literal(String host) throws IOException {
        boolean v4 = host.matches("\\d{1,3}(\\.\\d{1,3}){3}");
        boolean v6 = host.indexOf(':') >= 0;
        return v4 || v6 ? InetAddress.getByName(host).getAddress() : null;
    }

    /** RFC 1928 §6: version, reply, reserved, bound address (of its type), bound port; all of it is read. */
    private void reply(Socket s, String host, int port) throws IOException {
        byte[] head = readFully(s, 4, "reply to CONNECT");
        if (head[0] != VERSION) {
            throw fail(ProxyException.Kind.NOT_A_PROXY, "its reply to CONNECT is not SOCKS5: " + sample(head, 4));
        }
        int rep = head[1] & 0xff;
        if (rep != 0) {
            String target = host + " port " + port;
            throw switch (rep) {
                case 2 -> fail(ProxyException.Kind.FORBIDDEN, "does not allow a connection to " + target
                        + " (reply 2: connection not allowed by ruleset)");
                case 3, 4, 5, 6 -> fail(ProxyException.Kind.TARGET_UNREACHABLE, "cannot reach " + target + " (reply "
                        + rep + ": " + replyText(rep) + ")");
                default -> fail(ProxyException.Kind.REFUSED, "refused the connection to " + target + " (reply " + rep
                        + ": " + replyText(rep) + ")");
            };
        }
        int length = switch (head[3]) {
            case 0x01 -> 4;
            case 0x04 -> 16;
            case 0x03 -> readFully(s, 1, "reply to CONNECT")[0] & 0xff;
            default -> throw fail(ProxyException.Kind.NOT_A_PROXY, "its reply has address type " + head[3]);
        };
        readFully(s, length + 2, "reply to CONNECT");
    }

    private static String replyText(int rep) {
        return switch (rep) {
            case 1 -> "general SOCKS server failure";
            case 3 -> "network unreachable";
            case 4 -> "host unreachable";
            case 5 -> "connection refused";
            case 6 -> "TTL expired";
            case 7 -> "command not supported";
            case 8 -> "address type not supported";
            default -> "unassigned";
        };
    }
}
