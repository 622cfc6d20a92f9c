import java.net.InetSocketAddress;
import java.net.Socket;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * Java's own TLS floor for bench/startup.py: with the JDK alone, read an unencrypted PKCS#8
 * PEM key, its certificate and a CA certificate (FloorTls), connect to HOST PORT and complete
 * one TLS handshake, then close. What a TLS echo costs above this is ours; what this costs
 * above the plain floor is the JVM's TLS.
 *   java JsseFloor KEY CERT CA HOST PORT
 */
public final class JsseFloor {
    public static void main(String[] a) throws Exception {
        SSLContext tls = FloorTls.context(a[0], a[1], a[2]);
        Socket tcp = new Socket();
        tcp.setTcpNoDelay(true);
        tcp.connect(new InetSocketAddress(a[3], Integer.parseInt(a[4])));
        try (SSLSocket s = (SSLSocket) tls.getSocketFactory().createSocket(tcp, a[3], Integer.parseInt(a[4]), true)) {
            s.startHandshake();
            System.out.println(s.getSession().getProtocol() + " " + s.getSession().getCipherSuite());
        }
    }
}
