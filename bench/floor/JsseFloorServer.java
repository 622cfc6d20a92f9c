import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * Java's own TLS floor on the server side, for bench/startup.py: with the JDK alone (FloorTls),
 * accept each connection on PORT, complete one TLS handshake (client certificate required, as
 * echoscp requires it by default) and close. A client's TLS association with our echoscp costs
 * echoscp at least this much CPU.
 *   java JsseFloorServer KEY CERT CA PORT
 */
public final class JsseFloorServer {
    public static void main(String[] a) throws Exception {
        SSLContext tls = FloorTls.context(a[0], a[1], a[2]);
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
}
