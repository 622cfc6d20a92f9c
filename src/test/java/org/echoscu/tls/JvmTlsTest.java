package org.echoscu.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Lifting entries of jdk.tls.disabledAlgorithms: exactly those asked for, and only ours. */
class JvmTlsTest {

    private static final String JDK17 = "SSLv3, TLSv1, TLSv1.1, DTLSv1.0, RC4, DES, MD5withRSA, DH keySize < 1024, "
            + "EC keySize < 224, 3DES_EDE_CBC, anon, NULL, ECDH, include jdk.disabled.namedCurves";

    @Test
    void liftsOnlyTheNamedEntries() {
        Set<String> removed = new LinkedHashSet<>();
        String after = JvmTls.without(JDK17, TlsProfile.BCP195.blockingTokens(List.of()), removed);
        assertThat(removed).containsExactlyInAnyOrder("TLSv1", "TLSv1.1", "3DES_EDE_CBC");
        assertThat(after).isEqualTo("SSLv3, DTLSv1.0, RC4, DES, MD5withRSA, DH keySize < 1024, EC keySize < 224, "
                + "anon, NULL, ECDH, include jdk.disabled.namedCurves");
    }

    @Test
    void neverLiftsWhatNoProfileNeeds() {
        Set<String> removed = new LinkedHashSet<>();
        String after = JvmTls.without(JDK17, Set.of("SSLv3", "RC4", "anon", "DES", "NULL"), removed);
        assertThat(removed).containsExactly("NULL");
        assertThat(after).contains("SSLv3").contains("RC4").contains("anon").doesNotContain("NULL,");
    }

    @Test
    void aPolicyWithoutTheEntriesIsLeftAlone() {
        Set<String> removed = new LinkedHashSet<>();
        assertThat(JvmTls.without("SSLv3, RC4", Set.of("TLSv1"), removed)).isEqualTo("SSLv3, RC4");
        assertThat(removed).isEmpty();
    }
}
