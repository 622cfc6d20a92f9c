package org.echoscu.acse;

import java.util.Optional;

import org.echoscu.pdu.AAssociateAc;
import org.echoscu.pdu.AAssociateRq;
import org.echoscu.pdu.PresentationContextAc;
import org.echoscu.pdu.PresentationContextRq;

/** An accepted association seen from the requestor: what we proposed and what the peer answered. */
public record Negotiated(AAssociateRq rq, AAssociateAc ac) {

    /** The peer's maximum receive PDU length; 0 means unlimited. */
    public long peerMaxPdu() {
        return ac.userInformation().maxLength();
    }

    /** The largest PDV payload we may send to this peer ({@link #maxSendPdv(long)}). */
    public long maxSendPdv() {
        return maxSendPdv(peerMaxPdu());
    }

    /**
     * The largest PDV payload we may send to a peer that announced {@code peerMaxPdu}: DCMTK's
     * rule of the peer's maximum less 12, which leaves room for the PDU and PDV headers
     * whichever way the peer reads its own limit (PS3.8 §D.1). 0 means unlimited. The one
     * owner of this rule, for the requestor and the acceptor alike.
     */
    public static long maxSendPdv(long peerMaxPdu) {
        return peerMaxPdu == 0 ? 0 : Math.max(1, peerMaxPdu - 12);
    }

    /**
     * The first context, in the order we proposed them, that the peer accepted for the
     * Verification SOP class with a transfer syntax we offered in it. Answers for contexts we
     * never proposed, or with a syntax we did not offer, are not acceptances.
     */
    public Optional<Accepted> verificationContext() {
        for (PresentationContextRq proposed : rq.presentationContexts()) {
            if (!proposed.abstractSyntax().equals(Uids.VERIFICATION_SOP_CLASS)) {
                continue;
            }
            for (PresentationContextAc answer : ac.presentationContexts()) {
                if (answer.id() == proposed.id() && answer.accepted()
                        && proposed.transferSyntaxes().contains(answer.transferSyntax())) {
                    return Optional.of(new Accepted(answer.id(), answer.transferSyntax()));
                }
            }
        }
        return Optional.empty();
    }

    /** A usable presentation context: its ID and the accepted transfer syntax. */
    public record Accepted(int id, String transferSyntax) {
    }
}
