package org.echoscu.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The JDK-only PEM path reads what OpenSSL writes by default, exactly as Bouncy Castle does, and nothing else. */
class JdkPemTest {

    private static byte[] bytes(String name) throws Exception {
        return Files.readAllBytes(Path.of(TestPki.file(name)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"server.key", "server-pkcs1.key", "client.key", "ec-pkcs8.key"})
    void plainKeysGiveTheKeyBouncyCastleGives(String file) throws Exception {
        PrivateKey jdk = JdkPem.privateKey(bytes(file));
        PrivateKey bc = BouncyCastlePem.pemKey(file, bytes(file), f -> {
            throw new AssertionError("no password for " + f);
        });
        assertThat(jdk).as(file).isNotNull();
        assertThat(jdk.getAlgorithm()).isEqualTo(bc.getAlgorithm());
        assertThat(jdk.getEncoded()).isEqualTo(bc.getEncoded());
    }

    @ParameterizedTest
    @ValueSource(strings = {"server-pkcs8-enc.key", "server-legacy-aes.key", "ec.key", "server.pem"})
    void encryptedSec1AndNonKeyFilesAreLeftToBouncyCastle(String file) throws Exception {
        assertThat(JdkPem.privateKey(bytes(file))).as(file).isNull();
    }

    @Test
    void certificatesGiveWhatBouncyCastleGives() throws Exception {
        byte[] chain = (new String(bytes("server.pem"), StandardCharsets.US_ASCII) + new String(bytes("ca.pem"), StandardCharsets.US_ASCII)).getBytes(StandardCharsets.US_ASCII);
        List<X509Certificate> jdk = JdkPem.certificates(chain);
        assertThat(jdk).hasSize(2).isEqualTo(BouncyCastlePem.certificates(chain));
    }

    @Test
    void aFileWithOtherBlocksIsLeftToBouncyCastle() throws Exception {
        byte[] mixed = (new String(bytes("server.pem"), StandardCharsets.US_ASCII) + new String(bytes("server.key"), StandardCharsets.US_ASCII)).getBytes(StandardCharsets.US_ASCII);
        assertThat(JdkPem.certificates(mixed)).isNull();
        assertThat(JdkPem.certificates("not PEM at all".getBytes(StandardCharsets.US_ASCII))).isNull();
        assertThat(JdkPem.certificates("-----BEGIN CERTIFICATE-----\n!!!\n-----END CERTIFICATE-----\n".getBytes(StandardCharsets.US_ASCII)))
                .isNull();
    }
}
