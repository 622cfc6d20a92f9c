package org.echoscu.probe;

import java.util.List;

/**
 * What the peer report ({@code --peer-info}'s associations, one transfer syntax per presentation
 * context) learnt of the peer: per SOP class proposed, the transfer syntaxes it accepted. Every
 * UID here comes from our own proposal, never from the peer, so a view may use them as labels.
 *
 * @param associations  the A-ASSOCIATE-RQs the report needed; 0 when it was not made
 * @param accepted      how many of them the peer accepted
 * @param durationNanos how long the report's associations took
 * @param sopClasses    each SOP class proposed, in the order proposed
 */
public record PeerReport(int associations, int accepted, long durationNanos, List<SopClass> sopClasses) {

    public PeerReport {
        sopClasses = List.copyOf(sopClasses);
    }

    /** A report that was not made: the probe never reached the peer. */
    public static PeerReport notMade() {
        return new PeerReport(0, 0, 0, List.of());
    }

    /** Whether the report is whole: it was made and the peer accepted each of its associations. */
    public boolean complete() {
        return associations > 0 && accepted == associations;
    }

    /**
     * One SOP class (abstract syntax) of the report.
     *
     * @param uid               its UID
     * @param probed            whether the association that carried it was accepted (else nothing is known)
     * @param transferSyntaxes  the transfer syntaxes the peer accepted for it, in the order proposed
     */
    public record SopClass(String uid, boolean probed, List<String> transferSyntaxes) {
        public SopClass {
            transferSyntaxes = List.copyOf(transferSyntaxes);
        }
    }
}
