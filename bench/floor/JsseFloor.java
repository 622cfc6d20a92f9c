import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
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
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

/**
 * Java's own TLS floor for bench/startup.py: with the JDK alone, read an unencrypted PKCS#8
 * PEM key, its certificate and a CA certificate, connect to HOST PORT and complete one TLS
 * handshake, then close. What a TLS echo costs above this is ours; what this costs above the
 * plain floor is the JVM's TLS.
 *   java JsseFloor KEY CERT CA HOST PORT
 */
public final class JsseFloor {
    public static void main(String[] a) throws Exception {
        CertificateFactory x509 = CertificateFactory.getInstance("X.509");
        Certificate cert = read(x509, a[1]);
        Certificate ca = read(x509, a[2]);
        String pem = Files.readString(Path.of(a[0]), StandardCharsets.US_ASCII);
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
        Socket tcp = new Socket();
        tcp.setTcpNoDelay(true);
        tcp.connect(new InetSocketAddress(a[3], Integer.parseInt(a[4])));
        try (SSLSocket s = (SSLSocket) tls.getSocketFactory().createSocket(tcp, a[3], Integer.parseInt(a[4]), true)) {
            s.startHandshake();
            System.out.println(s.getSession().getProtocol() + " " + s.getSession().getCipherSuite());
        }
    }

    private static Certificate read(CertificateFactory x509, String file) throws IOException, Exception {
        try (var in = Files.newInputStream(Path.of(file))) {
            return x509.generateCertificate(in);
        }
    }
}
