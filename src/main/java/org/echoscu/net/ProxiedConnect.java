package org.echoscu.net;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.Socket;
import java.util.List;

/**
 * TcpConnector's way through a proxy: connect to the proxy (its addresses of our family, in
 * turn), open the tunnel to the peer, then the socket layer (TLS) on top, end to end. Apart
 * from TcpConnector so that a direct connection loads none of this.
 */
final class ProxiedConnect {

    private ProxiedConnect() {
    }

    static Socket connect(TcpConnector c) throws IOException {
        Tunnel tunnel = c.tunnel;
        List<InetAddress> candidates;
        try {
            candidates = c.resolve(tunnel.proxyHost());
        } catch (IOException e) { // the resolver's words, said of the proxy
            ProxyException p = new ProxyException(ProxyException.Kind.UNREACHABLE, tunnel.kind() + ": " + e.getMessage());
            p.initCause(e);
            throw p;
        }
        c.resolvedNanos = System.nanoTime();
        IOException last = null;
        for (InetAddress address : candidates) {
            Socket s = new Socket(Proxy.NO_PROXY); // the tunnel is our own code, not the JDK's SOCKS layer
            c.connecting = s;
            try {
                s.setTcpNoDelay(true);
                s.connect(new InetSocketAddress(address, tunnel.proxyPort()), c.connectMillis());
                c.tcpConnectedNanos = System.nanoTime(); // connectedAddress stays null: the peer's is the proxy's to know
            } catch (IOException e) {
                close(s);
                last = ProxyException.unreachable(tunnel, address, c.connectTimeoutSeconds, e);
                continue;
            }
            try {
                long start = System.nanoTime();
                tunnel.open(s, c.host, c.port);
                c.tunnelOpenedAt = System.nanoTime();
                c.tunnelNanos = c.tunnelOpenedAt - start;
                return c.layer == null ? s : c.layer.wrapConnected(s, c.host, c.port);
            } catch (IOException e) {
                close(s);
                throw e; // the proxy answered: another of its addresses would answer the same
            }
        }
        throw last;
    }

    private static void close(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // nothing was established
        }
    }
}
