package org.echoscu.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * The two proxy handshakes against a scripted peer on loopback: the exact bytes we send
 * (RFC 1928/1929, HTTP CONNECT with Basic authentication), that nothing past the proxy's
 * answer is consumed, and a typed failure for each kind of refusal and for non-proxies.
 */
class TunnelHandshakeTest {

    /** What the scripted proxy does with a connection; returns what it read. */
    @FunctionalInterface
    interface Script {
        byte[] play(Socket s) throws IOException;
    }

    /** Runs the tunnel against the script; returns the bytes the script read, and the socket after. */
    private static byte[] run(Tunnel tunnel, Script script, String host, int port) throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<byte[]> seen = CompletableFuture.supplyAsync(() -> {
                try (Socket s = server.accept()) {
                    return script.play(s);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            try (Socket client = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort())) {
                tunnel.open(client, host, port);
                // the byte after the answer belongs to the peer: it must still be there
                assertThat(client.getInputStream().read()).isEqualTo('!');
            }
            return seen.get(10, TimeUnit.SECONDS);
        }
    }

    @SuppressWarnings("FutureReturnValueIgnored") // the script's side shows in what the client gets
    private static ProxyException failure(Tunnel tunnel, Script script) throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture.runAsync(() -> {
                try (Socket s = server.accept()) {
                    script.play(s);
                } catch (IOException ignored) {
                    // the client may have gone already
                }
            });
            try (Socket client = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort())) {
                return catchThrowableOfType(ProxyException.class, () -> tunnel.open(client, "peer.example.org", 104));
            }
        }
    }

    private static byte[] read(InputStream in, int n) throws IOException {
        return in.readNBytes(n);
    }

    private static byte[] httpHead(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        while (!b.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int c = in.read();
            if (c < 0) {
                break;
            }
            b.write(c);
        }
        return b.toByteArray();
    }

    private static Script httpAnswer(String answer) {
        return s -> {
            byte[] rq = httpHead(s.getInputStream());
            s.getOutputStream().write((answer + "!").getBytes(StandardCharsets.ISO_8859_1));
            s.getOutputStream().flush();
            s.getInputStream().read(); // wait for the client to hang up
            return rq;
        };
    }

    private static HttpConnectTunnel http(String address) {
        return new HttpConnectTunnel(ProxyAddress.parse(address), 5);
    }

    private static Socks5Tunnel socks(String address) {
        return new Socks5Tunnel(ProxyAddress.parse(address), 5);
    }

    @Test
    void httpConnectWithBasicAuthentication() throws Exception {
        byte[] rq = run(http("alice:pw@127.0.0.1:1"), httpAnswer("HTTP/1.1 200 Connection established\r\n"
                + "Proxy-Agent: test\r\n\r\n"), "pacs.example.org", 104);
        assertThat(new String(rq, StandardCharsets.ISO_8859_1)).isEqualTo("CONNECT pacs.example.org:104 HTTP/1.1\r\n"
                + "Host: pacs.example.org:104\r\nProxy-Authorization: Basic YWxpY2U6cHc=\r\n\r\n");
    }

    @Test
    void httpConnectToAnIpv6Peer() throws Exception {
        byte[] rq = run(http("127.0.0.1:1"), httpAnswer("HTTP/1.0 200 OK\r\n\r\n"), "::1", 11112);
        assertThat(new String(rq, StandardCharsets.ISO_8859_1))
                .isEqualTo("CONNECT [::1]:11112 HTTP/1.1\r\nHost: [::1]:11112\r\n\r\n");
    }

    @Test
    void httpRefusalsByKind() throws Exception {
        assertThat(failure(http("127.0.0.1:1"), httpAnswer("HTTP/1.1 407 Proxy Authentication Required\r\n\r\n"))
                .kind()).isEqualTo(ProxyException.Kind.AUTHENTICATION_REQUIRED);
        ProxyException wrong = failure(http("alice:secret@127.0.0.1:1"),
                httpAnswer("HTTP/1.1 407 Proxy Authentication Required\r\n\r\n"));
        assertThat(wrong.kind()).isEqualTo(ProxyException.Kind.BAD_CREDENTIALS);
        assertThat(wrong.getMessage()).contains("user 'alice'").doesNotContain("secret");
        assertThat(failure(http("127.0.0.1:1"), httpAnswer("HTTP/1.1 403 Forbidden\r\n\r\n")).kind())
                .isEqualTo(ProxyException.Kind.FORBIDDEN);
        assertThat(failure(http("127.0.0.1:1"), httpAnswer("HTTP/1.1 502 Bad Gateway\r\n\r\n")).kind())
                .isEqualTo(ProxyException.Kind.TARGET_UNREACHABLE);
        assertThat(failure(http("127.0.0.1:1"), httpAnswer("HTTP/1.1 405 Method Not Allowed\r\n\r\n")).kind())
                .isEqualTo(ProxyException.Kind.REFUSED);
    }

    @Test
    void notAnHttpProxy() throws Exception {
        // a DICOM peer answers the text with an A-ABORT (07H) and closes
        ProxyException dicom = failure(http("127.0.0.1:1"), s -> {
            httpHead(s.getInputStream());
            s.getOutputStream().write(HexFormat.of().parseHex("07000000000400000002"));
            return null;
        });
        assertThat(dicom.kind()).isEqualTo(ProxyException.Kind.NOT_A_PROXY);
        assertThat(dicom.getMessage()).contains("not an HTTP proxy").contains("07 00 00 00 00");
        ProxyException closes = failure(http("127.0.0.1:1"), s -> null);
        assertThat(closes.kind()).isEqualTo(ProxyException.Kind.NOT_A_PROXY);
        ProxyException silent = failure(new HttpConnectTunnel(ProxyAddress.parse("127.0.0.1:1"), 1), s -> {
            s.getInputStream().readAllBytes();
            return null;
        });
        assertThat(silent.kind()).isEqualTo(ProxyException.Kind.NOT_A_PROXY);
        assertThat(silent.getMessage()).contains("no answer within 1 s");
    }

    @Test
    void socks5WithoutAuthenticationToAName() throws Exception {
        byte[] rq = run(socks("127.0.0.1:1"), s -> {
            ByteArrayOutputStream seen = new ByteArrayOutputStream();
            InputStream in = s.getInputStream();
            seen.write(read(in, 3));
            s.getOutputStream().write(new byte[] {5, 0});
            seen.write(read(in, 5 + 16 + 2));
            // success, bound to a domain name of 4 bytes, port 1234; then the peer's first byte
            s.getOutputStream().write(new byte[] {5, 0, 0, 3, 4, 'h', 'o', 's', 't', 0x04, (byte) 0xd2, '!'});
            in.read();
            return seen.toByteArray();
        }, "pacs.example.org", 104);
        assertThat(HexFormat.of().formatHex(rq)).isEqualTo("050100" + "0501000310"
                + HexFormat.of().formatHex("pacs.example.org".getBytes(StandardCharsets.US_ASCII)) + "0068");
    }

    @Test
    void socks5WithUserAndPasswordToAnIpv4Address() throws Exception {
        byte[] rq = run(socks("bob:pw@127.0.0.1:1"), s -> {
            ByteArrayOutputStream seen = new ByteArrayOutputStream();
            InputStream in = s.getInputStream();
            seen.write(read(in, 4));
            s.getOutputStream().write(new byte[] {5, 2});
            seen.write(read(in, 1 + 1 + 3 + 1 + 2));
            s.getOutputStream().write(new byte[] {1, 0});
            seen.write(read(in, 4 + 4 + 2));
            s.getOutputStream().write(new byte[] {5, 0, 0, 1, 127, 0, 0, 1, 0x04, (byte) 0xd2, '!'});
            in.read();
            return seen.toByteArray();
        }, "127.0.0.1", 11112);
        assertThat(HexFormat.of().formatHex(rq)).isEqualTo("05020002" + "0103626f62027077" + "050100017f0000012b68");
    }

    @Test
    void socks5RefusalsByKind() throws Exception {
        assertThat(failure(socks("127.0.0.1:1"), s -> {
            read(s.getInputStream(), 3);
            s.getOutputStream().write(new byte[] {5, (byte) 0xff});
            return null;
        }).kind()).isEqualTo(ProxyException.Kind.AUTHENTICATION_REQUIRED);
        assertThat(failure(socks("bob:bad@127.0.0.1:1"), s -> {
            read(s.getInputStream(), 4);
            s.getOutputStream().write(new byte[] {5, 2});
            read(s.getInputStream(), 9);
            s.getOutputStream().write(new byte[] {1, 1});
            return null;
        }).kind()).isEqualTo(ProxyException.Kind.BAD_CREDENTIALS);
        for (int rep = 1; rep <= 8; rep++) {
            int code = rep;
            ProxyException e = failure(socks("127.0.0.1:1"), s -> {
                read(s.getInputStream(), 3);
                s.getOutputStream().write(new byte[] {5, 0});
                read(s.getInputStream(), 5 + 16 + 2);
                s.getOutputStream().write(new byte[] {5, (byte) code, 0, 1, 0, 0, 0, 0, 0, 0});
                return null;
            });
            ProxyException.Kind expected = code == 2 ? ProxyException.Kind.FORBIDDEN
                    : code >= 3 && code <= 6 ? ProxyException.Kind.TARGET_UNREACHABLE : ProxyException.Kind.REFUSED;
            assertThat(e.kind()).as("reply %d", code).isEqualTo(expected);
        }
    }

    @Test
    void notASocks5Proxy() throws Exception {
        ProxyException http = failure(socks("127.0.0.1:1"), s -> {
            read(s.getInputStream(), 3);
            s.getOutputStream().write("HTTP/1.1 400 Bad Request\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            return null;
        });
        assertThat(http.kind()).isEqualTo(ProxyException.Kind.NOT_A_PROXY);
        assertThat(http.getMessage()).contains("not a SOCKS5 proxy").contains("\"HT\"");
        assertThat(failure(socks("127.0.0.1:1"), s -> null).kind()).isEqualTo(ProxyException.Kind.NOT_A_PROXY);
    }
}
