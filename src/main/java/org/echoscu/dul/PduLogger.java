package org.echoscu.dul;

import org.echoscu.text.Hex;
import org.echoscu.pdu.PDataTf;
import org.echoscu.pdu.Pdu;
import org.echoscu.pdu.PduDecoder;
import org.echoscu.pdu.PduEncoder;
import org.echoscu.pdu.SecretMask;
import org.slf4j.Logger;

/** Debug lines for each PDU sent and received, and trace lines for transitions and bytes. */
public final class PduLogger implements UpperLayer.Listener {

    private final Logger log;

    public PduLogger(Logger log) {
        this.log = log;
    }

    // Each method below asks the level and logs in a method of its own: they run for every PDU,
    // and C1 then compiles them without the logging calls (docs/PERFORMANCE.md).

    @Override
    public void sent(Pdu pdu) {
        if (log.isDebugEnabled()) {
            logSent(pdu);
        }
    }

    private void logSent(Pdu pdu) {
        log.debug("Sent {}{}", describe(pdu), bytes(pdu));
    }

    @Override
    public void received(Pdu pdu, byte[] raw) {
        if (log.isDebugEnabled()) {
            logReceived(pdu, raw);
        }
    }

    private void logReceived(Pdu pdu, byte[] raw) {
        log.debug("Received {}{}", describe(pdu), raw == null ? "" : hex(shown(pdu, raw)));
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
            logTransition(from, event, action, to);
        }
    }

    private void logTransition(State from, Event event, Action action, State to) {
        log.trace("{} + {} ({}) -> {} -> {}", from, event, event.description(), action, to);
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
        return hex(PduEncoder.encode(SecretMask.masked(pdu)));
    }

    /** The bytes received, or, when they carry a password, the PDU encoded again with it masked. */
    private static byte[] shown(Pdu pdu, byte[] raw) {
        Pdu masked = SecretMask.masked(pdu);
        return masked == pdu ? raw : PduEncoder.encode(masked); // never a password in a log
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
