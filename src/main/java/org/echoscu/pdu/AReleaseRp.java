package org.echoscu.pdu;

/** A-RELEASE-RP (PS3.8 §9.3.7): no fields but reserved ones. */
public record AReleaseRp() implements Pdu {
    @Override
    public int type() {
        return TYPE_RELEASE_RP;
    }
}
