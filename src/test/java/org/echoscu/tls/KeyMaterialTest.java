package org.echoscu.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Keys and certificates in every form OpenSSL writes them, and the one-line errors for bad ones. */
class KeyMaterialTest {

    private static final Passwords NEVER = file -> {
        throw new AssertionError("asked for a password for an unencrypted key " + file);
    };

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "server.key,             false, server.pem,     RSA, false",
            "server-pkcs1.key,       false, server.pem,     RSA, false",
            "server-pkcs8-enc.key,   false, server.pem,     RSA, true",
            "server-legacy-aes.key,  false, server.pem,     RSA, true",
            "server-legacy-3des.key, false, server.pem,     RSA, true",
            "server.key.der,         true,  server.pem.der, RSA, false",
            "server-pkcs1.key.der,   true,  server.pem.der, RSA, false",
            "server-pkcs8-enc.key.der, true, server.pem.der, RSA, true",
            "ec.key,                 false, ec.pem,         EC,  false",
            "ec-pkcs8.key,           false, ec.pem,         EC,  false",
            "ec.key.der,             true,  ec.pem.der,     EC,  false",
    })
    void everyKeyFormReadsAndMatchesItsCertificate(String keyFile, boolean der, String certFile, String algorithm,
                                                   boolean encrypted) throws Exception {
        AtomicInteger asked = new AtomicInteger();
        Passwords passwords = file -> {
            asked.incrementAndGet();
            return TestPki.PASSWORD.toCharArray();
        };
        PrivateKey key = KeyMaterial.readPrivateKey(TestPki.file(keyFile), der, passwords);
        List<X509Certificate> certs = KeyMaterial.readCertificates(TestPki.file(certFile), der);
        assertThat(key.getAlgorithm()).isEqualTo(algorithm);
        assertThat(asked.get()).as("password asked for").isEqualTo(encrypted ? 1 : 0);
        KeyMaterial.checkMatch(key, certs.get(0), keyFile, certFile);
    }

    @Test
    void unencryptedKeysNeverAskForAPassword() throws Exception {
        assertThat(KeyMaterial.readPrivateKey(TestPki.file("server.key"), false, NEVER)).isNotNull();
        assertThat(KeyMaterial.readPrivateKey(TestPki.file("ec.key"), false, NEVER)).isNotNull();
    }

    @ParameterizedTest
    @CsvSource({"server-pkcs8-enc.key, false", "server-legacy-aes.key, false", "server-legacy-3des.key, false",
            "server-pkcs8-enc.key.der, true"})
    void aWrongPasswordIsOneClearLine(String keyFile, boolean der) {
        assertThatThrownBy(() -> KeyMaterial.readPrivateKey(TestPki.file(keyFile), der, Passwords.given("wrong")))
                .isInstanceOf(TlsSetupException.class)
                .hasMessage("Unable to load private TLS key from '" + TestPki.file(keyFile)
                        + "': wrong password, or the key is damaged");
        assertThatThrownBy(() -> KeyMaterial.readPrivateKey(TestPki.file(keyFile), der, Passwords.given("")))
                .hasMessageContaining("wrong password");
    }

    @Test
    void aKeyOfAnotherCertificateIsRefused() throws Exception {
        PrivateKey key = KeyMaterial.readPrivateKey(TestPki.file("server.key"), false, NEVER);
        X509Certificate client = KeyMaterial.readCertificates(TestPki.file("client.pem"), false).get(0);
        X509Certificate ec = KeyMaterial.readCertificates(TestPki.file("ec.pem"), false).get(0);
        assertThatThrownBy(() -> KeyMaterial.checkMatch(key, client, "server.key", "client.pem"))
                .hasMessage("Private key 'server.key' and certificate 'client.pem' do not match");
        assertThatThrownBy(() -> KeyMaterial.checkMatch(key, ec, "server.key", "ec.pem"))
                .hasMessage("Private key 'server.key' and certificate 'ec.pem' do not match");
        PrivateKey ecKey = KeyMaterial.readPrivateKey(TestPki.file("ec.key"), false, NEVER);
        X509Certificate server = KeyMaterial.readCertificates(TestPki.file("server.pem"), false).get(0);
        assertThatThrownBy(() -> KeyMaterial.checkMatch(ecKey, server, "ec.key", "server.pem"))
                .isInstanceOf(TlsSetupException.class);
    }

    @Test
    void missingUnreadableAndConfusedFilesAreOneClearLine(@TempDir Path tmp) throws Exception {
        String missing = tmp.resolve("nothing.key").toString();
        assertThatThrownBy(() -> KeyMaterial.readPrivateKey(missing, false, NEVER))
                .hasMessage("Unable to load private TLS key from '" + missing + "': no such file");
        assertThatThrownBy(() -> KeyMaterial.readCertificates(missing, false))
                .hasMessage("Unable to load TLS certificate from '" + missing + "': no such file");
        assertThatThrownBy(() -> KeyMaterial.readPrivateKey(TestPki.file("server.pem"), false, NEVER))
                .hasMessageEndingWith("no private key in it (only a certificate: are key and certificate swapped?)");
        assertThatThrownBy(() -> KeyMaterial.readCertificates(TestPki.file("server.key"), false))
                .hasMessageEndingWith("no certificate in it");
        assertThatThrownBy(() -> KeyMaterial.readPrivateKey(TestPki.file("server.key.der"), false, NEVER))
                .hasMessageEndingWith("it is not a PEM file (for DER files use -der)");
        assertThatThrownBy(() -> KeyMaterial.readPrivateKey(TestPki.file("server.key"), true, NEVER))
                .hasMessageEndingWith("it is a PEM file, not DER (leave out -der)");
        Path garbage = tmp.resolve("garbage.key");
        Files.writeString(garbage, "-----BEGIN PRIVATE KEY-----\nnot base64 at all!\n-----END PRIVATE KEY-----\n");
        assertThatThrownBy(() -> KeyMaterial.readPrivateKey(garbage.toString(), false, NEVER))
                .isInstanceOf(TlsSetupException.class)
                .hasMessageStartingWith("Unable to load private TLS key from '" + garbage + "': ")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        Path binary = tmp.resolve("binary.der");
        Files.write(binary, new byte[] {0x30, 0x03, 0x02, 0x01});
        assertThatThrownBy(() -> KeyMaterial.readPrivateKey(binary.toString(), true, NEVER))
                .hasMessageEndingWith("not a DER-encoded key");
        assertThatThrownBy(() -> KeyMaterial.readPrivateKey(tmp.toString(), false, NEVER))
                .hasMessageEndingWith("it is a directory");
    }

    @Test
    void aCertificateFileMayHoldAChain(@TempDir Path tmp) throws Exception {
        Path chain = tmp.resolve("chain.pem");
        Files.writeString(chain, Files.readString(Path.of(TestPki.file("server.pem")))
                + Files.readString(Path.of(TestPki.file("ca.pem"))));
        List<X509Certificate> certs = KeyMaterial.readCertificates(chain.toString(), false);
        assertThat(certs).hasSize(2);
        assertThat(certs.get(0).getSubjectX500Principal().getName()).contains("CN=localhost");
    }

    @Test
    void crlsReadInPem() throws Exception {
        assertThat(KeyMaterial.readCrls(TestPki.file("crl.pem"), false)).hasSize(1);
        assertThatThrownBy(() -> KeyMaterial.readCrls(TestPki.file("server.pem"), false))
                .hasMessageEndingWith("no CRL in it");
    }
}
