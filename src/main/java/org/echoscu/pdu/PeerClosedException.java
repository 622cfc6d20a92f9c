package org.echoscu.pdu;

import java.io.EOFException;

/**
 * The peer closed the connection: between two PDUs ({@link #betweenPdus()}), the orderly end
 * of a stream, or inside one, which cuts a PDU short. Callers tell the two apart by this flag,
 * never by the message, which is only for people.
 */
public final class PeerClosedException extends EOFException {

    private static final long serialVersionUID = 1L;

    private final boolean betweenPdus;

    public PeerClosedException(boolean betweenPdus, String message) {
        super(message);
        this.betweenPdus = betweenPdus;
    }

    /** True when no byte of a next PDU had arrived: the peer ended the stream at a PDU boundary. */
    public boolean betweenPdus() {
        return betweenPdus;
    }
}
