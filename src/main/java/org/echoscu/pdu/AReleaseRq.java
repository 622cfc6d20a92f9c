package org.echoscu.pdu;

/** A-RELEASE-RQ (PS3.8 §9.3.6): no fields but reserved ones. */
public record AReleaseRq() implements Pdu {
    @Override
    public int type() {
        return TYPE_RELEASE_RQ;
    }
}
