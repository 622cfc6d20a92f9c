package org.echoscu.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

import org.echoscu.Reference;
import org.junit.jupiter.api.Test;

/**
 * DCMTK 3.7.0's certificate strength rules, on the test PKI's certificates: weak.pem (RSA 1024),
 * server-md5.pem and server-sha1.pem (the server key, signed with MD5 and SHA-1), ec.pem (P-256).
 */
class CertificateRulesTest {

    private final List<String> warnings = new ArrayList<>();

    private static X509Certificate cert(String name) throws Exception {
        return KeyMaterial.readCertificates(TestPki.file(name), false).get(0);
    }

    private X509ExtendedTrustManagerCheck trustManager(TlsProfile profile, boolean weAreClient) throws Exception {
        TrustMaterial t = TrustMaterial.load(List.of(TestPki.file("ca.pem")), List.of(), List.of(), CrlMode.NONE,
                false, warnings::add);
        return new X509ExtendedTrustManagerCheck(new ProfileTrustManager(t.trustManager(true), profile, weAreClient,
                warnings::add));
    }

    /** Runs the trust manager as JSSE would for the peer's chain; returns the refusal or null. */
    private record X509ExtendedTrustManagerCheck(ProfileTrustManager tm) {
        String server(String file) throws Exception {
            return check(file, false);
        }

        String client(String file) throws Exception {
            return check(file, true);
        }

        private String check(String file, boolean peerIsClient) throws Exception {
            X509Certificate[] chain = {cert(file)};
            try {
                if (peerIsClient) {
                    tm.checkClientTrusted(chain, "RSA");
                } else {
                    tm.checkServerTrusted(chain, "ECDHE_RSA");
                }
                return null;
            } catch (TrustMaterial.TrustFailure e) {
                return e.getMessage();
            }
        }
    }

    @Test
    void md5SignedPeersAreRefusedUnderEveryProfile() throws Exception {
        for (TlsProfile p : TlsProfile.values()) {
            assertThat(trustManager(p, true).server("server-md5.pem")).as("%s", p).isEqualTo(
                    "Weak certificate hash key: peer provided certificate with 'MD5'. Refusing TLS connection.");
            assertThat(trustManager(p, false).client("server-md5.pem")).as("%s", p).isNotNull();
        }
    }

    @Test
    void shortServerKeyIsRefusedUnderPgAndAWarningUnderPy() throws Exception {
        assertThat("E: " + trustManager(TlsProfile.RFC8996, true).server("weak.pem"))
                .isEqualTo(Reference.lines("dcmtk-3.7.0/tls-pg-weak-server-key.txt").get(1));
        assertThat(trustManager(TlsProfile.RFC8996, false).client("weak.pem")).isNull(); // a client's short key: a warning
        assertThat(warnings).containsExactly("RSA key length too short: RFC 9325 recommends at least 2048 bits, but"
                + " peer provided RSA certificate with 1024 bits.");
        warnings.clear();
        assertThat(trustManager(TlsProfile.BCP195_ND, true).server("weak.pem")).isNull();
        assertThat("W: " + warnings.get(0)).isEqualTo(Reference.lines("dcmtk-3.7.0/tls-py-weak-server-key.txt").get(1));
    }

    @Test
    void modifiedProfileRefusesShortKeysAndSha1OnEitherSide() throws Exception {
        assertThat(trustManager(TlsProfile.RFC8996_MODIFIED, false).client("weak.pem")).isEqualTo("RSA key length too"
                + " short: the DICOM TLS profile requires at least 2048 bits, but peer provided RSA certificate with 1024"
                + " bits. Refusing TLS connection.");
        assertThat(trustManager(TlsProfile.RFC8996_MODIFIED, true).server("server-sha1.pem")).isEqualTo("Weak"
                + " certificate hash key: the DICOM TLS profile requires SHA-256 (or better) for certificates, but peer"
                + " provided certificate with 'RSA-SHA1'. Refusing TLS connection.");
        assertThat(trustManager(TlsProfile.RFC8996_MODIFIED, true).server("ec.pem")).isNull();
        assertThat(trustManager(TlsProfile.RFC8996, true).server("server-sha1.pem")).isNull();
        assertThat(warnings).containsExactly("Weak certificate hash key: RFC 9325 recommends SHA-256 (or better, but"
                + " peer provided certificate with 'RSA-SHA1'.");
    }

    @Test
    void strongCertificatesPassQuietly() throws Exception {
        for (TlsProfile p : TlsProfile.values()) {
            assertThat(trustManager(p, true).server("server.pem")).isNull();
            assertThat(trustManager(p, false).client("client.pem")).isNull();
        }
        assertThat(warnings).isEmpty();
    }

    @Test
    void ownCertificateRules() throws Exception {
        assertThatThrownBy(() -> CertificateRules.checkOwn(cert("server-md5.pem"), "s.pem", TlsProfile.BCP195, false,
                warnings::add)).hasMessage("Weak certificate hash key: certificate file 's.pem' uses 'MD5'.");
        assertThatThrownBy(() -> CertificateRules.checkOwn(cert("weak.pem"), "w.pem", TlsProfile.RFC8996, true,
                warnings::add)).hasMessage("Key length of RSA public key too short: RFC 9325 requires at least 2048"
                + " bits for server RSA keys, but the key in certificate file 'w.pem' is only 1024 bits.");
        assertThatThrownBy(() -> CertificateRules.checkOwn(cert("weak.pem"), "w.pem", TlsProfile.RFC8996_MODIFIED,
                false, warnings::add)).hasMessageStartingWith("Key length of RSA public key too short: TLS profile"
                + " requires at least 2048 bits for RSA keys");
        assertThatThrownBy(() -> CertificateRules.checkOwn(cert("server-sha1.pem"), "s.pem",
                TlsProfile.RFC8996_MODIFIED, true, warnings::add)).hasMessage("Weak certificate hash key: TLS profile"
                + " requires SHA-256 (or better) for certificates, but certificate file 's.pem' uses 'RSA-SHA1'.");
        CertificateRules.checkOwn(cert("weak.pem"), "w.pem", TlsProfile.RFC8996, false, warnings::add);
        CertificateRules.checkOwn(cert("server.pem"), "s.pem", TlsProfile.RFC8996_MODIFIED, true, warnings::add);
        CertificateRules.checkOwn(cert("ec.pem"), "e.pem", TlsProfile.RFC8996_MODIFIED, true, warnings::add);
        assertThat(warnings).containsExactly("Key length of RSA public key too short: RFC 9325 recommends at least"
                + " 2048 bits for RSA keys, but the key in certificate file 'w.pem' is only 1024 bits.");
    }
}
