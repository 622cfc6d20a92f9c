package org.echoscu.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.List;

import org.junit.jupiter.api.Test;

class CipherSuitesTest {

    @Test
    void jsseOldNamesShowAsIanaNames() {
        assertThat(CipherSuites.iana("SSL_RSA_WITH_3DES_EDE_CBC_SHA")).isEqualTo("TLS_RSA_WITH_3DES_EDE_CBC_SHA");
        assertThat(CipherSuites.iana("TLS_AES_128_GCM_SHA256")).isEqualTo("TLS_AES_128_GCM_SHA256");
        assertThat(JvmTls.jsseAlias("TLS_RSA_WITH_NULL_SHA")).isEqualTo("SSL_RSA_WITH_NULL_SHA");
    }

    @Test
    void encryptionTls13AndWhatWeOffer() {
        assertThat(CipherSuites.encrypts("TLS_RSA_WITH_NULL_SHA")).isFalse();
        assertThat(CipherSuites.encrypts("TLS_ECDHE_RSA_WITH_NULL_SHA")).isFalse();
        assertThat(CipherSuites.encrypts("TLS_RSA_WITH_AES_128_CBC_SHA")).isTrue();
        assertThat(CipherSuites.isTls13("TLS_AES_256_GCM_SHA384")).isTrue();
        assertThat(CipherSuites.isTls13("TLS_RSA_WITH_AES_128_CBC_SHA")).isFalse();
        assertThat(CipherSuites.offerable("TLS_RSA_WITH_3DES_EDE_CBC_SHA")).isTrue();
        assertThat(CipherSuites.offerable("SSL_RSA_WITH_NULL_SHA")).isTrue();
        assertThat(CipherSuites.offerable("SSL_DH_anon_WITH_3DES_EDE_CBC_SHA")).isFalse();
        assertThat(CipherSuites.offerable("SSL_RSA_WITH_RC4_128_SHA")).isFalse();
        assertThat(CipherSuites.offerable("SSL_RSA_WITH_DES_CBC_SHA")).isFalse();
        assertThat(CipherSuites.offerable("SSL_RSA_WITH_NULL_MD5")).isFalse();
        assertThat(CipherSuites.offerable("TLS_EMPTY_RENEGOTIATION_INFO_SCSV")).isFalse();
        assertThat(CipherSuites.offerable("TLS_AES_256_GCM_SHA384")).isFalse();
    }

    @Test
    void theServerPrefersTheStrongestSuiteAsDcmtkDoes() {
        assertThat(CipherSuites.strongestFirst(TlsProfile.BCP195.suites(List.of()))).containsExactly(
                "TLS_DHE_RSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
                "TLS_DHE_RSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
                "TLS_RSA_WITH_AES_128_CBC_SHA", "TLS_RSA_WITH_3DES_EDE_CBC_SHA");
        assertThat(CipherSuites.strongestFirst(List.of("TLS_RSA_WITH_NULL_SHA", "TLS_RSA_WITH_AES_256_CBC_SHA",
                "TLS_ECDH_RSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA")))
                .containsExactly("TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA", "TLS_ECDH_RSA_WITH_AES_256_GCM_SHA384",
                        "TLS_RSA_WITH_AES_256_CBC_SHA", "TLS_RSA_WITH_NULL_SHA");
    }

    @Test
    void blockingEntriesOfTheJvmPolicy() {
        assertThat(CipherSuites.blockingTokens("SSL_RSA_WITH_NULL_SHA")).containsExactly("NULL");
        assertThat(CipherSuites.blockingTokens("TLS_ECDH_RSA_WITH_3DES_EDE_CBC_SHA")).containsExactly("3DES_EDE_CBC",
                "ECDH");
        assertThat(CipherSuites.blockingTokens("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256")).isEmpty();
    }

    @Test
    void clientHelloSuitesAreReadBack() {
        ByteBuffer b = ByteBuffer.allocate(64);
        b.put((byte) 22).putShort((short) 0x0301).putShort((short) 0); // record header
        b.put((byte) 1).put(new byte[3]).putShort((short) 0x0303).put(new byte[32]); // client_hello, random
        b.put((byte) 2).put(new byte[2]); // session id
        b.putShort((short) 4).putShort((short) 0x002f).putShort((short) 0x00ff);
        b.flip();
        assertThat(JvmTls.suiteCodes(b)).containsExactly(0x002f, 0x00ff);
        assertThat(JvmTls.suiteCodes(ByteBuffer.wrap(new byte[] {21, 3, 3}))).isEmpty();
    }
}
