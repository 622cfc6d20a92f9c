package org.echoscu.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.cert.X509Certificate;
import java.util.List;

import org.junit.jupiter.api.Test;

/** RFC 6125 matching, on the test PKI's certificates and on name patterns alone. */
class HostnameCheckTest {

    private static X509Certificate cert(String name) throws Exception {
        return KeyMaterial.readCertificates(TestPki.file(name), false).get(0);
    }

    @Test
    void serverCertificateMatchesLocalhostAndItsAddress() throws Exception {
        X509Certificate server = cert("server.pem"); // DNS:localhost, IP:127.0.0.1
        assertThat(HostnameCheck.mismatch(server, "localhost")).isNull();
        assertThat(HostnameCheck.mismatch(server, "LOCALHOST.")).isNull();
        assertThat(HostnameCheck.mismatch(server, "127.0.0.1")).isNull();
        assertThat(HostnameCheck.mismatch(server, "::1")).isEqualTo("it is for DNS:localhost, IP:127.0.0.1");
        assertThat(HostnameCheck.mismatch(server, "127.0.0.2")).isNotNull();
    }

    @Test
    void mismatchListsTheNamesTheCertificateCarries() throws Exception {
        X509Certificate elsewhere = cert("server-elsewhere.pem");
        assertThat(HostnameCheck.mismatch(elsewhere, "127.0.0.1"))
                .isEqualTo("it is for DNS:dicom.example.org, DNS:*.pacs.example.org, IP:192.0.2.7");
        assertThat(HostnameCheck.mismatch(elsewhere, "dicom.example.org")).isNull();
        assertThat(HostnameCheck.mismatch(elsewhere, "ct1.pacs.example.org")).isNull();
        assertThat(HostnameCheck.mismatch(elsewhere, "192.0.2.7")).isNull();
        assertThat(HostnameCheck.mismatch(elsewhere, "pacs.example.org")).isNotNull();
        assertThat(HostnameCheck.mismatch(elsewhere, "a.ct1.pacs.example.org")).isNotNull();
    }

    @Test
    void commonNameOnlyWithoutDnsNames() throws Exception {
        // the CA certificate has no subject alternative names at all: its CN is the one name
        X509Certificate ca = cert("ca.pem");
        assertThat(HostnameCheck.mismatch(ca, "Test ca")).isNull();
        assertThat(HostnameCheck.mismatch(ca, "localhost")).isEqualTo("it is for CN=Test ca");
        assertThat(HostnameCheck.mismatch(ca, "127.0.0.1")).as("never the CN for an address").isNotNull();
    }

    @Test
    void wildcardRules() {
        assertThat(HostnameCheck.dnsMatches(List.of("*.example.org"), "a.example.org")).isTrue();
        assertThat(HostnameCheck.dnsMatches(List.of("*.example.org"), "example.org")).isFalse();
        assertThat(HostnameCheck.dnsMatches(List.of("*.example.org"), "a.b.example.org")).isFalse();
        assertThat(HostnameCheck.dnsMatches(List.of("*.org"), "example.org")).isFalse();
        assertThat(HostnameCheck.dnsMatches(List.of("a*.example.org"), "ab.example.org")).isFalse();
        assertThat(HostnameCheck.dnsMatches(List.of("*.*.example.org"), "a.b.example.org")).isFalse();
        assertThat(HostnameCheck.dnsMatches(List.of("Example.ORG"), "example.org.")).isTrue();
    }
}
