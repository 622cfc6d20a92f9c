package org.echoscu.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.EOFException;
import java.io.IOException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.file.NoSuchFileException;
import java.util.List;

import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * JSSE's exceptions put into words: each branch of {@link TlsFailures}, fed the messages JSSE
 * (OpenJDK 17) really uses for that failure.
 */
class TlsFailuresTest {

    private static final String PROFILE = "profile +py (Non-downgrading BCP 195 TLS Profile)";

    /** +py with a key and certificate (+tls), or anonymous (+tla), client or server. */
    private static TlsSettings settings(boolean client, boolean anonymous) {
        return new TlsSettings(client, anonymous ? null : "key.pem", anonymous ? null : "cert.pem",
                Passwords.prompt(), false, List.of(), List.of(), List.of(), CrlMode.NONE, TlsProfile.BCP195_ND,
                List.of("TLS_RSA_WITH_AES_128_CBC_SHA"), null, null, PeerCertificate.REQUIRE);
    }

    private static String asClient(Throwable e) {
        return TlsFailures.describe(e, true, settings(true, false), 30);
    }

    private static String asAnonymousClient(Throwable e) {
        return TlsFailures.describe(e, true, settings(true, true), 30);
    }

    private static String asServer(Throwable e) {
        return TlsFailures.describe(e, false, settings(false, false), 30);
    }

    private static SSLHandshakeException alert(String name) {
        return new SSLHandshakeException("Received fatal alert: " + name);
    }

    @Test
    void aTrustFailureAnywhereInTheChainSpeaksForItself() {
        SSLHandshakeException e = new SSLHandshakeException("PKIX path building failed");
        e.initCause(new IOException("wrapped", new TrustMaterial.TrustFailure("the server certificate (CN=x) is not trusted")));

        assertThat(asClient(e)).isEqualTo("the server certificate (CN=x) is not trusted");
    }

    @Test
    void aTimeoutAsksWhetherThePeerSpeaksTls() {
        SSLException e = new SSLException("handshake", new SocketTimeoutException("Read timed out"));

        assertThat(asClient(e)).isEqualTo("no answer within 30 s (does the server use TLS on this port?)");
        assertThat(asServer(e)).isEqualTo("no answer within 30 s (does the client use TLS on this port?)");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "certificate_required | the server requires a client certificate (alert certificate_required): "
                    + "use +tls with a key and certificate",
            "handshake_failure | the server refused the handshake (alert handshake_failure): no ciphersuite or "
                    + "protocol version in common with " + PROFILE + " (compare the TLS profiles of both sides)",
            "insufficient_security | the server refused the handshake (alert insufficient_security): no ciphersuite "
                    + "or protocol version in common with " + PROFILE + " (compare the TLS profiles of both sides)",
            "protocol_version | no TLS protocol version in common with the server (alert protocol_version): "
                    + PROFILE + " allows TLSv1.3, TLSv1.2",
            "unknown_ca | the server does not trust the CA that issued our certificate (alert unknown_ca): "
                    + "give it our CA certificate (+cf on DCMTK's side)",
            "bad_certificate | the server refused our certificate (alert bad_certificate): is it issued by a CA "
                    + "the server trusts, and valid?",
            "certificate_unknown | the server refused our certificate (alert certificate_unknown): is it issued by "
                    + "a CA the server trusts, and valid?",
            "unsupported_certificate | the server refused our certificate (alert unsupported_certificate): is it "
                    + "issued by a CA the server trusts, and valid?",
            "certificate_expired | the server says our certificate has expired (alert certificate_expired)",
            "certificate_revoked | the server says our certificate has been revoked (alert certificate_revoked)",
            "access_denied | the server denied access (alert access_denied)",
            "decode_error | the server ended the TLS connection (alert decode_error)"})
    void eachAlertOfTheServerInWords(String alert, String words) {
        assertThat(asClient(alert(alert))).isEqualTo(words);
    }

    /** Without a certificate of our own, the likely cause of a refusal is that the server wants one. */
    @Test
    void anAnonymousClientIsToldThatTheServerMayWantACertificate() {
        assertThat(asAnonymousClient(alert("bad_certificate"))).isEqualTo(
                "the server requires a client certificate (alert bad_certificate): use +tls with a key and certificate");
        assertThat(asAnonymousClient(alert("handshake_failure"))).isEqualTo(
                "the server refused the handshake (alert handshake_failure): no ciphersuite or protocol version in "
                        + "common with " + PROFILE + ", or it requires a client certificate (use +tls with a key and "
                        + "certificate)");
    }

    @Test
    void theServerSpeaksOfTheClient() {
        assertThat(asServer(alert("certificate_expired")))
                .isEqualTo("the client says our certificate has expired (alert certificate_expired)");
    }

    @Test
    void noProtocolThisJvmOffers() {
        assertThat(asClient(new SSLHandshakeException(
                "No appropriate protocol (protocol is disabled or cipher suites are inappropriate)")))
                .isEqualTo("this JVM offers no protocol version and ciphersuite of " + PROFILE
                        + " (see --list-profiles)");
    }

    @Test
    void noCiphersuiteInCommonListsOursWithTheAddedOnes() {
        assertThat(asServer(new SSLHandshakeException("no cipher suites in common")))
                .isEqualTo("no ciphersuite in common with the client (" + PROFILE + " allows "
                        + "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256, TLS_DHE_RSA_WITH_AES_128_GCM_SHA256, "
                        + "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384, TLS_DHE_RSA_WITH_AES_256_GCM_SHA384, "
                        + "TLS_RSA_WITH_AES_128_CBC_SHA)");
    }

    @Test
    void noProtocolVersionInCommonSaysWhatThePeerWanted() {
        assertThat(asClient(new SSLHandshakeException(
                "The server selected protocol version TLS10 is not accepted by client preferences [TLS13, TLS12]")))
                .isEqualTo("no TLS protocol version in common with the server: the server chose TLSv1, but "
                        + PROFILE + " allows TLSv1.3, TLSv1.2");
        assertThat(asServer(new SSLHandshakeException(
                "Client requested protocol TLSv1.1 is not enabled or supported in server context")))
                .isEqualTo("no TLS protocol version in common with the client: the client asked for TLSv1.1, but "
                        + PROFILE + " allows TLSv1.3, TLSv1.2");
    }

    @Test
    void aClientWithoutCertificateWhereOneIsRequired() {
        assertThat(asServer(new SSLHandshakeException("Empty client certificate chain")))
                .isEqualTo("the client sent no certificate, and -rc requires one (use -vc to make it optional)");
    }

    @Test
    void aKeyThatFitsNoSuite() {
        assertThat(asServer(new SSLHandshakeException("No available authentication scheme")))
                .isEqualTo("our key does not fit any ciphersuite or signature scheme offered (" + PROFILE
                        + "; an EC key needs +pz, or a TLS 1.3 profile)");
    }

    @Test
    void aPeerThatDoesNotSpeakTls() {
        assertThat(asClient(new SSLException("Unsupported or unrecognized SSL message")))
                .isEqualTo("the server does not speak TLS on this port (is TLS enabled on its side?)");
    }

    @Test
    void aConnectionClosedDuringTheHandshake() {
        String closed = "the server closed the connection during the TLS handshake (does it expect TLS, and accept our ";
        assertThat(asClient(new SSLHandshakeException("Remote host terminated the handshake")))
                .isEqualTo(closed + "certificate and " + PROFILE + "?)");
        assertThat(asAnonymousClient(new EOFException("SSL peer shut down incorrectly")))
                .isEqualTo(closed + "connection without certificate and " + PROFILE + "?)");
        assertThat(asClient(new SocketException("Connection reset")))
                .isEqualTo(closed + "certificate and " + PROFILE + "?)");
    }

    @Test
    void anythingElseIsTheExceptionsOwnMessage() {
        assertThat(asClient(new SSLException("Unexpected handshake message: server_hello"))).isEqualTo(
                "Unexpected handshake message: server_hello");
        assertThat(asClient(new SSLException("", new NoSuchFileException("x")))).isEqualTo("x");
    }
}
