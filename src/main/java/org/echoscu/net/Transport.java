package org.echoscu.net;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketOption;
import java.net.SocketTimeoutException;

import org.echoscu.pdu.Pdu;
import org.echoscu.pdu.PduEncoder;
import org.echoscu.pdu.PduFormatException;
import org.echoscu.pdu.PduReader;

/**
 * One TCP (or TLS) connection carrying PDUs. Each PDU leaves in a single write with
 * TCP_NODELAY set. A peer that writes a PDU in pieces with Nagle's algorithm on (DCMTK does)
 * holds back the rest until we acknowledge the first piece, which our kernel would delay by
 * up to 40 ms: so TCP_QUICKACK (Linux), which sends the pending ACK at once, is set whenever
 * we have part of a PDU and the rest does not follow, and from then on after each send too, so
 * that the kernel acknowledges such a peer's next first piece before we even read it
 * (docs/PERFORMANCE.md, "The echo path"), rechecked every so many sends (DeadlineInputStream).
 * Not after each send from the start: a peer that sends its pieces at once (TCP_NODELAY) never
 * needs it, and the quick ACK it asks for is one more segment for both ends per message, about
 * a quarter of echoscu's CPU per echo there (docs/PERFORMANCE.md, "Steady-state speed").
 */
public final class Transport implements AutoCloseable {

    private static final SocketOption<Boolean> QUICKACK = quickAckOption();
    /** Transports of this process not yet closed: a read yields the CPU only while it is the one. */
    private static final java.util.concurrent.atomic.AtomicInteger OPEN = new java.util.concurrent.atomic.AtomicInteger();

    private final Socket socket;
    private final OutputStream out;
    private final DeadlineInputStream deadlines;
    private final ReceiveBuffer buffer;
    private final PduReader reader;
    private final SocketOption<Boolean> quickAck;
    private SocketLayer failures = NO_LAYER;
    private boolean received;
    /** Whether {@link #OPEN} still counts this one (not an AtomicBoolean: its VarHandle costs a plain echo's start). */
    private boolean counted = true;

    /** Whether this process lets a read yield before it blocks at all ({@link #yieldBeforeBlocking}). */
    private static volatile boolean yielding = true;
    /** Whether reads on plain TCP block, ended by the watchdog ({@link #blockOnReads}). */
    private static volatile boolean blocking;

    /** Whether a read may yield the CPU before it blocks: allowed, and the caller's transport the only one open. */
    static boolean mayYield() {
        return yielding && OPEN.get() <= 1;
    }

    /** Plain TCP: failures stay as they are. */
    private static final SocketLayer NO_LAYER = new SocketLayer() {
        @Override
        public Socket wrapConnected(Socket connected, String host, int port) {
            return connected;
        }

        @Override
        public Socket wrapAccepted(Socket accepted) {
            return accepted;
        }
    };

    public Transport(Socket socket, int socketTimeoutSeconds) throws IOException {
        this.socket = socket;
        socket.setTcpNoDelay(true);
        this.quickAck = QUICKACK != null && socket.supportedOptions().contains(QUICKACK) ? QUICKACK : null;
        this.out = socket.getOutputStream();
        InputStream raw = socket.getInputStream();
        this.deadlines = new DeadlineInputStream(raw, socket, Math.max(0, socketTimeoutSeconds) * 1000, quickAck);
        this.buffer = new ReceiveBuffer(deadlines, 16 * 1024);
        this.reader = new PduReader(buffer);
        OPEN.incrementAndGet(); // last: a constructor that threw leaves nothing to close
    }

    /**
     * Whether a read that finds nothing yet may yield the CPU, for up to 30 us for the rest of a
     * PDU begun and (without {@link #blockOnReads}) up to 100 us for a new one, before it blocks
     * (the default). It does so only while its transport is the only one open in the process:
     * with one association, the peer's bytes then come without a sleep and a wake-up; with
     * several (echoscp serving many clients), the yields would take the CPU from the others and
     * from their peers, and a blocked read costs nothing. A process made to run many at once
     * (the exporter) turns it off at its start.
     */
    public static void yieldBeforeBlocking(boolean on) {
        yielding = on;
    }

    /**
     * For a process that reads many PDUs (echoscp, the exporter, a long series of echoes): reads
     * on plain TCP block without a socket timeout, one watchdog thread ends those that reach
     * their deadline (see ReadWatchdog), and a new PDU is waited for without yielding first. An
     * echo then costs one read and one write. Off by default: a short run (one echo) would pay
     * more for starting the watchdog's thread than its few timed reads cost. Set before the
     * transports it should apply to are made.
     */
    public static void blockOnReads(boolean on) {
        blocking = on;
    }

    static boolean blocksOnReads() {
        return blocking;
    }

    /**
     * Lets the layer under us (TLS) put a failed read or write into words, e.g. an alert that
     * says why the peer closed. Timeouts and plain end of stream are left as they are.
     */
    public Transport explainFailures(SocketLayer layer) {
        this.failures = layer == null ? NO_LAYER : layer;
        return this;
    }

    public void send(Pdu pdu) throws IOException {
        sendEncoded(PduEncoder.encode(pdu));
    }

    /** Writes an already encoded PDU in one call. */
    public void sendEncoded(byte[] bytes) throws IOException {
        try {
            out.write(bytes);
            out.flush();
        } catch (SocketTimeoutException | EOFException e) {
            throw e;
        } catch (IOException e) {
            throw failures.explain(e, !received);
        }
        armQuickAck();
    }

    /**
     * Reads the next PDU, waiting at most until {@code deadlineNanos} (0: only the socket timeout).
     *
     * @throws TimeoutExpiredException the wait ran out; {@code name} says whose limit it was
     */
    public Pdu receive(long deadlineNanos, String name, long maxPDataLength) throws IOException, PduFormatException {
        deadlines.deadline(deadlineNanos, name);
        // Bytes left in the buffer are the start of this PDU: then any read from the socket is for its rest.
        deadlines.pduBegins(buffer.buffered() > 0);
        try {
            Pdu pdu = reader.read(maxPDataLength);
            received = true;
            return pdu;
        } catch (SocketTimeoutException | EOFException e) {
            throw e;
        } catch (IOException e) {
            throw failures.explain(e, !received);
        }
    }

    /** The bytes of the PDU last read, or of as much of it as came before it failed (trace logging). */
    public byte[] lastPduBytes() {
        return reader.lastBytes();
    }

    /** Reads and discards until the peer closes; a stream that lost its PDU framing ends this way. */
    public void drain(long deadlineNanos) throws IOException {
        deadlines.deadline(deadlineNanos, "ARTIM timer");
        byte[] sink = new byte[4096];
        while (buffer.read(sink) >= 0) {
            // discard
        }
    }

    public Socket socket() {
        return socket;
    }

    public String peer() {
        return AddressText.of((InetSocketAddress) socket.getRemoteSocketAddress());
    }

    /**
     * Sends our FIN but keeps reading: once we have nothing more to say (after an A-ABORT or
     * A-RELEASE-RP), a peer that reads until end of stream learns it at once.
     */
    public void shutdownOutput() {
        try {
            socket.shutdownOutput();
        } catch (IOException | UnsupportedOperationException ignored) {
            // TLS sockets cannot half-close; the ARTIM timer still bounds the wait
        }
    }

    @Override
    public void close() {
        synchronized (this) { // close() may come from another thread too (SIGINT, a deadline)
            if (counted) {
                counted = false;
                OPEN.decrementAndGet();
                deadlines.closed();
            }
        }
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing is best effort: the association is over either way
        }
    }

    /**
     * Spec §5: TCP_QUICKACK after each send (Linux), so the peer's answer, if it comes in pieces
     * (DCMTK writes a PDU's header and body separately), is acknowledged at once; the kernel
     * clears the flag by itself, hence each time. Only while the peer lately held back the rest
     * of a PDU (DeadlineInputStream, which saw it): see the class comment.
     */
    private void armQuickAck() {
        if (quickAck != null && deadlines.quickAckAfterSend()) {
            deadlines.hurryPeer();
        }
    }

    /** jdk.net's TCP_QUICKACK exists on Linux only; looked up once, absent elsewhere. */
    private static SocketOption<Boolean> quickAckOption() {
        try {
            return jdk.net.ExtendedSocketOptions.TCP_QUICKACK;
        } catch (Throwable t) {
            return null;
        }
    }
}
