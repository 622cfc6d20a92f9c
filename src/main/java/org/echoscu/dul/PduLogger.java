package org.echoscu.dul;

import org.echoscu.text.Hex;
import org.echoscu.pdu.PDataTf;
import org.echoscu.pdu.Pdu;
import org.echoscu.pdu.PduDecoder;
import org.echoscu.pdu.PduEncoder;
import org.slf4j.Logger;

/** Debug lines for each PDU sent and received, and trace lines for transitions and bytes. */
public final class PduLogger implements UpperLayer.Listener {

    private final Logger log;

    public PduLogger(Logger log) {
        this.log = log;
    }

    @Override
    public void sent(Pdu pdu) {
        if (log.isDebugEnabled()) {
            log.debug("Sent {}{}", describe(pdu), bytes(pdu));
        }
    }

    @Override
    public void received(Pdu pdu, byte[] raw) {
        if (log.isDebugEnabled()) {
            log.debug("Received {}{}", describe(pdu), raw == null ? "" : hex(raw));
        }
    }

    @Override
    public void receivedNoPdu(byte[] raw) {
        log.trace("Received {} bytes that make no valid PDU{}", raw.length, hex(raw));
    }

    /** The received bytes themselves, not the decoded PDU encoded again: only at trace level. */
    @Override
    public boolean wantsBytes() {
        return log.isTraceEnabled();
    }

    @Override
    public void transition(State from, Event event, Action action, State to) {
        if (log.isTraceEnabled()) {
            log.trace("{} + {} ({}) -> {} -> {}", from, event, event.description(), action, to);
        }
    }

    private static String describe(Pdu pdu) {
        String name = PduDecoder.pduName(pdu.type());
        if (pdu instanceof PDataTf p) {
            return name + " with " + p.pdvs().size() + " PDV(s): " + p.pdvs();
        }
        return name;
    }

    /** The PDU's bytes in DCMTK's hex layout, at trace level only. */
    private String bytes(Pdu pdu) {
        if (!log.isTraceEnabled()) {
            return "";
        }
        return hex(PduEncoder.encode(pdu));
    }

    /** Bytes in DCMTK's hex layout: sixteen to a line, each two digits after two spaces. */
    private static String hex(byte[] b) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < b.length; i++) {
            sb.append(i % 16 == 0 ? "\n" : "").append("  ");
            Hex.appendByte(sb, b[i] & 0xFF);
        }
        return sb.toString();
    }
}
