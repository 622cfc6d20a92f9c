package org.echoscu.dimse;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.List;

import org.echoscu.dul.Indication;
import org.echoscu.dul.UpperLayer;
import org.echoscu.pdu.PDataTf;
import org.echoscu.pdu.Pdv;

/**
 * DIMSE messages over an established association: commands out, fragmented to the peer's
 * limit with one PDV per P-DATA-TF; messages in, reassembled from however many PDVs and PDUs
 * they came in. Anything else the upper layer reports (abort, release, timeout) is handed up.
 */
public final class DimseChannel {

    /** Data sets are never part of C-ECHO; a peer sending one gets this much counted, no more. */
    private static final long MAX_DATA_SET = 1 << 20;

    private final UpperLayer ul;
    private final MessageAssembler assembler = new MessageAssembler(MAX_DATA_SET);
    private final ArrayDeque<Pdv> queued = new ArrayDeque<>();

    public DimseChannel(UpperLayer ul) {
        this.ul = ul;
    }

    /** What a wait for a message ended in. */
    public sealed interface Received {
    }

    public record Got(Message message) implements Received {
    }

    public record Broken(String why) implements Received {
    }

    public record Interrupted(Indication indication) implements Received {
    }

    /**
     * Sends a command with no data set.
     *
     * @param maxPdv largest PDV payload the peer accepts; 0 for no limit
     */
    public void sendCommand(int contextId, CommandSet command, long maxPdv) {
        sendEncoded(contextId, command.encode(), maxPdv);
    }

    /** Sends a command with no data set, already encoded ({@link EncodedCommand}); the array is not copied. */
    public void sendEncoded(int contextId, byte[] encoded, long maxPdv) {
        List<PDataTf> pdus = fragment(contextId, encoded, maxPdv);
        for (int i = 0; i < pdus.size(); i++) { // by index: no iterator for each echo
            ul.sendData(pdus.get(i));
        }
    }

    /** The P-DATA-TF PDUs that carry one command: one PDV each, the last one flagged. */
    public static List<PDataTf> fragment(int contextId, byte[] encoded, long maxPdv) {
        if (maxPdv <= 0 || maxPdv >= encoded.length) { // the usual case: one PDV, no copy
            return List.of(new PDataTf(List.of(new Pdv(contextId, Pdv.COMMAND | Pdv.LAST, encoded))));
        }
        return fragments(contextId, encoded, (int) maxPdv);
    }

    /** A command cut into PDVs of {@code chunk} bytes, apart: a long series of echoes runs only the above. */
    private static List<PDataTf> fragments(int contextId, byte[] encoded, int chunk) {
        int count = Math.max(1, (encoded.length + chunk - 1) / chunk);
        PDataTf[] out = new PDataTf[count];
        for (int i = 0; i < count; i++) {
            int from = i * chunk;
            byte[] part = Arrays.copyOfRange(encoded, from, Math.min(encoded.length, from + chunk));
            int header = Pdv.COMMAND | (i == count - 1 ? Pdv.LAST : 0);
            out[i] = new PDataTf(List.of(new Pdv(contextId, header, part)));
        }
        return List.of(out);
    }

    /** Waits for the next whole message, at most until {@code deadlineNanos} (0: no limit of its own). */
    public Received receive(long deadlineNanos, String deadlineName) {
        while (true) {
            while (!queued.isEmpty()) {
                try {
                    Message m = assembler.feed(queued.poll());
                    if (m != null) {
                        return new Got(m);
                    }
                } catch (DimseException e) {
                    queued.clear();
                    return new Broken(e.getMessage());
                }
            }
            Indication ind = ul.receive(deadlineNanos, deadlineName);
            if (ind instanceof Indication.Data d) {
                List<Pdv> pdvs = d.pdata().pdvs();
                for (int i = 0; i < pdvs.size(); i++) { // ArrayDeque.addAll links a method reference
                    queued.add(pdvs.get(i));
                }
            } else {
                return new Interrupted(ind);
            }
        }
    }
}
