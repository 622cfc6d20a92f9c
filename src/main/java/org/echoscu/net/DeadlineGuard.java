package org.echoscu.net;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.UnknownHostException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * TcpConnector's connection under a deadline. The waits inside a connection that take no
 * deadline of their own (the proxy's handshake and the TLS handshake keep their own timeouts,
 * a name resolution has none) end when one timer thread closes the socket at the deadline;
 * the resolution runs on a thread of its own and is waited for until the deadline. Apart from
 * TcpConnector so that a run without a deadline loads none of this.
 */
final class DeadlineGuard {

    /** One daemon thread for every connection's deadline: it only closes sockets. */
    private static final ScheduledThreadPoolExecutor TIMER = timer();

    private DeadlineGuard() {
    }

    static Socket connect(TcpConnector c) throws IOException {
        long left = c.deadline - System.nanoTime();
        if (left <= 0) {
            c.finished();
            throw c.expired();
        }
        // a TCP connect to an address literal waits only in the connect, which its own timeout
        // bounds by the deadline (connectMillis): no timer to arm, no timer thread to wake
        ScheduledFuture<?> guard = c.waitsOnlyInConnect() ? null : TIMER.schedule(c::cancel, left, TimeUnit.NANOSECONDS);
        Socket s;
        try {
            s = c.connectNow();
        } catch (IOException e) {
            c.finished();
            if (c.deadlinePassed() && !(e instanceof InterruptedIOException)) {
                IOException expired = c.expired();
                expired.addSuppressed(e);
                throw expired;
            }
            throw e;
        } finally {
            if (guard != null) {
                guard.cancel(false);
            }
        }
        c.finished(); // from here a cancel leaves the socket alone; before, it may have closed it
        Socket raw = c.connecting;
        if (raw != null && raw.isClosed()) {
            TcpConnector.closeQuietly(s);
            throw c.expired();
        }
        return s;
    }

    /** Resolves {@code host} on a thread of its own, waiting until the deadline or a cancel. */
    static InetAddress[] resolve(TcpConnector c, String host) throws IOException {
        FutureTask<InetAddress[]> task = new FutureTask<>(() -> InetAddress.getAllByName(host));
        Thread t = new Thread(task, "resolve " + host);
        t.setDaemon(true); // a resolver that never answers must not keep the JVM alive
        c.resolving = task;
        t.start();
        try {
            return task.get(Math.max(0, c.deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            task.cancel(true);
            throw c.expired();
        } catch (CancellationException e) {
            throw new InterruptedIOException("name resolution of '" + host + "' cancelled");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while resolving '" + host + "'");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownHostException u) {
                throw u;
            }
            throw new IOException("cannot resolve host name '" + host + "': " + e.getCause(), e.getCause());
        } finally {
            c.resolving = null;
        }
    }

    private static ScheduledThreadPoolExecutor timer() {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "connection deadlines");
            t.setDaemon(true);
            return t;
        });
        timer.setRemoveOnCancelPolicy(true);
        return timer;
    }
}
