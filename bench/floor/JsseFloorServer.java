import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
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
 * Java's own TLS floor on the server side, for bench/startup.py: with the JDK alone, accept
 * each connection on PORT, complete one TLS handshake (client certificate required, as echoscp
 * requires it by default) and close. A client's TLS association with our echoscp costs echoscp
 * at least this much CPU.
 *   java JsseFloorServer KEY CERT CA PORT
 */
public final class JsseFloorServer {
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
        try (ServerSocket server = new ServerSocket()) {
            server.bind(new InetSocketAddress("127.0.0.1", Integer.parseInt(a[3])));
            while (true) {
                Socket tcp = server.accept();
                try (SSLSocket s = (SSLSocket) tls.getSocketFactory().createSocket(tcp, null, true)) {
                    s.setUseClientMode(false);
                    s.setNeedClientAuth(true);
                    s.startHandshake();
                } catch (IOException e) {
                    // the client's business; the next one
                }
            }
        }
    }

    private static Certificate read(CertificateFactory x509, String file) throws Exception {
        try (var in = Files.newInputStream(Path.of(file))) {
            return x509.generateCertificate(in);
        }
    }
}
