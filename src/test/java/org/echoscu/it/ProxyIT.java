package org.echoscu.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.echoscu.it.TlsRuns.pki;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * --proxy (HTTP CONNECT) and --socks5 against real proxies on loopback: tinyproxy and
 * danted, each with and without authentication, for plain and TLS associations (TLS end to
 * end through the tunnel: --check-hostname checks our echoscp's certificate, not the proxy).
 * Each refusal is one line and exit 1.
 */
class ProxyIT {

    private static final String HTTP_USER = "alice";
    private static final String HTTP_PASSWORD = "pr0xy-Pw-ProxyIT";
    private static Server plain;
    private static Server tls;
    private static int closed;
    private static int forbidden;

    @BeforeAll
    static void peers() {
        plain = Server.echoscp();
        tls = Server.echoscp("+tls", pki("server.key"), pki("server.pem"), "+cf", pki("ca.pem"), "-ic");
        closed = Ports.free();
        forbidden = Ports.free();
    }

    @AfterAll
    static void stop() throws InterruptedException {
        plain.close();
        tls.close();
    }

    private static Run echoscu(String... args) {
        return Commands.echoscu(args);
    }

    private static String[] tlsEcho(String proxyOption, String proxy) {
        return new String[] {"-d", proxyOption, proxy, "+tla", "+cf", pki("ca.pem"), "--check-hostname", "localhost",
            String.valueOf(tls.port)};
    }

    private static void assertSuccess(Run r, String kind, Proxy proxy) {
        assertThat(r.exitCode()).as(r + proxy.log()).isZero();
        assertThat(r.stderr()).contains("D: " + kind + " 127.0.0.1 port " + proxy.port + ": tunnel to ")
                .contains("I: Received Echo Response (Success)");
    }

    private static void assertRefusal(Run r, String text) {
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        TlsRuns.assertOneLine(r, "F: Association Request Failed: ");
        assertThat(r.stderr()).contains(text);
    }

    @Test
    void httpProxyWithoutAuthentication() throws Exception {
        try (Proxy proxy = Proxy.tinyproxy(null, null, plain.port, tls.port, closed)) {
            assertSuccess(echoscu("-d", "--proxy", proxy.address(), "127.0.0.1", String.valueOf(plain.port)),
                    "HTTP proxy", proxy);
            Run secure = echoscu(tlsEcho("--proxy", proxy.address()));
            assertSuccess(secure, "HTTP proxy", proxy);
            assertThat(secure.stderr()).contains("server certificate matches host name 'localhost'")
                    .contains("TLS connection established");

            // --timings: the phases in the order they happen, each named for the connection it measured:
            // the proxy's name, the TCP connection to the proxy, the proxy's handshake, then TLS end to end
            List<String> timed = echoscu("--timings", "--proxy", proxy.address(), "+tla", "+cf", pki("ca.pem"),
                    "localhost", String.valueOf(tls.port)).stdout().lines().toList();
            assertThat(timed).extracting(l -> l.substring(0, l.indexOf(':'))).containsExactly("proxy name resolution",
                    "TCP connect to proxy", "proxy tunnel to peer", "TLS handshake", "association", "echo", "release",
                    "total", "peer");
            assertThat(timed).anyMatch(l -> l.matches("TCP connect to proxy: +[0-9.]+ ms"))
                    .contains("peer:                  localhost port " + tls.port);
            Run json = echoscu("--format", "json", "--proxy", proxy.address(), "127.0.0.1", String.valueOf(forbidden));
            assertThat(json.exitCode()).isEqualTo(1);
            assertThat(json.stdout()).contains("\"reason\":\"proxy\",\"phase\":\"proxy\"").contains("\"proxy\":");

            assertRefusal(echoscu("--proxy", proxy.address(), "127.0.0.1", String.valueOf(forbidden)),
                    "HTTP proxy 127.0.0.1 port " + proxy.port + ": does not allow a tunnel to 127.0.0.1 port "
                            + forbidden + " (403 ");
            assertRefusal(echoscu("--proxy", proxy.address(), "127.0.0.1", String.valueOf(closed)),
                    "HTTP proxy 127.0.0.1 port " + proxy.port + ": cannot reach 127.0.0.1 port " + closed + " (");
        }
    }

    @Test
    void httpProxyWithBasicAuthentication() throws Exception {
        try (Proxy proxy = Proxy.tinyproxy(HTTP_USER, HTTP_PASSWORD, plain.port, tls.port)) {
            String good = HTTP_USER + ":" + HTTP_PASSWORD + "@" + proxy.address();
            Run secure = echoscu(tlsEcho("--proxy", good));
            assertSuccess(secure, "HTTP proxy", proxy);
            Run args = echoscu("--arguments", "--proxy", good, "127.0.0.1", String.valueOf(plain.port));
            assertThat(args.exitCode()).as(args.toString()).isZero();
            assertThat(args.stderr()).contains("'alice:********@127.0.0.1:" + proxy.port + "'");

            assertRefusal(echoscu("--proxy", proxy.address(), "127.0.0.1", String.valueOf(plain.port)),
                    "HTTP proxy 127.0.0.1 port " + proxy.port + ": requires authentication (407 ");
            Run wrong = echoscu("--proxy", HTTP_USER + ":wrong-" + HTTP_PASSWORD + "@" + proxy.address(),
                    "127.0.0.1", String.valueOf(plain.port));
            assertRefusal(wrong, "HTTP proxy 127.0.0.1 port " + proxy.port + ": refused the credentials of user 'alice'");
            for (Run r : List.of(secure, args, wrong)) {
                assertThat(r.stdout() + r.stderr()).doesNotContain(HTTP_PASSWORD);
            }
        }
    }

    @Test
    void socks5WithoutAuthentication() throws Exception {
        try (Proxy proxy = Proxy.danted(false, plain.port, tls.port, closed)) {
            assertSuccess(echoscu("-d", "--socks5", proxy.address(), "127.0.0.1", String.valueOf(plain.port)),
                    "SOCKS5 proxy", proxy);
            assertSuccess(echoscu(tlsEcho("--socks5", proxy.address())), "SOCKS5 proxy", proxy);
            assertRefusal(echoscu("--socks5", proxy.address(), "127.0.0.1", String.valueOf(forbidden)),
                    "SOCKS5 proxy 127.0.0.1 port " + proxy.port + ": does not allow a connection to 127.0.0.1 port "
                            + forbidden + " (reply 2: connection not allowed by ruleset)");
            assertRefusal(echoscu("--socks5", proxy.address(), "127.0.0.1", String.valueOf(closed)),
                    "SOCKS5 proxy 127.0.0.1 port " + proxy.port + ": cannot reach 127.0.0.1 port " + closed
                            + " (reply 5: connection refused)");
        }
    }

    @Test
    void socks5WithUserAndPassword() throws Exception {
        try (Proxy proxy = Proxy.danted(true, plain.port, tls.port)) {
            String good = Proxy.SOCKS_USER + ":" + Proxy.SOCKS_PASSWORD + "@" + proxy.address();
            assertSuccess(echoscu(tlsEcho("--socks5", good)), "SOCKS5 proxy", proxy);
            assertRefusal(echoscu("--socks5", proxy.address(), "127.0.0.1", String.valueOf(plain.port)),
                    "SOCKS5 proxy 127.0.0.1 port " + proxy.port + ": requires authentication");
            Run wrong = echoscu("--socks5", Proxy.SOCKS_USER + ":wrong@" + proxy.address(), "127.0.0.1",
                    String.valueOf(plain.port));
            assertRefusal(wrong, "SOCKS5 proxy 127.0.0.1 port " + proxy.port + ": refused the credentials of user '"
                    + Proxy.SOCKS_USER + "'");
        }
    }

    @Test
    void proxiesThatAreNotThere() {
        int nothing = Ports.free();
        assertRefusal(echoscu("--proxy", "127.0.0.1:" + nothing, "127.0.0.1", String.valueOf(plain.port)),
                "HTTP proxy 127.0.0.1 port " + nothing + " refused the connection (is the proxy running");
        assertRefusal(echoscu("--socks5", "127.0.0.1:" + nothing, "127.0.0.1", String.valueOf(plain.port)),
                "SOCKS5 proxy 127.0.0.1 port " + nothing + " refused the connection (is the proxy running");
    }

    @Test
    void proxiesThatAreNotProxies() throws Exception {
        // a DICOM port: our echoscp reads the CONNECT line as a PDU of type 43H and answers with A-ABORT
        assertRefusal(echoscu("--proxy", "127.0.0.1:" + plain.port, "127.0.0.1", String.valueOf(plain.port)),
                "HTTP proxy 127.0.0.1 port " + plain.port + ": this is not an HTTP proxy: it answered 07 00 00 00 00");
        // SOCKS5's 3-byte greeting is less than a PDU header: echoscp waits for more, and our ACSE timeout ends it
        assertRefusal(echoscu("-ta", "2", "--socks5", "127.0.0.1:" + plain.port, "127.0.0.1",
                String.valueOf(plain.port)), "SOCKS5 proxy 127.0.0.1 port " + plain.port
                + ": no answer within 2 s, the ACSE timeout (is this really a SOCKS5 proxy?)");
        // an HTTP proxy given as SOCKS5 answers our greeting with an HTTP error
        try (Proxy http = Proxy.tinyproxy(null, null, plain.port)) {
            Run r = echoscu("-ta", "3", "--socks5", http.address(), "127.0.0.1", String.valueOf(plain.port));
            assertRefusal(r, "SOCKS5 proxy 127.0.0.1 port " + http.port + ": ");
            assertThat(r.stderr()).containsAnyOf("is this really a SOCKS5 proxy?", "this is not a SOCKS5 proxy");
        }
    }
}
