package org.echoscu.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.echoscu.it.TlsRuns.args;
import static org.echoscu.it.TlsRuns.clientTls;
import static org.echoscu.it.TlsRuns.negotiated;
import static org.echoscu.it.TlsRuns.pki;
import static org.echoscu.it.TlsRuns.serverTls;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.echoscu.Reference;
import org.echoscu.tls.TlsProfile;
import org.junit.jupiter.api.Test;

/**
 * TLS refusals, each with a clear one-line message and the exit code docs/echoscu.md gives (1: no
 * association): an untrusted or expired server certificate, a client without certificate
 * where one is required, a ciphersuite outside the profile, TLS 1.1 under +py, a peer
 * without TLS, and unusable keys.
 */
class TlsRefusalsIT {

    private static final String REQUEST_FAILED = "F: Association Request Failed: ";

    private static String handshakeFailed(Server s) {
        return REQUEST_FAILED + "TLS handshake with 127.0.0.1 port " + s.port + " failed: ";
    }

    @Test
    void aServerCertificateFromAnUntrustedCa() throws Exception {
        String[] other = {"+tls", pki("server.key"), pki("server-other.pem"), "+cf", pki("ca.pem")};
        String why = "the server certificate (CN=localhost,O=echoscu tests, issued by CN=Test other-ca,O=echoscu tests)"
                + " is not trusted: add its CA certificate with +cf or +cd";
        try (Server storescp = Server.storescp(other); Server echoscp = Server.echoscp(other)) {
            for (Server s : List.of(storescp, echoscp)) {
                Run r = Commands.echoscu(args(clientTls(TlsProfile.BCP195), "127.0.0.1", String.valueOf(s.port)));
                assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
                TlsRuns.assertOneLine(r, handshakeFailed(s) + why);
            }
        }
    }

    @Test
    void anExpiredServerCertificate() throws Exception {
        String[] expired = {"+tls", pki("server.key"), pki("server-expired.pem"), "+cf", pki("ca.pem")};
        try (Server storescp = Server.storescp(expired); Server echoscp = Server.echoscp(expired)) {
            for (Server s : List.of(storescp, echoscp)) {
                Run r = Commands.echoscu(args(clientTls(TlsProfile.BCP195), "127.0.0.1", String.valueOf(s.port)));
                assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
                TlsRuns.assertOneLine(r, handshakeFailed(s) + "the server certificate (CN=localhost,O=echoscu tests)"
                        + " has expired: not valid after 2020-12-31 23:59:59 UTC");
            }
        }
    }

    @Test
    void noServerCaAtAll() throws Exception {
        try (Server echoscp = Server.echoscp(serverTls(TlsProfile.BCP195).toArray(new String[0]))) {
            Run r = Commands.echoscu("+tla", "127.0.0.1", String.valueOf(echoscp.port));
            assertThat(r.exitCode()).isEqualTo(1);
            TlsRuns.assertOneLine(r, handshakeFailed(echoscp) + "the server certificate (CN=localhost,O=echoscu tests)"
                    + " cannot be verified: no trusted CA certificates were given (use +cf or +cd)");
        }
    }

    @Test
    void aClientWithoutCertificateWhereOneIsRequired() throws Exception {
        String[] server = serverTls(TlsProfile.BCP195).toArray(new String[0]);
        try (Server storescp = Server.storescp(server); Server echoscp = Server.echoscp(args(List.of(server), "-rc"))) {
            for (Server s : List.of(storescp, echoscp)) {
                Run r = Commands.echoscu("+tla", "+cf", pki("ca.pem"), "127.0.0.1", String.valueOf(s.port));
                assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
                TlsRuns.assertOneLine(r, REQUEST_FAILED);
                assertThat(r.stderr()).contains("requires a client certificate")
                        .contains("use +tls with a key and certificate");
            }
            Run dcmtk = Commands.dcmtk("echoscu", "+tla", "+cf", pki("ca.pem"), "127.0.0.1",
                    String.valueOf(echoscp.port));
            assertThat(dcmtk.exitCode()).isEqualTo(1);
            TlsRuns.awaitLog(echoscp, "TLS handshake with 127.0.0.1 failed: the client sent no certificate,"
                    + " and -rc requires one (use -vc to make it optional)");
        }
    }

    @Test
    void aClientCertificateFromAnUntrustedCa() throws Exception {
        try (Server echoscp = Server.echoscp(serverTls(TlsProfile.BCP195).toArray(new String[0]))) {
            Run dcmtk = Commands.dcmtk("echoscu", "+tls", pki("server.key"), pki("server-other.pem"), "+cf",
                    pki("ca.pem"), "127.0.0.1", String.valueOf(echoscp.port));
            assertThat(dcmtk.exitCode()).isEqualTo(1);
            TlsRuns.awaitLog(echoscp, "the client certificate (CN=localhost,O=echoscu tests, issued by"
                    + " CN=Test other-ca,O=echoscu tests) is not trusted: add its CA certificate with +cf or +cd");
            Run ours = Commands.echoscu("+tls", pki("server.key"), pki("server-other.pem"), "+cf", pki("ca.pem"),
                    "127.0.0.1", String.valueOf(echoscp.port));
            assertThat(ours.exitCode()).isEqualTo(1);
            TlsRuns.assertOneLine(ours, REQUEST_FAILED);
            assertThat(ours.stderr()).contains("the server").contains("certificate");
        }
    }

    /** DCMTK 3.7.0's refusals of +cs, line for line, before any connection. */
    @Test
    void aCiphersuiteOutsideTheProfileIsRefusedLikeDcmtk370() {
        Run sha1 = Commands.echoscu(args(clientTls(TlsProfile.RFC8996), "+cs", "TLS_RSA_WITH_AES_128_CBC_SHA",
                "127.0.0.1", "104"));
        List<String> reference = Reference.lines("dcmtk-3.7.0/tls-pg-cs-sha1.txt");
        assertThat(sha1.exitCode()).isEqualTo(1);
        assertThat(sha1.stderrLines()).isEqualTo(reference.subList(0, reference.size() - 1));
        Run pm = Commands.echoscu(args(clientTls(TlsProfile.RFC8996_MODIFIED), "+cs",
                "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", "127.0.0.1", "104"));
        reference = Reference.lines("dcmtk-3.7.0/tls-pm-cs-refused.txt");
        assertThat(pm.exitCode()).isEqualTo(1);
        assertThat(pm.stderrLines()).isEqualTo(reference.subList(0, reference.size() - 1));
        Run nul = Commands.echoscu("+tla", "+py", "+cs", "TLS_RSA_WITH_NULL_SHA", "127.0.0.1", "104");
        assertThat(nul.exitCode()).isEqualTo(1);
        assertThat(nul.stderrLines()).containsExactly("F: Unencrypted ciphersuite 'TLS_RSA_WITH_NULL_SHA' not"
                + " permitted with security profile 'Non-downgrading BCP 195 TLS Profile'",
                "F: 000b:000a Ciphersuite not allowed in current DICOM security profile");
        Run extended = Commands.echoscu("+tla", "+pz", "+cs", "TLS_RSA_WITH_AES_128_CBC_SHA", "127.0.0.1", "104");
        assertThat(extended.exitCode()).isEqualTo(1);
        assertThat(extended.stderrLines()).last().isEqualTo("error: --cipher not allowed with --profile-bcp195-ex");
    }

    @Test
    void profilesWithoutACommonCiphersuite() throws Exception {
        try (Server storescp = Server.storescp(serverTls(TlsProfile.BCP195_ND).toArray(new String[0]));
             Server echoscp = Server.echoscp(args(serverTls(TlsProfile.BCP195_ND), "-v"))) {
            for (Server s : List.of(storescp, echoscp)) {
                Run r = Commands.echoscu(args(clientTls(TlsProfile.AES), "127.0.0.1", String.valueOf(s.port)));
                assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
                TlsRuns.assertOneLine(r, handshakeFailed(s) + "the server refused the handshake (alert handshake_failure):"
                        + " no ciphersuite or protocol version in common with profile +pa");
            }
            Run nul = Commands.echoscu(args(clientTls(TlsProfile.NULL), "127.0.0.1", String.valueOf(echoscp.port)));
            assertThat(nul.exitCode()).isEqualTo(1);
            TlsRuns.awaitLog(echoscp, "no ciphersuite in common with the client (profile +py");
        }
    }

    /** TLS 1.1 is allowed by +px and refused by +py, in both directions, with OpenSSL as the TLS 1.1 peer. */
    @Test
    void tls11UnderTheNonDowngradingProfile() throws Exception {
        int port = Ports.free();
        Process server = openssl("s_server", "-accept", String.valueOf(port), "-key", pki("server.key"), "-cert",
                pki("server.pem"), "-tls1_1", "-cipher", "DEFAULT:@SECLEVEL=0");
        try {
            Ports.awaitListening(port, Duration.ofSeconds(20));
            Run py = Commands.echoscu(args(clientTls(TlsProfile.BCP195_ND), "127.0.0.1", String.valueOf(port)));
            assertThat(py.exitCode()).as(py.toString()).isEqualTo(1);
            TlsRuns.assertOneLine(py, REQUEST_FAILED + "TLS handshake with 127.0.0.1 port " + port + " failed:"
                    + " no TLS protocol version in common with the server (alert protocol_version): profile +py"
                    + " (Non-downgrading BCP 195 TLS Profile) allows TLSv1.3, TLSv1.2");
            Run px = Commands.echoscu(args(clientTls(TlsProfile.BCP195), "-d", "-ta", "2", "127.0.0.1",
                    String.valueOf(port)));
            assertThat(negotiated(px.stderr()).protocol()).as(px.toString()).isEqualTo("TLSv1.1");
            assertThat(px.exitCode()).isEqualTo(1); // OpenSSL's test server speaks no DICOM: ACSE timeout
        } finally {
            server.destroy();
            server.waitFor(5, TimeUnit.SECONDS);
        }
        try (Server py = Server.echoscp(args(serverTls(TlsProfile.BCP195_ND), "-v"));
             Server px = Server.echoscp(args(serverTls(TlsProfile.BCP195), "-v"))) {
            String refused = sClientTls11(py.port);
            assertThat(refused).doesNotContain("Cipher is AES");
            TlsRuns.awaitLog(py, "no TLS protocol version in common with the client: the client asked for TLSv1.1,"
                    + " but profile +py (Non-downgrading BCP 195 TLS Profile) allows TLSv1.3, TLSv1.2");
            String accepted = sClientTls11(px.port);
            assertThat(accepted).contains("Protocol  : TLSv1.1").contains("Verify return code: 0 (ok)");
            TlsRuns.awaitLog(px, "TLS connection established: TLSv1.1, TLS_RSA_WITH_AES_128_CBC_SHA");
        }
    }

    @Test
    void aPeerWithoutTls() throws Exception {
        try (Server storescp = Server.storescp()) {
            Run r = Commands.echoscu(args(clientTls(TlsProfile.BCP195), "-ta", "5", "127.0.0.1",
                    String.valueOf(storescp.port)));
            assertThat(r.exitCode()).isEqualTo(1);
            TlsRuns.assertOneLine(r, handshakeFailed(storescp));
            assertThat(r.stderr()).containsAnyOf("does not speak TLS", "closed the connection during the TLS handshake");
        }
        try (Server echoscp = Server.echoscp(args(serverTls(TlsProfile.BCP195), "-v"))) {
            Run plain = Commands.echoscu("-ta", "5", "127.0.0.1", String.valueOf(echoscp.port));
            assertThat(plain.exitCode()).isEqualTo(1);
            TlsRuns.awaitLog(echoscp, "the client does not speak TLS on this port");
        }
    }

    /** The ACSE timeout bounds the whole handshake: a silent server, and a client sending a byte at a time. */
    @Test
    void handshakesAreBoundedByTheAcseTimeout() throws Exception {
        try (java.net.ServerSocket silent = new java.net.ServerSocket(0, 5, java.net.InetAddress.getLoopbackAddress())) {
            Run r = Commands.echoscu(args(clientTls(TlsProfile.BCP195), "-ta", "2", "127.0.0.1",
                    String.valueOf(silent.getLocalPort())));
            assertThat(r.exitCode()).isEqualTo(1);
            TlsRuns.assertOneLine(r, REQUEST_FAILED + "TLS handshake with 127.0.0.1 port " + silent.getLocalPort()
                    + " failed: ");
            assertThat(r.stderr()).contains("within 2 s");
            assertThat(r.millis()).isLessThan(15_000);
        }
        try (Server echoscp = Server.echoscp(args(serverTls(TlsProfile.BCP195), "-ta", "2"));
             java.net.Socket drip = new java.net.Socket("127.0.0.1", echoscp.port)) {
            long start = System.nanoTime();
            boolean closed = false;
            for (int i = 0; i < 60 && !closed; i++) {
                try {
                    drip.getOutputStream().write(0x16);
                    drip.getOutputStream().flush();
                    Ports.sleep(250);
                } catch (IOException e) {
                    closed = true;
                }
            }
            assertThat(closed).as("the server closed a dripping handshake").isTrue();
            assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(10_000);
            TlsRuns.awaitLog(echoscp, "the handshake did not finish within 2 s, the ACSE timeout");
        }
    }

    @Test
    void unusableKeysAreOneLineAndExitCode1() {
        String ca = pki("ca.pem");
        record Case(List<String> tls, String message) {
        }
        List<Case> cases = List.of(
                new Case(List.of("+tls", pki("server-pkcs8-enc.key"), pki("server.pem"), "+pw", "wrong"),
                        "F: Unable to load private TLS key from '" + pki("server-pkcs8-enc.key")
                                + "': wrong password, or the key is damaged"),
                new Case(List.of("+tls", pki("server-legacy-aes.key"), pki("server.pem"), "-pw"),
                        "F: Unable to load private TLS key from '" + pki("server-legacy-aes.key")
                                + "': wrong password, or the key is damaged"),
                new Case(List.of("+tls", pki("server.key"), pki("client.pem")),
                        "F: Private key '" + pki("server.key") + "' and certificate '" + pki("client.pem")
                                + "' do not match"),
                new Case(List.of("+tls", "/nonexistent/key.pem", pki("server.pem")),
                        "F: Unable to load private TLS key from '/nonexistent/key.pem': no such file"),
                new Case(List.of("+tls", pki("server.key"), "/nonexistent/cert.pem"),
                        "F: Unable to load TLS certificate from '/nonexistent/cert.pem': no such file"),
                new Case(List.of("+tls", pki("server.pem"), pki("server.key")),
                        "F: Unable to load private TLS key from '" + pki("server.pem")
                                + "': no private key in it (only a certificate: are key and certificate swapped?)"));
        for (Case c : cases) {
            Run ours = Commands.echoscu(args(c.tls(), "+cf", ca, "127.0.0.1", "104"));
            assertThat(ours.exitCode()).as(ours.toString()).isEqualTo(1);
            TlsRuns.assertOneLine(ours, c.message());
            assertThat(ours.stderr()).isEqualTo(c.message() + "\n");
            Run scp = Commands.run(Commands.withPrefix(Commands.ROOT.resolve("bin/echoscp").toString(),
                    args(c.tls(), "+cf", ca, String.valueOf(Ports.free()))), Duration.ofSeconds(60));
            assertThat(scp.exitCode()).as(scp.toString()).isEqualTo(1);
            assertThat(scp.stderr()).isEqualTo(c.message() + "\n");
        }
    }

    @Test
    void offlineChecksGiveDcmtksLinesAndExitCodes() {
        Run ok = Commands.echoscu("+cf", pki("ca.pem"), "+vc", pki("client.pem"));
        assertThat(ok.exitCode()).isZero();
        assertThat(ok.stdout()).isEqualTo("Verification of certificate '" + pki("client.pem") + "' passed.\n");
        Run revoked = Commands.echoscu("+tla", "+cf", pki("ca.pem"), "+crl", pki("crl.pem"), "+vc",
                pki("client-revoked.pem"));
        assertThat(revoked.exitCode()).isEqualTo(22);
        assertThat(revoked.stdout()).isEqualTo("Verification of certificate '" + pki("client-revoked.pem")
                + "' failed.\n");
        assertThat(revoked.stderr()).startsWith("E: certificate verification failed: ").contains("has been revoked");
        Run root = Commands.echoscu("+rc", pki("ca.pem"));
        assertThat(root.exitCode()).isZero();
        assertThat(root.stdout()).isEqualTo("Certificate '" + pki("ca.pem") + "' is a valid, self-signed root CA.\n");
        Run leaf = Commands.echoscu("+rc", pki("server.pem"));
        assertThat(leaf.exitCode()).isEqualTo(22);
        Run dcmtk = Commands.dcmtk("echoscu", "+rc", pki("server.pem"));
        assertThat(leaf.stdout()).isEqualTo(dcmtk.stdout());
        assertThat(leaf.exitCode()).isEqualTo(dcmtk.exitCode());
    }

    private static Process openssl(String... args) throws IOException {
        Path log = Files.createTempFile("openssl", ".log");
        return new ProcessBuilder(Commands.withPrefix("/usr/bin/openssl", args)).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start(); // standard input stays open: s_server keeps serving
    }

    /** OpenSSL as a TLS 1.1-only client with our client certificate; its output. */
    private static String sClientTls11(int port) {
        Run r = Commands.run(List.of("/usr/bin/openssl", "s_client", "-connect", "127.0.0.1:" + port, "-tls1_1",
                "-cipher", "DEFAULT:@SECLEVEL=0", "-CAfile", pki("ca.pem"), "-cert", pki("client.pem"), "-key",
                pki("client.key")), Duration.ofSeconds(30), "", java.util.Map.of());
        return r.stdout() + r.stderr();
    }

    static String read(Path p) throws IOException {
        return Files.readString(p, StandardCharsets.UTF_8);
    }
}
