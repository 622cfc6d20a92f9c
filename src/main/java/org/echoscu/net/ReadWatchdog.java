package org.echoscu.net;

import java.io.IOException;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;

/**
 * Ends the blocking reads of plain TCP sockets whose time is up: one daemon thread for the
 * process, asleep until the nearest deadline of a read in progress, which shuts that socket's
 * input (the read returns at once; writing, e.g. an A-ABORT, still works).
 *
 * <p>Why not the socket's own timeout ({@link Socket#setSoTimeout}): the JDK's socket then
 * switches to non-blocking mode for good, and each read that finds nothing becomes read, EAGAIN,
 * poll and read again, three system calls where a blocking read is one; that and checking for
 * bytes first were about a quarter of echoscu's CPU per echo (docs/PERFORMANCE.md, "Steady-state
 * speed"). Here a read costs two uncontended monitor entries, and the thread wakes only when a
 * deadline it planned for comes (it then plans for the reads in progress, usually a
 * socket-timeout later) or when a read starts with a deadline nearer than the one it sleeps
 * until, which a series of reads with the same timeouts never does.
 *
 * <p>Only in a process that reads many PDUs ({@link Transport#blockOnReads}): a short run keeps
 * the socket's timeouts, which cost it less than starting this thread. TLS sockets keep the
 * socket timeout: a read there may be in the middle of a record, and
 * shutting the input would lose the TLS connection's close.
 */
final class ReadWatchdog implements Runnable {

    /** One socket's reads: at most one at a time, by the thread that owns the socket's input. */
    static final class Watch {
        private final Socket socket;
        private boolean reading;
        private long until;
        private boolean expired;

        private Watch(Socket socket) {
            this.socket = socket;
        }

        /** A read with deadline {@code until} (a {@link System#nanoTime()} value) is about to start. */
        void begin(long until) {
            synchronized (this) {
                this.until = until;
                reading = true;
            }
            THREAD.nearer(until);
        }

        /** The read is over; false if its deadline came first (the watchdog shut the input). */
        synchronized boolean end() {
            reading = false;
            return !expired;
        }

        /** Whether the read in progress, if any, is past its deadline; then it is marked so. */
        private synchronized boolean expireIfDue(long now) {
            if (reading && !expired && Deadlines.passed(until, now)) {
                expired = true;
                return true;
            }
            return false;
        }

        /** The deadline of the read in progress, or 0 when none (its socket's reads cost no wake-up). */
        private synchronized long pending() {
            return reading && !expired ? until : 0;
        }

        private void shutInput() {
            try {
                socket.shutdownInput(); // the blocked read returns end of stream; end() says why
            } catch (IOException | UnsupportedOperationException closedMeanwhile) {
                // closed or shut already: the read has returned or is about to
            }
        }
    }

    private static final ReadWatchdog THREAD = new ReadWatchdog();

    private final Set<Watch> watches = ConcurrentHashMap.newKeySet();
    private final Thread thread;
    /** The deadline the thread sleeps until, valid while {@link #sleepsUntilDeadline}. */
    private volatile long wakeAt;
    /** False while the thread sleeps with no deadline to wait for (no read in progress). */
    private volatile boolean sleepsUntilDeadline;

    private ReadWatchdog() {
        thread = new Thread(this, "echoscu-read-watchdog"); // no method reference: its linking costs a plain echo's start
        thread.setDaemon(true); // it never keeps the JVM alive
        thread.start();
    }

    /** Watches the reads of {@code socket} until {@link #forget}. */
    static Watch watch(Socket socket) {
        Watch w = new Watch(socket);
        THREAD.watches.add(w);
        return w;
    }

    static void forget(Watch w) {
        THREAD.watches.remove(w);
    }

    /** Wakes the thread when {@code until} comes before the deadline it sleeps until. */
    private void nearer(long until) {
        if (!sleepsUntilDeadline || !Deadlines.notAfter(wakeAt, until)) {
            LockSupport.unpark(thread);
        }
    }

    /** The watchdog thread's loop; not for anyone else to call. */
    @Override
    public void run() {
        while (true) {
            // awake from here until the new plan: a read that starts meanwhile unparks us, so
            // the park below returns at once and the next round sees it
            sleepsUntilDeadline = false;
            long now = System.nanoTime();
            long next = 0;
            for (Watch w : watches) {
                if (w.expireIfDue(now)) {
                    w.shutInput();
                } else {
                    next = Deadlines.earlier(next, w.pending());
                }
            }
            wakeAt = next; // before the flag that makes it count
            sleepsUntilDeadline = next != 0;
            if (next == 0) {
                LockSupport.park(this);
            } else {
                LockSupport.parkNanos(this, next - System.nanoTime());
            }
        }
    }
}
