package org.echoscu.scp;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.nio.channels.ServerSocketChannel;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.echoscu.net.AddressText;
import org.echoscu.net.IpFamily;
import org.slf4j.Logger;
import org.echoscu.log.Logs;

/**
 * The Verification SCP: accepts connections and serves each association on a thread of its
 * own, so a slow or hostile client never stalls another. Associations are counted from
 * their A-ASSOCIATE-RQ: past the limit a request gets a proper A-ASSOCIATE-RJ (transient,
 * local limit exceeded). Connections are bounded too, a little above the limit, so clients
 * that connect and say nothing cannot exhaust threads; past that they are closed at once.
 */
public final class EchoScp implements AutoCloseable {

    static final Logger LOG = Logs.get("dcmtk.apps.echoscp");
    /**
     * Connections beyond the association limit that may still be open at once: those that have
     * not yet sent their A-ASSOCIATE-RQ, and those being rejected. Past this they are closed.
     */
    static final int MAX_WAITING = 64;

    private final ScpSettings settings;
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger associations = new AtomicInteger();
    /**
     * The association threads: a thread of its own for each association, as before, but one
     * that has ended its association serves the next one instead of a new thread being started
     * (a thread's start and end were most of what a short association cost echoscp: a monitor
     * that connects every second, a load balancer's TCP check). Idle ones end after 5 s, so the
     * threads of a burst (500 clients at once) do not outlive it by long. No
     * bound of its own: {@link #dispatch} bounds the connections before handing one over.
     */
    private final ThreadPoolExecutor threads = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 5, TimeUnit.SECONDS,
            new SynchronousQueue<>(), work -> {
                Thread t = new Thread(work, "echoscp-assoc-" + THREAD_NUMBERS.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
    private static final AtomicLong THREAD_NUMBERS = new AtomicLong();
    private ServerSocket server;
    private Thread acceptor;
    private volatile boolean closed;

    public EchoScp(ScpSettings settings) {
        this.settings = settings;
    }

    /**
     * Binds the port and starts accepting in the background; returns the bound port. -i4 (and
     * an IPv4 --listen-address) listens on an IPv4 socket: java.net.ServerSocket always opens
     * an IPv6 one where the system has IPv6, and binding that to 0.0.0.0 listens on the dual
     * stack's {@code *}, not IPv4 only. -i6 is that dual stack ({@code ::}).
     */
    public int start() throws IOException {
        InetAddress address = settings.listenAddress() != null ? settings.listenAddress()
                : InetAddress.getByName(settings.family() == IpFamily.IPV4 ? "0.0.0.0" : "::");
        server = address instanceof Inet4Address
                ? ServerSocketChannel.open(StandardProtocolFamily.INET).socket() : new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(address, settings.port()), 1024);
        acceptor = new Thread(this::acceptLoop, "echoscp-accept");
        acceptor.start();
        return server.getLocalPort();
    }

    /** Blocks until the server is closed. */
    public void join() throws InterruptedException {
        acceptor.join();
    }

    /** Associations being served now. */
    public int activeAssociations() {
        return associations.get();
    }

    @Override
    public void close() {
        closed = true;
        threads.shutdown(); // the associations being served end as they would; idle threads now
        try {
            if (server != null) {
                server.close();
            }
        } catch (IOException ignored) {
            // closing a listening socket: nothing to report
        }
    }

    private void acceptLoop() {
        while (!closed) {
            Socket socket;
            try {
                socket = server.accept();
            } catch (IOException e) {
                if (!closed) {
                    LOG.error("cannot accept connections any more: {}", e.getMessage());
                }
                return;
            }
            dispatch(socket);
        }
    }

    /** How logs name the client: {@code 127.0.0.1:40000}, {@code [::1]:40000}. */
    private static String remote(Socket socket) {
        return AddressText.of((InetSocketAddress) socket.getRemoteSocketAddress());
    }

    /** Serves a connection just accepted on a thread of its own, or closes it when too many are open. */
    void dispatch(Socket socket) {
        if (connections.incrementAndGet() > settings.maxAssociations() + MAX_WAITING) {
            connections.decrementAndGet();
            LOG.warn("closing connection from {}: {} associations open and {} more connections waiting",
                    remote(socket), settings.maxAssociations(), MAX_WAITING);
            closeQuietly(socket);
            return;
        }
        Runnable work = new AssociationHandler(socket, settings, associations);
        try {
            threads.execute(() -> {
                try {
                    work.run();
                } catch (RuntimeException | Error e) {
                    LOG.error("association from {} ended by an internal error: {}", remote(socket), e.toString());
                    LOG.debug("internal error", e);
                    closeQuietly(socket);
                } finally {
                    connections.decrementAndGet();
                }
            });
        } catch (OutOfMemoryError | RejectedExecutionException e) { // no thread to be had: refuse this one, keep serving the others
            connections.decrementAndGet();
            LOG.error("cannot start a thread for {}: {}", remote(socket), e.getMessage());
            closeQuietly(socket);
        }
    }

    static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // best effort
        }
    }
}
