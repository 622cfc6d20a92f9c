package org.echoscu.pdu;

/**
 * Received bytes that are not a valid PDU. Carries the A-ABORT reason (PS3.8 table 9-26)
 * that the upper layer sends back when it answers with Evt19.
 */
public final class PduFormatException extends Exception {

    private final int abortReason;

    public PduFormatException(int abortReason, String message) {
        super(message);
        this.abortReason = abortReason;
    }

    public int abortReason() {
        return abortReason;
    }
}
