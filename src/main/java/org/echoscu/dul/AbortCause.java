package org.echoscu.dul;

/**
 * Why the service provider ended an association (an A-P-ABORT indication, PS3.8 §7.4): what
 * callers branch on, so they never compare the sentence that goes with it.
 */
public enum AbortCause {
    /** The transport connection could not be opened (Sta4 + Evt17); the connector's exception says how. */
    CONNECT_FAILED,
    /** The peer closed the connection between PDUs. */
    CLOSED_BY_PEER,
    /** The connection broke: closed inside a PDU, a read or a write failed. */
    CONNECTION_LOST,
    /** The peer sent bytes that are not a valid PDU (Evt19). */
    INVALID_PDU,
    /** The peer sent a valid PDU the state table does not allow here. */
    UNEXPECTED_PDU,
    /** The ARTIM timer ran out (PS3.8 §9.1.5). */
    ARTIM_EXPIRED,
    /** The A-ASSOCIATE-RQ asked for a protocol version we do not speak (PS3.8 §9.3.2). */
    UNSUPPORTED_PROTOCOL_VERSION
}
