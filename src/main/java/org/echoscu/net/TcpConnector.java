package org.echoscu.net;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.Proxy;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * Opens the TCP connection to a peer: resolves the name, keeps the addresses of the chosen
 * family, and tries them in turn, each bounded by the connect timeout. Failures come back as
 * IOExceptions whose message says what happened and what to check.
 */
public final class TcpConnector {

    final String host;
    final int port;
    private final IpFamily family;
    final int connectTimeoutSeconds;
    final SocketLayer layer;
    final Tunnel tunnel;
    // What monitoring reads afterwards (phase times, the address used); plain fields, so a
    // plain echo pays two nanoTime calls. Through a proxy, resolution and connection are the proxy's.
    long resolvedNanos;
    long tcpConnectedNanos;
    InetAddress connectedAddress;
    /** The socket being connected, so that another thread (SIGINT) can close it. */
    volatile Socket connecting;
    long tunnelNanos;
    long tunnelOpenedAt;

    public TcpConnector(String host, int port, IpFamily family, int connectTimeoutSeconds, SocketLayer layer) {
        this(host, port, family, connectTimeoutSeconds, layer, null);
    }

    /** @param tunnel the proxy to go through (the proxy resolves the peer's name), or null */
    public TcpConnector(String host, int port, IpFamily family, int connectTimeoutSeconds, SocketLayer layer,
                        Tunnel tunnel) {
        this.host = host;
        this.port = port;
        this.family = family;
        this.connectTimeoutSeconds = connectTimeoutSeconds;
        this.layer = layer;
        this.tunnel = tunnel;
    }

    /**
     * How long the proxy took to open the tunnel, from the TCP connection to the proxy until
     * it answered our request (the monitoring's "proxy" phase); 0 without a proxy.
     */
    public long tunnelNanos() {
        return tunnelNanos;
    }

    /** System.nanoTime() when the tunnel was up (the socket layer, TLS, starts then); 0 without one. */
    public long tunnelOpenedAt() {
        return tunnelOpenedAt;
    }

    public Socket connect() throws IOException {
        if (tunnel != null) { // a class of its own: a plain connect loads none of the proxy classes
            return ProxiedConnect.connect(this);
        }
        List<InetAddress> candidates = resolve();
        resolvedNanos = System.nanoTime();
        IOException last = null;
        for (InetAddress address : candidates) {
            Socket s = new Socket(Proxy.NO_PROXY); // DICOM goes direct: no SOCKS layer, no proxy selector to start
            connecting = s;
            try {
                s.setTcpNoDelay(true);
                s.connect(new InetSocketAddress(address, port), connectTimeoutSeconds * 1000);
                tcpConnectedNanos = System.nanoTime();
                connectedAddress = address;
                return layer == null ? s : layer.wrapConnected(s, host, port);
            } catch (IOException e) {
                closeQuietly(s);
                last = explain(e, address);
            }
        }
        throw last;
    }

    /** {@link System#nanoTime()} when the name was resolved; 0 if it was not. */
    public long resolvedNanos() {
        return resolvedNanos;
    }

    /** {@link System#nanoTime()} when the TCP connection was up (before any TLS); 0 if it never was. */
    public long tcpConnectedNanos() {
        return tcpConnectedNanos;
    }

    /** The address the TCP connection was made to; null if none was. */
    public InetAddress connectedAddress() {
        return connectedAddress;
    }

    /** From another thread (SIGINT): gives up a connect in progress by closing its socket. */
    public void cancel() {
        Socket s = connecting;
        if (s != null && tcpConnectedNanos == 0) {
            closeQuietly(s);
        }
    }

    private List<InetAddress> resolve() throws IOException {
        return resolve(host);
    }

    List<InetAddress> resolve(String host) throws IOException {
        InetAddress[] all;
        try {
            all = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw new IOException("cannot resolve host name '" + host + "': check the spelling and the DNS", e);
        }
        if (AddressText.isLiteral(host)) {
            return List.of(all); // the literal says its family: -i4/-i6 steer name resolution only
        }
        List<InetAddress> ok = new ArrayList<>();
        for (InetAddress a : all) {
            if (family.admits(a)) {
                ok.add(a);
            }
        }
        if (ok.isEmpty()) {
            // caused by an UnknownHostException, so that monitoring tells it from a refusal by type
            throw new IOException("host '" + host + "' has no " + family.label() + " address"
                    + (family == IpFamily.IPV4 ? " (use -i6 or -i0 for IPv6)" : family == IpFamily.IPV6
                    ? " (use -i4 or -i0 for IPv4)" : ""), new UnknownHostException(host));
        }
        return ok;
    }

    private IOException explain(IOException e, InetAddress address) {
        String where = AddressText.of(address) + " port " + port;
        if (e instanceof SocketTimeoutException) {
            return new IOException("TCP connection to " + where + " timed out after " + connectTimeoutSeconds
                    + " s: is a firewall dropping packets, or is the host down?", e);
        }
        if (e instanceof ConnectException && String.valueOf(e.getMessage()).contains("refused")) {
            return new IOException("TCP connection to " + where
                    + " refused: Connection refused (is the peer running and listening on this port?)", e);
        }
        if (e instanceof NoRouteToHostException) {
            return new IOException("TCP connection to " + where + " failed: no route to host", e);
        }
        if (e.getCause() == null && e.getMessage() != null && e.getMessage().startsWith("TLS")) {
            return e;
        }
        return new IOException("TCP connection to " + where + " failed: " + e.getMessage(), e);
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // nothing was established
        }
    }
}
