package org.echoscu.scu;

import java.util.List;

import org.echoscu.acse.ProbeAnswers;
import org.echoscu.pdu.UserInfoSubItem;

/**
 * The report of {@code --peer-info}: what the peer said about itself in its A-ASSOCIATE-AC
 * (PS3.7 D.3.3), what it accepted per abstract syntax, and, where asked, its role and
 * asynchronous window answers, its TLS connection and whether it checks the called AE title.
 *
 * @param associations        A-ASSOCIATE-RQs the probe needed (more than 128 contexts take several)
 * @param accepted            how many of them the peer accepted
 * @param contexts            presentation contexts proposed in all
 * @param maxPduLength        the peer's maximum receive PDU length, 0 for unlimited; -1 when unknown
 * @param asyncProposed       whether the async sub-item was proposed
 * @param async               the peer's async answer, null when it returned none (PS3.7 default: 1 and 1)
 * @param rolesProposed       whether role selection sub-items were proposed
 * @param tls                 the TLS connection, null over plain TCP or when none was made
 * @param calledAeCheck       the answer of {@code --check-called-ae}, null when not asked
 * @param failures            one sentence per association that was not accepted, in order
 */
public record PeerInfo(int associations, int accepted, int contexts, String implementationClassUid,
                       String implementationVersionName, long maxPduLength, List<ProbeAnswers.Syntax> syntaxes,
                       boolean asyncProposed, UserInfoSubItem.AsyncOperationsWindow async, boolean rolesProposed,
                       TlsFacts tls, CalledAeCheck calledAeCheck, List<String> failures) {

    public PeerInfo {
        syntaxes = List.copyOf(syntaxes);
        failures = List.copyOf(failures);
    }

    /** Success when every association was accepted (the report is whole), otherwise no association. */
    public Outcome outcome() {
        return accepted == associations ? Outcome.SUCCESS : Outcome.ASSOCIATION_FAILED;
    }

    /** Whether the peer checks the called AE title, learnt from an association to a random one. */
    public record CalledAeCheck(String randomTitle, Verdict verdict, String detail) {
    }

    public enum Verdict {
        /** It rejected the random title as not recognized. */
        CHECKS,
        /** It accepted the random title. */
        DOES_NOT_CHECK,
        /** It refused for another reason, or the association failed: nothing to learn. */
        UNKNOWN
    }
}
