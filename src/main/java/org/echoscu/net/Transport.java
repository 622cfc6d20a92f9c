package org.echoscu.net;

import java.io.BufferedInputStream;
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
 * up to 40 ms: so TCP_QUICKACK (Linux), which sends the pending ACK at once, is set after
 * each send (docs/PERFORMANCE.md, "The echo path") and again whenever we have part of a PDU
 * and must wait for the rest.
 */
public final class Transport implements AutoCloseable {

    private static final SocketOption<Boolean> QUICKACK = quickAckOption();

    private final Socket socket;
    private final OutputStream out;
    private final DeadlineInputStream deadlines;
    private final Buffer buffer;
    private final PduReader reader;
    private final SocketOption<Boolean> quickAck;
    private SocketLayer failures = NO_LAYER;
    private boolean received;

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
        this.buffer = new Buffer(deadlines);
        this.reader = new PduReader(buffer);
        armQuickAck();
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
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing is best effort: the association is over either way
        }
    }

    /**
     * Spec §5: TCP_QUICKACK after each send (Linux), so the peer's answer, if it comes in pieces
     * (DCMTK writes a PDU's header and body separately), is acknowledged at once; the kernel
     * clears the flag by itself, hence each time. The reader also sets it while waiting for the
     * rest of a PDU (DeadlineInputStream).
     */
    private void armQuickAck() {
        if (quickAck != null) {
            try {
                socket.setOption(quickAck, true);
            } catch (IOException | UnsupportedOperationException ignored) {
                // an optimisation only; the transfer itself is unaffected
            }
        }
    }

    /** The receive buffer, which can tell how much it holds without asking the socket. */
    private static final class Buffer extends BufferedInputStream {
        Buffer(InputStream in) {
            super(in, 16 * 1024);
        }

        int buffered() {
            return count - pos;
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
