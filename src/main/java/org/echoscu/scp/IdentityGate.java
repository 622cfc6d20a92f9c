package org.echoscu.scp;

import static org.echoscu.scp.EchoScp.LOG;

import org.echoscu.acse.AcceptorPolicy;
import org.echoscu.acse.KnownIdentities;
import org.echoscu.pdu.AAssociateRq;

/**
 * Applies --users / --require-identity to an association the other rules accepted: a
 * refusal becomes an A-ASSOCIATE-RJ and a W: line naming the user (never the password).
 * A class of its own so echoscp without those options never loads it.
 */
final class IdentityGate {

    private IdentityGate() {
    }

    static AcceptorPolicy.Decision judge(KnownIdentities identities, AAssociateRq rq, AcceptorPolicy.Accept accept,
                                         String peer) {
        String refusal = identities.refusal(rq);
        if (refusal == null) {
            return new AcceptorPolicy.Accept(KnownIdentities.answer(rq, accept.ac()));
        }
        LOG.warn("Rejecting association from {} ({}): {}", peer, rq.callingAeTitle(), refusal);
        return new AcceptorPolicy.Reject(KnownIdentities.rejection(), refusal);
    }
}
