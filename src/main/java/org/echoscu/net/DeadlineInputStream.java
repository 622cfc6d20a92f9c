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
    /** How long to let the peer answer before blocking for a new PDU. */
    private static final long ANSWER_WAIT_NANOS = 100_000;
    /** TCP_QUICKACK where the socket has it, else null. */
    private final SocketOption<Boolean> quickAck;
    private long deadlineNanos;
    private String deadlineName = "";
    /** Whether the current read's timeout is the deadline's rather than the socket timeout's. */
    private boolean deadlineBinds;
    /** Whether part of the PDU being read has arrived: a read now waits for its rest. */
    private boolean midPdu;
    /** Whether the peer once held back the rest of a PDU until we acknowledged its start (Nagle). */
    private boolean peerHoldsBack;
    /** The socket timeout last set, so an unchanged one is not set again. */
    private int armedTimeout = -1;

    DeadlineInputStream(InputStream in, Socket socket, int socketTimeoutMillis, SocketOption<Boolean> quickAck) {
        super(in);
        this.socket = socket;
        this.socketTimeoutMillis = socketTimeoutMillis;
        this.quickAck = quickAck;
    }

    /** Whether the peer has held back the rest of a PDU until our ACK: then each send sets TCP_QUICKACK too. */
    boolean peerHoldsBack() {
        return peerHoldsBack;
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
        arm();
        try {
            int b = super.read();
            midPdu = true;
            return b;
        } catch (SocketTimeoutException e) {
            throw expired();
        }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        arm();
        try {
            int n = super.read(b, off, len);
            midPdu = true;
            return n;
        } catch (SocketTimeoutException e) {
            throw expired();
        }
    }

    private void arm() throws IOException {
        int timeout = socketTimeoutMillis;
        deadlineBinds = false;
        if (deadlineNanos != 0) {
            long left = Deadlines.millisLeft(deadlineNanos, System.nanoTime());
            if (left == 0) {
                deadlineBinds = true;
                throw expired();
            }
            // on a tie the deadline binds: it started with the wait, before this read, so it runs out first
            if (timeout == 0 || left <= timeout) {
                timeout = (int) Math.min(left, Integer.MAX_VALUE);
                deadlineBinds = true;
            }
        }
        boolean readable;
        if (midPdu) {
            // the rest usually follows within microseconds; if not, the peer may be waiting for
            // our ACK of the start (Nagle): send it now, and after each send from now on (Transport)
            readable = yieldUntilReadable(REST_WAIT_NANOS);
            if (!readable && quickAck != null) {
                hurryPeer();
                peerHoldsBack = true;
                readable = yieldUntilReadable(REST_WAIT_NANOS);
            }
        } else {
            readable = yieldUntilReadable(ANSWER_WAIT_NANOS);
        }
        // Bytes already waiting: the read cannot block, so it goes untimed. A timed read makes
        // JDK 17's socket switch to non-blocking mode, and the next write back (two fcntl calls
        // each way, four per echo for echoscp: docs/PERFORMANCE.md); an untimed one needs neither.
        int wanted = readable ? 0 : timeout;
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
     * Gives the CPU away, for at most {@code nanos}, until something is readable. The peer
     * usually answers within tens of microseconds, and the rest of a PDU is usually a few
     * microseconds behind its start (the peer wrote it in two pieces and our wake-up on the
     * first took its CPU before it wrote the second). Yielding lets the peer run at once and
     * finds its bytes without a sleep and a wake-up, which on a virtual machine cost more than
     * the answer itself; past the limit the read blocks as usual. Only while this is the one
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

    /** Sends our pending ACK now, so a peer waiting for it (Nagle) sends the rest of the PDU. */
    private void hurryPeer() {
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
