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
 *
 * <p>With a {@link #limit deadline} every wait of the connection is bounded by it as well: the
 * name resolution, each TCP connect, the proxy's handshake and the socket layer's (TLS). A
 * connection that the deadline ends fails with an IOException caused by a
 * {@link TimeoutExpiredException}. {@link #cancel} gives up from another thread.
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
    /** The address of the last connection attempt, made or not. */
    InetAddress triedAddress;
    /** The socket being connected, so that another thread (SIGINT) can close it. */
    volatile Socket connecting;
    long tunnelNanos;
    long tunnelOpenedAt;
    /** The deadline of the whole connection, 0 for none; its name for messages. */
    long deadline;
    private String deadlineName = "";
    /** Set once connect() has returned or failed: a cancel no longer closes the socket it gave. */
    private boolean finished;
    /** A name resolution under a deadline (DeadlineGuard), which a cancel ends. */
    volatile java.util.concurrent.Future<?> resolving;

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

    /**
     * Bounds the whole connection by {@code deadlineNanos} (a {@link System#nanoTime()} deadline,
     * 0 for none), named {@code name} in the failure it causes. Set before {@link #connect}.
     */
    public TcpConnector limit(long deadlineNanos, String name) {
        this.deadline = deadlineNanos;
        this.deadlineName = name;
        return this;
    }

    public Socket connect() throws IOException {
        if (deadline == 0) {
            try {
                return connectNow();
            } finally {
                finished();
            }
        }
        return DeadlineGuard.connect(this); // a class of its own: a run without a deadline loads none of it
    }

    Socket connectNow() throws IOException {
        if (tunnel != null) { // a class of its own: a plain connect loads none of the proxy classes
            return ProxiedConnect.connect(this);
        }
        List<InetAddress> candidates = resolve();
        resolvedNanos = System.nanoTime();
        IOException last = null;
        for (InetAddress address : candidates) {
            Socket s = new Socket(Proxy.NO_PROXY); // DICOM goes direct: no SOCKS layer, no proxy selector to start
            connecting = s;
            triedAddress = address;
            try {
                s.setTcpNoDelay(true);
                s.connect(new InetSocketAddress(address, port), connectMillis());
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

    /** Whether connect() waits only in TCP connects: no proxy, no TLS handshake, no name to resolve. */
    boolean waitsOnlyInConnect() {
        return tunnel == null && layer == null && parsedNotLookedUp(host);
    }

    /** The timeout of one TCP connect: the connect timeout, or the time left before the deadline if less. */
    int connectMillis() throws IOException {
        int millis = connectTimeoutSeconds * 1000;
        if (deadline == 0) {
            return millis;
        }
        long left = Deadlines.millisLeft(deadline, System.nanoTime());
        if (left == 0) {
            throw expired();
        }
        return millis != 0 && millis <= left ? millis : (int) Math.min(left, Integer.MAX_VALUE);
    }

    /** The failure of a connection that the deadline ended, caused by a {@link TimeoutExpiredException}. */
    IOException expired() {
        String to = tunnel == null ? host + " port " + port
                : tunnel.kind() + " " + tunnel.proxyHost() + " port " + tunnel.proxyPort() + " to " + host + " port " + port;
        return new IOException("no connection to " + to + " within the " + deadlineName,
                new TimeoutExpiredException(deadlineName));
    }

    /** Whether the deadline has come. */
    boolean deadlinePassed() {
        return deadline != 0 && Deadlines.passed(deadline, System.nanoTime());
    }

    /** Marks connect() as over, for {@link #cancel}. */
    synchronized void finished() {
        finished = true;
    }

    /** {@link System#nanoTime()} when the name was resolved; 0 if it was not. */
    public long resolvedNanos() {
        return resolvedNanos;
    }

    /** {@link System#nanoTime()} when the TCP connection was up (before any TLS); 0 if it never was. */
    public long tcpConnectedNanos() {
        return tcpConnectedNanos;
    }

    /**
     * The address the TCP connection was made to, or when none was, the last one tried (the
     * name resolved, the peer refused or did not answer); null when none was tried.
     */
    public InetAddress address() {
        return connectedAddress != null ? connectedAddress : triedAddress;
    }

    /** The address the TCP connection was made to; null if none was. */
    public InetAddress connectedAddress() {
        return connectedAddress;
    }

    /**
     * From another thread (SIGINT, a deadline): gives up a connection in progress (TCP, the
     * proxy's handshake, TLS) by closing its socket; once {@link #connect} has returned, the
     * socket is its caller's to close.
     */
    public synchronized void cancel() {
        java.util.concurrent.Future<?> r = resolving;
        if (r != null) {
            r.cancel(true);
        }
        Socket s = connecting;
        if (s != null && !finished) {
            closeQuietly(s);
        }
    }

    private List<InetAddress> resolve() throws IOException {
        return resolve(host);
    }

    /**
     * Whether the JDK parses {@code host} without asking a resolver: IPv6 (a colon: a literal or
     * an error, never a lookup) or IPv4 as four decimal parts of at most 255. Stricter than
     * {@link AddressText#isLiteral}, whose digits-and-dots the JDK may still look up when they
     * are no address ({@code 999.1.1.1}).
     */
    static boolean parsedNotLookedUp(String host) {
        if (host.indexOf(':') >= 0) {
            return true;
        }
        String[] parts = host.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (String p : parts) {
            if (p.isEmpty() || p.length() > 3 || !AddressText.isLiteral(p) || Integer.parseInt(p) > 255) {
                return false;
            }
        }
        return true;
    }

    List<InetAddress> resolve(String host) throws IOException {
        InetAddress[] all;
        try {
            // a literal is parsed, never looked up: it needs no thread to bound its wait (the
            // exporter probes the address it resolved and checked, so this is every probe of it)
            all = deadline == 0 || parsedNotLookedUp(host) ? InetAddress.getAllByName(host)
                    : DeadlineGuard.resolve(this, host);
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

    static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // nothing was established
        }
    }
}
