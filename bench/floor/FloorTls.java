import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The TLS set-up both JSSE floors share, with the JDK alone: an unencrypted PKCS#8 PEM key, its
 * certificate and a CA certificate, the JDK's default key and trust manager factories.
 */
final class FloorTls {

    private FloorTls() {
    }

    static SSLContext context(String keyFile, String certFile, String caFile) throws Exception {
        CertificateFactory x509 = CertificateFactory.getInstance("X.509");
        Certificate cert = read(x509, certFile);
        Certificate ca = read(x509, caFile);
        String pem = Files.readString(Path.of(keyFile), StandardCharsets.US_ASCII);
        byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
        PrivateKey key = KeyFactory.getInstance(cert.getPublicKey().getAlgorithm())
                .generatePrivate(new PKCS8EncodedKeySpec(der));
        char[] none = new char[0];
        KeyStore keys = KeyStore.getInstance("PKCS12");
        keys.load(null, null);
        keys.setKeyEntry("me", key, none, new Certificate[] {cert});
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("ca", ca);
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, none);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        return tls;
    }

    private static Certificate read(CertificateFactory x509, String file) throws Exception {
        try (var in = Files.newInputStream(Path.of(file))) {
            return x509.generateCertificate(in);
        }
    }
}
