import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.Socket;

/**
 * What any Java DICOM client pays before its first PDU, for bench/startup.py: the trivial
 * floor plus one TCP connection to HOST PORT as echoscu opens it (no proxy layer, TCP_NODELAY,
 * TCP_QUICKACK), an A-ABORT written, and the close. The JDK's networking starts here.
 *   java ConnectFloor HOST PORT
 */
public final class ConnectFloor {
    public static void main(String[] a) throws Exception {
        try (Socket s = new Socket(Proxy.NO_PROXY)) {
            s.setTcpNoDelay(true);
            s.connect(new InetSocketAddress(InetAddress.getByName(a[0]), Integer.parseInt(a[1])));
            s.setOption(jdk.net.ExtendedSocketOptions.TCP_QUICKACK, true);
            s.getOutputStream().write(new byte[] {7, 0, 0, 0, 0, 4, 0, 0, 0, 0}); // A-ABORT
        }
        System.out.println("connected");
    }
}
