package org.echoscu.acse;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.echoscu.pdu.AAssociateAc;
import org.echoscu.pdu.AAssociateRj;
import org.echoscu.pdu.AAssociateRq;
import org.echoscu.pdu.PresentationContextAc;
import org.echoscu.pdu.PresentationContextRq;
import org.echoscu.pdu.UserInfoSubItem;
import org.echoscu.pdu.UserInformation;

/**
 * How echoscp answers an A-ASSOCIATE-RQ: which AE titles it knows, which transfer syntaxes
 * it accepts (in its order of preference), and the maximum PDU length it announces.
 *
 * @param aeTitle               our own AE title
 * @param checkCalledAeTitle    reject a called AE title other than ours (reason 7)
 * @param knownCallingAeTitles  calling AE titles we accept; empty accepts any (else reason 3)
 * @param transferSyntaxes      accepted transfer syntax UIDs, most preferred first
 * @param maxPduLength          our maximum receive PDU length, announced in the AC
 */
public record AcceptorPolicy(String aeTitle, boolean checkCalledAeTitle, Set<String> knownCallingAeTitles,
                             List<String> transferSyntaxes, long maxPduLength) {

    public AcceptorPolicy {
        AeTitles.requireValid(aeTitle, "AE title");
        knownCallingAeTitles = Set.copyOf(knownCallingAeTitles);
        transferSyntaxes = List.copyOf(transferSyntaxes);
    }

    /** The answer to a request: an A-ASSOCIATE-AC or -RJ, and why in words for the log. */
    public sealed interface Decision {
    }

    public record Accept(AAssociateAc ac) implements Decision {
    }

    public record Reject(AAssociateRj rj, String why) implements Decision {
    }

    public Decision decide(AAssociateRq rq) {
        if (!Uids.APPLICATION_CONTEXT.equals(rq.applicationContext())) {
            return reject(AAssociateRj.RESULT_PERMANENT, 2,
                    "application context " + rq.applicationContext() + " is not DICOM's");
        }
        if (checkCalledAeTitle && !aeTitle.equals(rq.calledAeTitle())) {
            return reject(AAssociateRj.RESULT_PERMANENT, 7,
                    "called AE title '" + rq.calledAeTitle() + "' is not ours ('" + aeTitle + "')");
        }
        if (!knownCallingAeTitles.isEmpty() && !knownCallingAeTitles.contains(rq.callingAeTitle())) {
            return reject(AAssociateRj.RESULT_PERMANENT, 3,
                    "calling AE title '" + rq.callingAeTitle() + "' is not among the known ones");
        }
        List<PresentationContextAc> answers = new ArrayList<>();
        for (PresentationContextRq pc : rq.presentationContexts()) {
            answers.add(answer(pc));
        }
        return new Accept(new AAssociateAc(1, rq.calledAeTitle(), rq.callingAeTitle(), Uids.APPLICATION_CONTEXT,
                answers, UserInformation.of(
                        new UserInfoSubItem.MaxLength(maxPduLength),
                        new UserInfoSubItem.ImplementationClassUid(Uids.IMPLEMENTATION_CLASS_UID),
                        new UserInfoSubItem.ImplementationVersionName(Uids.IMPLEMENTATION_VERSION_NAME))));
    }

    /** A-ASSOCIATE-RJ for one association too many: transient, local limit exceeded (PS3.8 table 9-21). */
    public static Reject limitExceeded(int limit) {
        return new Reject(new AAssociateRj(AAssociateRj.RESULT_TRANSIENT,
                AAssociateRj.SOURCE_PROVIDER_PRESENTATION, 2),
                "already " + limit + " associations open, the configured limit");
    }

    private PresentationContextAc answer(PresentationContextRq pc) {
        if (!Uids.VERIFICATION_SOP_CLASS.equals(pc.abstractSyntax())) {
            return new PresentationContextAc(pc.id(), PresentationContextAc.ABSTRACT_SYNTAX_NOT_SUPPORTED,
                    pc.transferSyntaxes().get(0));
        }
        for (String ts : transferSyntaxes) {
            if (pc.transferSyntaxes().contains(ts)) {
                return new PresentationContextAc(pc.id(), PresentationContextAc.ACCEPTANCE, ts);
            }
        }
        return new PresentationContextAc(pc.id(), PresentationContextAc.TRANSFER_SYNTAXES_NOT_SUPPORTED,
                pc.transferSyntaxes().get(0));
    }

    private static Reject reject(int result, int reason, String why) {
        return new Reject(new AAssociateRj(result, AAssociateRj.SOURCE_SERVICE_USER, reason), why);
    }
}
