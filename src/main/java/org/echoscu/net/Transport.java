package org.echoscu.net;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketOption;
import java.util.concurrent.TimeUnit;

import org.echoscu.pdu.Pdu;
import org.echoscu.pdu.PduEncoder;
import org.echoscu.pdu.PduFormatException;
import org.echoscu.pdu.PduReader;

/**
 * One TCP (or TLS) connection carrying PDUs. Each PDU leaves in a single write with
 * TCP_NODELAY set. A peer that writes a PDU in pieces with Nagle's algorithm on (DCMTK does)
 * holds back the rest until we acknowledge the first piece, which our kernel would delay by
 * up to 40 ms: so whenever we have part of a PDU and must wait for the rest, we set
 * TCP_QUICKACK (Linux), which sends the pending ACK at once. A PDU that arrives whole costs
 * no such call and no extra ACK packet.
 */
public final class Transport implements AutoCloseable {

    private static final SocketOption<Boolean> QUICKACK = quickAckOption();

    private final Socket socket;
    private final OutputStream out;
    private final DeadlineInputStream deadlines;
    private final Buffer buffer;
    private final PduReader reader;

    public Transport(Socket socket, int socketTimeoutSeconds) throws IOException {
        this.socket = socket;
        socket.setTcpNoDelay(true);
        boolean quickAck = QUICKACK != null && socket.supportedOptions().contains(QUICKACK);
        this.out = socket.getOutputStream();
        InputStream raw = socket.getInputStream();
        this.deadlines = new DeadlineInputStream(raw, socket, Math.max(0, socketTimeoutSeconds) * 1000,
                quickAck ? QUICKACK : null);
        this.buffer = new Buffer(deadlines);
        this.reader = new PduReader(buffer);
    }

    public void send(Pdu pdu) throws IOException {
        sendEncoded(PduEncoder.encode(pdu));
    }

    /** Writes an already encoded PDU in one call. */
    public void sendEncoded(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
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
        return reader.read(maxPDataLength);
    }

    public static long deadlineAfter(long seconds) {
        return seconds <= 0 ? 0 : System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    }

    public Socket socket() {
        return socket;
    }

    public String peer() {
        return socket.getRemoteSocketAddress() == null ? "?" : socket.getRemoteSocketAddress().toString();
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
