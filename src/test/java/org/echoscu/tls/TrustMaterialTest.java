package org.echoscu.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Verification against +cf/+cd CAs and +crl CRLs, with the reasons in words. */
class TrustMaterialTest {

    private static X509Certificate cert(String name) throws Exception {
        return KeyMaterial.readCertificates(TestPki.file(name), false).get(0);
    }

    private static TrustMaterial trust(CrlMode mode, String... crls) {
        List<String> warnings = new ArrayList<>();
        TrustMaterial t = TrustMaterial.load(List.of(TestPki.file("ca.pem")), List.of(),
                java.util.Arrays.stream(crls).map(TestPki::file).toList(), mode, false, warnings::add);
        assertThat(warnings).isEmpty();
        return t;
    }

    @Test
    void certificatesOfOurCaVerify() throws Exception {
        assertThat(trust(CrlMode.NONE).verify(cert("server.pem"))).isNull();
        assertThat(trust(CrlMode.NONE).verify(cert("client.pem"))).isNull();
        assertThat(trust(CrlMode.NONE).verify(cert("ec.pem"))).isNull();
        assertThat(trust(CrlMode.NONE).verify(cert("ca.pem"))).isNull();
    }

    @Test
    void anotherCaIsNotTrusted() throws Exception {
        assertThat(trust(CrlMode.NONE).verify(cert("server-other.pem")))
                .contains("issued by CN=Test other-ca").contains("is not trusted: add its CA certificate with +cf or +cd");
    }

    @Test
    void expiredIsSaidSo() throws Exception {
        assertThat(trust(CrlMode.NONE).verify(cert("server-expired.pem")))
                .contains("has expired: not valid after 2020-12-31 23:59:59 UTC");
    }

    @Test
    void revokedByTheCrlAndMissingCrls() throws Exception {
        assertThat(trust(CrlMode.LEAF, "crl.pem").verify(cert("client-revoked.pem"))).contains("has been revoked");
        assertThat(trust(CrlMode.NONE, "crl.pem").verify(cert("client-revoked.pem"))).isNull();
        assertThat(trust(CrlMode.LEAF, "crl.pem").verify(cert("client.pem"))).isNull();
        assertThat(trust(CrlMode.LEAF).verify(cert("client.pem"))).contains("no valid CRL from its issuer");
        assertThat(trust(CrlMode.CHAIN, "crl.pem").verify(cert("client.pem"))).isNull();
    }

    @Test
    void noCaAtAll() throws Exception {
        TrustMaterial none = new TrustMaterial(List.of(), List.of(), CrlMode.NONE);
        assertThat(none.verify(cert("server.pem"))).isEqualTo("no trusted CA certificates were given (use +cf or +cd)");
    }

    @Test
    void unreadableCaFilesAreWarnedAboutAndIgnoredAsInDcmtk() {
        List<String> warnings = new ArrayList<>();
        TrustMaterial t = TrustMaterial.load(List.of("/nonexistent/ca.pem", TestPki.file("ca.pem")),
                List.of("/nonexistent"), List.of("/nonexistent/crl.pem"), CrlMode.LEAF, false, warnings::add);
        assertThat(t.anchors()).hasSize(1);
        assertThat(warnings).containsExactly(
                "unable to load certificate file '/nonexistent/ca.pem': no such file, ignoring",
                "unable to load certificates from directory '/nonexistent': not a directory, ignoring",
                "Unable to load CRL file '/nonexistent/crl.pem': no such file, ignoring");
    }

    @Test
    void aCertificateDirectoryIsReadWholeSkippingOtherFiles() {
        List<String> warnings = new ArrayList<>();
        TrustMaterial t = TrustMaterial.load(List.of(), List.of(TestPki.dir().toString()), List.of(), CrlMode.NONE,
                false, warnings::add);
        assertThat(t.anchors()).extracting(c -> c.getSubjectX500Principal().getName())
                .contains("CN=Test ca,O=echoscu tests", "CN=Test other-ca,O=echoscu tests");
        assertThat(warnings).isEmpty();
    }
}
