package org.echoscu.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.echoscu.Reference;
import org.junit.jupiter.api.Test;

/** DCMTK 3.7.0's rules for +cs under each profile, with its messages (reference/dcmtk-3.7.0/tls-*-cs-*.txt). */
class SuitePolicyTest {

    @Test
    void rfc8996RefusesSha1SuitesInDcmtksWords() {
        SuitePolicy.Verdict v = SuitePolicy.judge(TlsProfile.RFC8996, "TLS_RSA_WITH_AES_128_CBC_SHA");
        List<String> reference = Reference.lines("dcmtk-3.7.0/tls-pg-cs-sha1.txt");
        assertThat(List.of("F: " + v.refusal(), "F: " + SuitePolicy.NOT_ALLOWED))
                .isEqualTo(reference.subList(0, 2));
        assertThat(SuitePolicy.judge(TlsProfile.RFC8996, "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA").refused()).isTrue();
    }

    @Test
    void rfc8996RefusesUnencryptedSuites() {
        assertThat(SuitePolicy.judge(TlsProfile.RFC8996, "TLS_RSA_WITH_NULL_SHA256").refusal())
                .isEqualTo("Unencrypted ciphersuite 'TLS_RSA_WITH_NULL_SHA256' not permitted with security profile"
                        + " 'BCP 195 RFC 8996 TLS Profile'");
    }

    @Test
    void rfc8996WarnsAboutStaticRsaInDcmtksWords() {
        SuitePolicy.Verdict v = SuitePolicy.judge(TlsProfile.RFC8996, "TLS_RSA_WITH_AES_128_GCM_SHA256");
        assertThat(v.refused()).isFalse();
        assertThat(v.warnings()).hasSize(1);
        assertThat("W: " + v.warnings().get(0)).isEqualTo(Reference.lines("dcmtk-3.7.0/tls-pg-cs-rsa-warn.txt").get(0));
    }

    @Test
    void rfc8996WarnsAboutDheAndCbc() {
        SuitePolicy.Verdict v = SuitePolicy.judge(TlsProfile.RFC8996, "TLS_DHE_RSA_WITH_AES_128_CBC_SHA256");
        assertThat(v.refused()).isFalse();
        assertThat(v.warnings()).containsExactly(
                "Ciphersuite 'TLS_DHE_RSA_WITH_AES_128_CBC_SHA256' uses ephemeral finite-field Diffie-Hellman key"
                        + " agreement. RFC 9325 recommends that such cipher suites should not be used.",
                "Ciphersuite 'TLS_DHE_RSA_WITH_AES_128_CBC_SHA256' uses CBC mode of operation. RFC 9325 recommends"
                        + " that such cipher suites should not be used, unless both sides support the encrypt_then_mac"
                        + " extension (we do).");
        assertThat(SuitePolicy.judge(TlsProfile.RFC8996, "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256").warnings())
                .isEmpty();
    }

    @Test
    void modifiedAndExtendedProfilesTakeNoAddedSuite() {
        SuitePolicy.Verdict v = SuitePolicy.judge(TlsProfile.RFC8996_MODIFIED, "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256");
        assertThat(List.of("F: " + v.refusal(), "F: " + SuitePolicy.NOT_ALLOWED))
                .isEqualTo(Reference.lines("dcmtk-3.7.0/tls-pm-cs-refused.txt").subList(0, 2));
        assertThat(SuitePolicy.judge(TlsProfile.BCP195_EX, "TLS_RSA_WITH_AES_256_GCM_SHA384").refusal())
                .isEqualTo("Additional ciphersuites not permitted with security profile 'Extended BCP 195 TLS Profile'");
    }

    @Test
    void retiredProfilesRefuseUnencryptedSuitesAndWarnAboutStaticRsa() {
        for (TlsProfile p : List.of(TlsProfile.BCP195, TlsProfile.BCP195_ND, TlsProfile.BASIC, TlsProfile.AES)) {
            assertThat(SuitePolicy.judge(p, "TLS_RSA_WITH_NULL_SHA").refusal())
                    .isEqualTo("Unencrypted ciphersuite 'TLS_RSA_WITH_NULL_SHA' not permitted with security profile '"
                            + p.title() + "'");
            SuitePolicy.Verdict rsa = SuitePolicy.judge(p, "TLS_RSA_WITH_AES_256_GCM_SHA384");
            assertThat(rsa.refused()).isFalse();
            assertThat(rsa.warnings()).containsExactly("Ciphersuite 'TLS_RSA_WITH_AES_256_GCM_SHA384' uses RSA key"
                    + " transport. RFC 7525 recommends that such cipher suites should not be used.");
            assertThat(SuitePolicy.judge(p, "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA").warnings()).isEmpty();
        }
        assertThat(SuitePolicy.judge(TlsProfile.NULL, "TLS_RSA_WITH_NULL_SHA256").refused()).isFalse();
        assertThat(SuitePolicy.judge(TlsProfile.NULL, "TLS_RSA_WITH_NULL_SHA256").warnings()).isEmpty();
    }
}
