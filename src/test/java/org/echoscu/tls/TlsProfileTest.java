package org.echoscu.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The profiles exactly as DCMTK 3.7.0 defines them (and 3.6.5's +pb). */
class TlsProfileTest {

    private static final List<String> GCM = List.of("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
            "TLS_DHE_RSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
            "TLS_DHE_RSA_WITH_AES_256_GCM_SHA384");

    @Test
    void rfc8996IsTheDefaultWithEcdheAesGcmOverTls12And13() {
        assertThat(TlsProfile.DEFAULT).isEqualTo(TlsProfile.RFC8996);
        assertThat(TlsProfile.RFC8996.protocols()).containsExactly("TLSv1.3", "TLSv1.2");
        assertThat(TlsProfile.RFC8996.required()).containsExactly("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
                "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
                "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384");
        assertThat(TlsProfile.RFC8996.optional()).isEmpty();
        assertThat(TlsProfile.RFC8996.tls13()).isEqualTo(CipherSuites.TLS13);
        assertThat(TlsProfile.RFC8996.retired()).isFalse();
    }

    @Test
    void modifiedRfc8996AddsChachaAndUsesCcmAndCamelliaWhereTheJvmHasThem() {
        TlsProfile pm = TlsProfile.RFC8996_MODIFIED;
        assertThat(pm.protocols()).containsExactly("TLSv1.3", "TLSv1.2");
        assertThat(pm.required()).containsExactly("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
                "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256",
                "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
                "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384");
        assertThat(pm.optional()).hasSize(8).allMatch(s -> s.contains("_CCM") || s.contains("CAMELLIA"));
        assertThat(pm.tls13()).containsExactly("TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256",
                "TLS_AES_128_GCM_SHA256", "TLS_AES_128_CCM_SHA256", "TLS_AES_128_CCM_8_SHA256");
        assertThat(pm.isOptional("TLS_AES_128_CCM_SHA256")).isTrue();
        assertThat(pm.isOptional("TLS_AES_128_GCM_SHA256")).isFalse();
        // DCMTK's order for the client: CCM and Camellia where they stand among the others
        assertThat(pm.suites(List.of()).get(0)).isEqualTo("TLS_ECDHE_RSA_WITH_CAMELLIA_128_GCM_SHA256");
        assertThat(pm.suites(List.of())).endsWith("TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384");
    }

    @Test
    void bcp195IsRetiredWithTls10AndUpAndBackwardCompatibleSuites() {
        assertThat(TlsProfile.BCP195.retired()).isTrue();
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
        assertThat(TlsProfile.ofOption("+pg")).isEqualTo(TlsProfile.RFC8996);
        assertThat(TlsProfile.ofOption("--profile-8996-mod")).isEqualTo(TlsProfile.RFC8996_MODIFIED);
        assertThat(TlsProfile.ofOption("+px")).isEqualTo(TlsProfile.BCP195);
        assertThat(TlsProfile.ofOption("--profile-bcp195-nd")).isEqualTo(TlsProfile.BCP195_ND);
        assertThat(TlsProfile.ofOption("+pz")).isEqualTo(TlsProfile.BCP195_EX);
        assertThat(TlsProfile.ofOption("+pb")).isEqualTo(TlsProfile.BASIC);
        assertThat(TlsProfile.ofOption("+pa")).isEqualTo(TlsProfile.AES);
        assertThat(TlsProfile.ofOption("--profile-null")).isEqualTo(TlsProfile.NULL);
        assertThat(TlsProfile.ofOption("+xx")).isNull();
    }

    @Test
    void onlyWhatAProfileNeedsIsLiftedFromTheJvmPolicy() {
        assertThat(TlsProfile.BCP195.blockingTokens(List.of())).containsExactlyInAnyOrder("TLSv1", "TLSv1.1",
                "3DES_EDE_CBC");
        assertThat(TlsProfile.BCP195_ND.blockingTokens(List.of())).isEmpty();
        assertThat(TlsProfile.RFC8996.blockingTokens(List.of())).isEmpty();
        assertThat(TlsProfile.RFC8996_MODIFIED.blockingTokens(List.of())).isEmpty();
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
