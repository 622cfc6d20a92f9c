package org.echoscu.scp;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.echoscu.net.IpFamily;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Verification SCP: accepts connections and serves each association on a thread of its
 * own, so a slow or hostile client never stalls another. Past the association limit a
 * connection still gets a proper A-ASSOCIATE-RJ (transient, local limit exceeded) from a
 * small, separately bounded set of threads; past that it is closed at once.
 */
public final class EchoScp implements AutoCloseable {

    static final Logger LOG = LoggerFactory.getLogger("dcmtk.apps.echoscp");
    /** Over-limit connections being told so at once; beyond this they are simply closed. */
    private static final int MAX_REJECTERS = 64;

    private final ScpSettings settings;
    private final AtomicInteger active = new AtomicInteger();
    private final AtomicInteger rejecting = new AtomicInteger();
    private final AtomicLong served = new AtomicLong();
    private ServerSocket server;
    private Thread acceptor;
    private volatile boolean closed;

    public EchoScp(ScpSettings settings) {
        this.settings = settings;
    }

    /** Binds the port and starts accepting in the background; returns the bound port. */
    public int start() throws IOException {
        server = new ServerSocket();
        server.setReuseAddress(true);
        InetAddress any = InetAddress.getByName(settings.family() == IpFamily.IPV4 ? "0.0.0.0" : "::");
        server.bind(new InetSocketAddress(any, settings.port()), 1024);
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
        return active.get();
    }

    @Override
    public void close() {
        closed = true;
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

    private void dispatch(Socket socket) {
        long n = served.incrementAndGet();
        boolean overLimit = active.incrementAndGet() > settings.maxAssociations();
        if (overLimit) {
            active.decrementAndGet();
            if (rejecting.incrementAndGet() > MAX_REJECTERS) {
                rejecting.decrementAndGet();
                LOG.warn("closing connection from {}: association limit reached and too many waiting to be rejected",
                        socket.getRemoteSocketAddress());
                closeQuietly(socket);
                return;
            }
        }
        Runnable work = new AssociationHandler(socket, settings, overLimit);
        Thread t = new Thread(() -> {
            try {
                work.run();
            } catch (RuntimeException | Error e) {
                LOG.error("association from {} ended by an internal error: {}", socket.getRemoteSocketAddress(), e.toString());
                LOG.debug("internal error", e);
                closeQuietly(socket);
            } finally {
                (overLimit ? rejecting : active).decrementAndGet();
            }
        }, "echoscp-assoc-" + n);
        t.setDaemon(true);
        try {
            t.start();
        } catch (OutOfMemoryError e) { // no thread to be had: refuse this one, keep serving the others
            (overLimit ? rejecting : active).decrementAndGet();
            LOG.error("cannot start a thread for {}: {}", socket.getRemoteSocketAddress(), e.getMessage());
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
