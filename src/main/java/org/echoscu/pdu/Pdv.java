package org.echoscu.pdu;

import java.util.Arrays;

/**
 * One presentation data value item of a P-DATA-TF (PS3.8 §9.3.5.1, Annex E.2).
 * The message control header: bit 0 set for a command fragment, bit 1 set for the last one.
 */
public record Pdv(int contextId, int messageControlHeader, byte[] data) {

    public static final int COMMAND = 0x01;
    public static final int LAST = 0x02;

    public boolean isCommand() {
        return (messageControlHeader & COMMAND) != 0;
    }

    public boolean isLast() {
        return (messageControlHeader & LAST) != 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Pdv p && p.contextId == contextId
                && p.messageControlHeader == messageControlHeader && Arrays.equals(p.data, data);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * contextId + messageControlHeader) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "Pdv[contextId=" + contextId + ", header=0x" + Integer.toHexString(messageControlHeader)
                + ", length=" + data.length + "]";
    }
}
