package org.echoscu.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** +vc and +rc: DCMTK's result lines, exit codes 0 and 22, and the reason on the error log. */
class OfflineChecksTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final List<String> errors = new ArrayList<>();

    private PrintStream out() {
        return new PrintStream(out, true, StandardCharsets.UTF_8);
    }

    private static TlsSettings withCa(String... crls) {
        return new TlsSettings(true, null, null, Passwords.prompt(), false, List.of(TestPki.file("ca.pem")), List.of(),
                java.util.Arrays.stream(crls).map(TestPki::file).toList(),
                crls.length > 0 ? CrlMode.LEAF : CrlMode.NONE, TlsProfile.DEFAULT, List.of(), null, null,
                PeerCertificate.REQUIRE, null, null);
    }

    @Test
    void verifyPasses() {
        String f = TestPki.file("client.pem");
        assertThat(OfflineChecks.verify(f, withCa(), out(), errors::add)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("Verification of certificate '" + f + "' passed.\n");
        assertThat(errors).isEmpty();
    }

    @Test
    void verifyFailsWithTheReason() {
        String f = TestPki.file("client-revoked.pem");
        assertThat(OfflineChecks.verify(f, withCa("crl.pem"), out(), errors::add)).isEqualTo(22);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("Verification of certificate '" + f + "' failed.\n");
        assertThat(errors).singleElement().asString().startsWith("certificate verification failed: ")
                .contains("has been revoked");
    }

    @Test
    void rootCa() {
        String ca = TestPki.file("ca.pem");
        assertThat(OfflineChecks.isRoot(ca, false, out(), errors::add)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("Certificate '" + ca
                + "' is a valid, self-signed root CA.\n");
        String der = TestPki.file("ca.pem.der");
        assertThat(OfflineChecks.isRoot(der, true, out(), errors::add)).isZero();
    }

    @Test
    void notARootCa() {
        String leaf = TestPki.file("server.pem");
        assertThat(OfflineChecks.isRoot(leaf, false, out(), errors::add)).isEqualTo(22);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("Certificate '" + leaf
                + "' is not a valid, self-signed root CA.\n");
        assertThat(errors).singleElement().asString().contains("is not self-signed: it is issued by CN=Test ca");
        assertThat(OfflineChecks.isRoot("/nonexistent.pem", false, out(), errors::add)).isEqualTo(22);
    }
}
