package org.echoscu.net;

import java.io.IOException;
import java.net.Socket;

/**
 * A proxy to reach the peer through (--proxy, --socks5): {@link TcpConnector} connects to
 * the proxy, then {@link #open} asks it for a byte stream to the peer. The socket layer (TLS)
 * runs on top of the tunnel, end to end with the peer. Implementations are loaded only when
 * a proxy is given.
 */
public interface Tunnel {

    /** The proxy's host name or address. */
    String proxyHost();

    int proxyPort();

    /** "HTTP proxy" or "SOCKS5 proxy", for messages. */
    String kind();

    /**
     * Asks the proxy, on a connected socket, for a tunnel to host:port; returns when the
     * tunnel is up, with nothing of the peer's data consumed. A refusal is a {@link ProxyException}.
     */
    void open(Socket toProxy, String host, int port) throws IOException;
}
