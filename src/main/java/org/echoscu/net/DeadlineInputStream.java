package org.echoscu.net;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketOption;
import java.net.SocketTimeoutException;

/**
 * Bounds every blocking read by the nearer of two limits: the socket timeout (-ts), which
 * caps each single read, and a deadline for the whole wait (ACSE, DIMSE or ARTIM timer),
 * which a peer dripping one byte at a time cannot stretch. Also hurries a peer that holds back
 * the rest of a PDU until we acknowledge its start (see {@link Transport}).
 */
final class DeadlineInputStream extends FilterInputStream {

    private final Socket socket;
    private final int socketTimeoutMillis;
    /** How long to let the peer finish a PDU it has begun before blocking for the rest. */
    private static final long REST_WAIT_NANOS = 30_000;
    /** How long a short run (no watchdog) lets the peer answer before blocking for a new PDU. */
    private static final long ANSWER_WAIT_NANOS = 100_000;
    /** TCP_QUICKACK where the socket has it, else null. */
    private final SocketOption<Boolean> quickAck;
    private long deadlineNanos;
    private String deadlineName = "";
    /** Whether the current read's timeout is the deadline's rather than the socket timeout's. */
    private boolean deadlineBinds;
    /** Whether part of the PDU being read has arrived: a read now waits for its rest. */
    private boolean midPdu;
    /** Whether the peer lately held back the rest of a PDU until we acknowledged its start (Nagle). */
    private boolean peerHoldsBack;
    /**
     * Sends with TCP_QUICKACK since the peer last held back: at {@link #RECHECK_AFTER} the next
     * send goes without, to see whether it still needs it. A peer that writes a PDU in two
     * pieces with TCP_NODELAY sometimes has the second a little late (it lost its CPU between
     * the two writes): without the recheck that one late piece would cost a system call and a
     * quick ACK segment per send from then on (see Transport's class comment; it happened in
     * 70-99 % of the echoes of a --repeat 10000, docs/PERFORMANCE.md).
     */
    private int quickAcksSince;
    /** How many sends keep TCP_QUICKACK after the peer held back; the recheck then costs a Nagle peer one short wait. */
    static final int RECHECK_AFTER = 64;
    /** The socket timeout last set, so an unchanged one is not set again. */
    private int armedTimeout = -1;
    /** The buffer of {@link #read()}. */
    private final byte[] single = new byte[1];
    /** The watchdog's view of this socket's reads, for a plain TCP socket; else null (socket timeouts). */
    private final ReadWatchdog.Watch watch;
    /**
     * Whether the watchdog ended a read, which shut the socket's input: every later read says
     * that time ran out (the user then aborts, PS3.8's answer to a timer; sending still works).
     */
    private boolean inputEnded;

    DeadlineInputStream(InputStream in, Socket socket, int socketTimeoutMillis, SocketOption<Boolean> quickAck) {
        super(in);
        this.socket = socket;
        this.socketTimeoutMillis = socketTimeoutMillis;
        this.quickAck = quickAck;
        // in a process that reads many PDUs (Transport.blockOnReads), a plain TCP socket has its
        // reads ended by the watchdog; any other keeps the socket timeout, see ReadWatchdog
        this.watch = Transport.blocksOnReads() && plainTcp(socket) ? ReadWatchdog.watch(socket) : null;
        if (watch != null) {
            setTimeout(0);
        }
    }

    /**
     * Whether {@code socket} is plain TCP: the JDK's own, or the adaptor of a SocketChannel
     * (echoscp's IPv4 listener accepts those). Not a layered one (TLS, a test's in-memory
     * socket). A TLS socket over such an adaptor answers getChannel() with the adaptor's
     * channel, hence the last test (reached only there, so that a plain echo loads no TLS class).
     */
    private static boolean plainTcp(Socket socket) {
        return socket.getClass() == Socket.class
                || (socket.getChannel() != null && !(socket instanceof javax.net.ssl.SSLSocket));
    }

    /**
     * Whether this send should set TCP_QUICKACK: the peer has lately held back the rest of a PDU
     * until our ACK, and the recheck is not due (see {@link #quickAcksSince}).
     */
    boolean quickAckAfterSend() {
        if (!peerHoldsBack) {
            return false;
        }
        if (++quickAcksSince > RECHECK_AFTER) {
            peerHoldsBack = false; // the next PDU tells: a peer that still holds back sets it again
            return false;
        }
        return true;
    }

    /** A PDU is about to be read; {@code started}: some of it is already buffered. */
    void pduBegins(boolean started) {
        this.midPdu = started;
    }

    /** @param deadlineNanos a {@link System#nanoTime()} value, or 0 for none */
    void deadline(long deadlineNanos, String name) {
        this.deadlineNanos = deadlineNanos;
        this.deadlineName = name;
    }

    @Override
    public int read() throws IOException {
        // through the one read below, so that a single byte is bounded the same way
        int n = read(single, 0, 1);
        return n < 0 ? -1 : single[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        boolean watched = watched(arm());
        int n;
        try {
            n = super.read(b, off, len);
        } catch (SocketTimeoutException e) {
            ended(watched);
            throw expired();
        } catch (IOException | RuntimeException e) {
            ended(watched);
            throw e;
        }
        ended(watched);
        midPdu = true;
        return n;
    }

    /** Hands a read with deadline {@code until} (0: none) to the watchdog; whether it took it. */
    private boolean watched(long until) {
        if (watch == null || until == 0) {
            return false;
        }
        watch.begin(until);
        return true;
    }

    /** The read is over; if the watchdog shut the input meanwhile, its time was up first, whatever the read got. */
    private void ended(boolean watched) throws TimeoutExpiredException {
        if (watched && !watch.end()) {
            inputEnded = true;
            throw expired();
        }
    }

    /** The socket's reads are over: the watchdog forgets it. */
    void closed() {
        if (watch != null) {
            ReadWatchdog.forget(watch);
        }
    }

    /**
     * Readies the next read: works out which limit binds it, waits briefly for the rest of a
     * PDU begun (see {@link #yieldUntilReadable}), and gives the read its limit: for a plain
     * socket, the deadline returned, for the watchdog (0: none); for any other, the socket timeout.
     */
    private long arm() throws IOException {
        long now = System.nanoTime();
        long until = socketTimeoutMillis == 0 ? 0 : now + socketTimeoutMillis * 1_000_000L;
        deadlineBinds = false;
        if (deadlineNanos != 0) {
            if (Deadlines.passed(deadlineNanos, now)) {
                deadlineBinds = true;
                throw expired();
            }
            // on a tie the deadline binds: it started with the wait, before this read, so it runs out first
            if (until == 0 || Deadlines.notAfter(deadlineNanos, until)) {
                until = deadlineNanos;
                deadlineBinds = true;
            }
        }
        if (inputEnded) {
            throw expired();
        }
        boolean readable = false;
        if (midPdu) {
            // the rest usually follows within microseconds; if not, the peer may be waiting for
            // our ACK of the start (Nagle): send it now, and after each send from now on (Transport)
            readable = yieldUntilReadable(REST_WAIT_NANOS);
            if (!readable && quickAck != null) {
                hurryPeer();
                peerHoldsBack = true;
                quickAcksSince = 0;
                readable = yieldUntilReadable(REST_WAIT_NANOS);
            }
        }
        if (watch == null) {
            // a short run: a new PDU is briefly yielded for (see yieldUntilReadable); bytes already
            // waiting make the read untimed, as it cannot block (a timed one switches JDK 17's
            // socket to non-blocking mode, and the next write back: docs/PERFORMANCE.md)
            if (!midPdu) {
                readable = yieldUntilReadable(ANSWER_WAIT_NANOS);
            }
            int wanted = readable || until == 0 ? 0 : (int) Math.min(Integer.MAX_VALUE, Deadlines.millisLeft(until, now));
            setTimeout(wanted);
        }
        return until;
    }

    private void setTimeout(int wanted) {
        if (wanted != armedTimeout) {
            try {
                socket.setSoTimeout(wanted); // a field of the JDK's socket, no system call
                armedTimeout = wanted;
            } catch (SocketException closed) {
                // closed meanwhile (SIGINT, an abort): the read that follows says so, as it always has
            }
        }
    }

    /**
     * Gives the CPU away, for at most {@code nanos}, until something is readable. The rest of a
     * PDU begun is usually a few microseconds behind its start (the peer wrote it in two pieces
     * and our wake-up on the first took its CPU before it wrote the second); past the limit the
     * peer may be waiting for our ACK (Nagle), which the caller then sends. In a short run (no
     * watchdog) a new PDU is yielded for too: the peer usually answers within tens of
     * microseconds, and yielding finds its bytes without a sleep and a wake-up, which on a
     * virtual machine cost more than the answer itself. A process that reads many PDUs blocks
     * for a new one at once instead: over a long series the yields cost more CPU than they save
     * wall time (docs/PERFORMANCE.md, "Steady-state speed"). Only while this is the one
     * association of the process ({@link Transport#yieldBeforeBlocking}); else it only looks.
     * Returns whether bytes are waiting.
     */
    @SuppressWarnings("ThreadPriorityCheck") // yielding to the peer is the point, as said above
    private boolean yieldUntilReadable(long nanos) {
        try {
            if (!Transport.mayYield()) {
                return in.available() > 0;
            }
            long until = System.nanoTime() + nanos;
            while (in.available() == 0) {
                if (Deadlines.passed(until, System.nanoTime())) {
                    return false;
                }
                Thread.yield();
            }
            return true;
        } catch (IOException e) {
            return false; // the read that follows reports it
        }
    }

    /**
     * Sends our pending ACK now (TCP_QUICKACK; the socket has it), so a peer waiting for it
     * (Nagle) sends the rest of the PDU; Transport asks for it after a send too.
     */
    void hurryPeer() {
        try {
            socket.setOption(quickAck, true);
        } catch (IOException | UnsupportedOperationException ignored) {
            // an optimisation only; the transfer itself is unaffected
        }
    }

    private TimeoutExpiredException expired() {
        return deadlineBinds
                ? new TimeoutExpiredException(deadlineName)
                : new TimeoutExpiredException("socket timeout (" + socketTimeoutMillis / 1000 + " s)", true);
    }
}
