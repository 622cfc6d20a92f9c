package org.echoscu.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The six profiles exactly as spec §1 (and DCMTK) define them, and the rules of +cs. */
class TlsProfileTest {

    private static final List<String> GCM = List.of("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
            "TLS_DHE_RSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
            "TLS_DHE_RSA_WITH_AES_256_GCM_SHA384");

    @Test
    void bcp195IsTheDefaultWithTls10AndUpAndBackwardCompatibleSuites() {
        assertThat(TlsProfile.DEFAULT).isEqualTo(TlsProfile.BCP195);
        assertThat(TlsProfile.BCP195.protocols()).containsExactly("TLSv1.3", "TLSv1.2", "TLSv1.1", "TLSv1");
        assertThat(TlsProfile.BCP195.required()).containsExactlyElementsOf(concat(GCM, "TLS_RSA_WITH_AES_128_CBC_SHA"));
        assertThat(TlsProfile.BCP195.optional()).containsExactly("TLS_RSA_WITH_3DES_EDE_CBC_SHA");
    }

    @Test
    void nonDowngradingHasTheFourGcmSuitesFromTls12() {
        assertThat(TlsProfile.BCP195_ND.protocols()).containsExactly("TLSv1.3", "TLSv1.2");
        assertThat(TlsProfile.BCP195_ND.required()).containsExactlyElementsOf(GCM);
        assertThat(TlsProfile.BCP195_ND.optional()).isEmpty();
    }

    @Test
    void extendedAddsTheEcdsaSuitesAndIsTls12Only() {
        assertThat(TlsProfile.BCP195_EX.protocols()).containsExactly("TLSv1.2");
        assertThat(TlsProfile.BCP195_EX.allowsTls13()).isFalse();
        assertThat(TlsProfile.BCP195_EX.required()).containsExactlyElementsOf(concat(GCM,
                "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256"));
    }

    @Test
    void theRetiredProfilesStopAtTls12() {
        assertThat(TlsProfile.BASIC.required()).containsExactly("TLS_RSA_WITH_3DES_EDE_CBC_SHA");
        assertThat(TlsProfile.AES.required()).containsExactly("TLS_RSA_WITH_AES_128_CBC_SHA");
        assertThat(TlsProfile.AES.optional()).containsExactly("TLS_RSA_WITH_3DES_EDE_CBC_SHA");
        assertThat(TlsProfile.NULL.required()).containsExactly("TLS_RSA_WITH_NULL_SHA");
        for (TlsProfile p : List.of(TlsProfile.BASIC, TlsProfile.AES, TlsProfile.NULL)) {
            assertThat(p.protocols()).containsExactly("TLSv1.2", "TLSv1.1", "TLSv1");
        }
    }

    @Test
    void optionsNameTheProfiles() {
        assertThat(TlsProfile.ofOption("+px")).isEqualTo(TlsProfile.BCP195);
        assertThat(TlsProfile.ofOption("--profile-bcp195-nd")).isEqualTo(TlsProfile.BCP195_ND);
        assertThat(TlsProfile.ofOption("+pz")).isEqualTo(TlsProfile.BCP195_EX);
        assertThat(TlsProfile.ofOption("+pb")).isEqualTo(TlsProfile.BASIC);
        assertThat(TlsProfile.ofOption("+pa")).isEqualTo(TlsProfile.AES);
        assertThat(TlsProfile.ofOption("--profile-null")).isEqualTo(TlsProfile.NULL);
        assertThat(TlsProfile.ofOption("+xx")).isNull();
    }

    @Test
    void unencryptedSuitesOnlyUnderTheNullProfileAndNoneAddedUnderExtended() {
        for (TlsProfile p : List.of(TlsProfile.BCP195, TlsProfile.BCP195_ND, TlsProfile.BASIC, TlsProfile.AES)) {
            assertThat(p.refusal("TLS_RSA_WITH_NULL_SHA"))
                    .isEqualTo("Unencrypted ciphersuite 'TLS_RSA_WITH_NULL_SHA' not permitted with security profile '"
                            + p.title() + "'");
            assertThat(p.refusal("TLS_RSA_WITH_NULL_SHA256")).isNotNull();
            assertThat(p.refusal("TLS_RSA_WITH_AES_256_GCM_SHA384")).isNull();
        }
        assertThat(TlsProfile.NULL.refusal("TLS_RSA_WITH_NULL_SHA256")).isNull();
        assertThat(TlsProfile.NULL.refusal("TLS_RSA_WITH_AES_256_GCM_SHA384")).isNull();
        assertThat(TlsProfile.BCP195_EX.refusal("TLS_RSA_WITH_AES_256_GCM_SHA384"))
                .isEqualTo("Additional ciphersuites not permitted with security profile 'Extended BCP 195 TLS Profile'");
    }

    @Test
    void onlyWhatAProfileNeedsIsLiftedFromTheJvmPolicy() {
        assertThat(TlsProfile.BCP195.blockingTokens(List.of())).containsExactlyInAnyOrder("TLSv1", "TLSv1.1",
                "3DES_EDE_CBC");
        assertThat(TlsProfile.BCP195_ND.blockingTokens(List.of())).isEmpty();
        assertThat(TlsProfile.BCP195_EX.blockingTokens(List.of())).isEmpty();
        assertThat(TlsProfile.BASIC.blockingTokens(List.of())).containsExactlyInAnyOrder("TLSv1", "TLSv1.1",
                "3DES_EDE_CBC");
        assertThat(TlsProfile.NULL.blockingTokens(List.of())).containsExactlyInAnyOrder("TLSv1", "TLSv1.1", "NULL");
        assertThat(TlsProfile.BCP195_ND.blockingTokens(List.of("TLS_ECDH_RSA_WITH_AES_128_GCM_SHA256")))
                .containsExactly("ECDH");
    }

    @Test
    void suitesAreRequiredThenOptionalThenAdded() {
        assertThat(TlsProfile.AES.suites(List.of("TLS_RSA_WITH_AES_128_CBC_SHA", "TLS_RSA_WITH_AES_256_CBC_SHA")))
                .containsExactly("TLS_RSA_WITH_AES_128_CBC_SHA", "TLS_RSA_WITH_3DES_EDE_CBC_SHA",
                        "TLS_RSA_WITH_AES_256_CBC_SHA");
    }

    private static List<String> concat(List<String> a, String... more) {
        List<String> out = new java.util.ArrayList<>(a);
        out.addAll(List.of(more));
        return out;
    }
}
