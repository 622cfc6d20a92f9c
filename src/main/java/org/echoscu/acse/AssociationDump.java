package org.echoscu.acse;

import java.util.List;

import org.echoscu.pdu.AAssociateAc;
import org.echoscu.pdu.AAssociateRq;
import org.echoscu.pdu.PresentationContextAc;
import org.echoscu.pdu.PresentationContextRq;
import org.echoscu.pdu.UserInfoSubItem;
import org.echoscu.pdu.UserInformation;

/**
 * The association parameter dumps of -d, in the layout of DCMTK's (success-debug.txt), so
 * the two tools' logs can be read side by side. "Our" and "their" are from the caller's side.
 */
public final class AssociationDump {

    private AssociationDump() {
    }

    /** The dump of a request, before any answer (DCMTK's "Request Parameters"). */
    public static String request(AAssociateRq rq, boolean weAreRequestor) {
        return dump("A-ASSOCIATE-RQ", rq, null, weAreRequestor);
    }

    /** The dump of the negotiated parameters after an A-ASSOCIATE-AC. */
    public static String negotiated(AAssociateRq rq, AAssociateAc ac, boolean weAreRequestor) {
        return dump("A-ASSOCIATE-AC", rq, ac, weAreRequestor);
    }

    private static String dump(String title, AAssociateRq rq, AAssociateAc ac, boolean weAreRequestor) {
        UserInformation rqInfo = rq.userInformation();
        UserInformation acInfo = ac == null ? new UserInformation(List.of()) : ac.userInformation();
        UserInformation ours = weAreRequestor ? rqInfo : acInfo;
        UserInformation theirs = weAreRequestor ? acInfo : rqInfo;
        StringBuilder sb = new StringBuilder(1024);
        sb.append("====================== BEGIN ").append(title).append(" =====================\n");
        line(sb, "Our Implementation Class UID:      ", ours.implementationClassUid());
        line(sb, "Our Implementation Version Name:   ", ours.implementationVersionName());
        line(sb, "Their Implementation Class UID:    ", theirs.implementationClassUid());
        line(sb, "Their Implementation Version Name: ", theirs.implementationVersionName());
        line(sb, "Application Context Name:    ", rq.applicationContext());
        line(sb, "Calling Application Name:    ", rq.callingAeTitle());
        line(sb, "Called Application Name:     ", rq.calledAeTitle());
        line(sb, "Responding Application Name: ", ac == null ? rq.calledAeTitle() : ac.calledAeTitle());
        line(sb, "Our Max PDU Receive Size:    ", String.valueOf(ours.maxLength()));
        line(sb, "Their Max PDU Receive Size:  ", String.valueOf(ac == null && weAreRequestor ? 0 : theirs.maxLength()));
        sb.append("Presentation Contexts:\n");
        for (PresentationContextRq pc : rq.presentationContexts()) {
            PresentationContextAc answer = answerTo(ac, pc.id());
            context(sb, pc, answer, ac != null, rqInfo, acInfo);
        }
        line(sb, "Requested Extended Negotiation: ", extended(rqInfo));
        line(sb, "Accepted Extended Negotiation:  ", extended(acInfo));
        line(sb, "Requested User Identity Negotiation: ", identityRq(rqInfo));
        line(sb, "User Identity Negotiation Response:  ", identityAc(acInfo));
        sb.append("======================= END ").append(title).append(" ======================");
        return sb.toString();
    }

    private static void context(StringBuilder sb, PresentationContextRq pc, PresentationContextAc answer,
                                boolean answered, UserInformation rqInfo, UserInformation acInfo) {
        sb.append("  Context ID:        ").append(pc.id()).append(" (").append(status(answer, answered)).append(")")
                .append(System.lineSeparator());
        sb.append("    Abstract Syntax: ").append(name(pc.abstractSyntax())).append('\n');
        sb.append("    Proposed SCP/SCU Role: ").append(role(rqInfo, pc.abstractSyntax())).append('\n');
        if (answered) {
            sb.append("    Accepted SCP/SCU Role: ").append(role(acInfo, pc.abstractSyntax())).append('\n');
        }
        if (answer != null && answer.accepted()) {
            sb.append("    Accepted Transfer Syntax: ").append(tsName(answer.transferSyntax())).append('\n');
        } else {
            sb.append("    Proposed Transfer Syntax(es):\n");
            for (String ts : pc.transferSyntaxes()) {
                sb.append("      ").append(tsName(ts)).append('\n');
            }
        }
    }

    private static String status(PresentationContextAc answer, boolean answered) {
        if (!answered) {
            return "Proposed";
        }
        if (answer == null) {
            return "No Answer";
        }
        return switch (answer.result()) {
            case PresentationContextAc.ACCEPTANCE -> "Accepted";
            case PresentationContextAc.USER_REJECTION -> "User Rejection";
            case PresentationContextAc.NO_REASON -> "Provider Rejection";
            case PresentationContextAc.ABSTRACT_SYNTAX_NOT_SUPPORTED -> "Abstract Syntax Not Supported";
            case PresentationContextAc.TRANSFER_SYNTAXES_NOT_SUPPORTED -> "Transfer Syntaxes Not Supported";
            default -> "Invalid Result " + answer.result();
        };
    }

    private static String role(UserInformation info, String sopClass) {
        for (UserInfoSubItem.RoleSelection r : info.all(UserInfoSubItem.RoleSelection.class)) {
            if (r.sopClassUid().equals(sopClass)) {
                return r.scuRole() == 1 && r.scpRole() == 1 ? "SCP/SCU" : r.scpRole() == 1 ? "SCP" : "SCU";
            }
        }
        return "Default";
    }

    private static String extended(UserInformation info) {
        return info.find(UserInfoSubItem.SopClassExtendedNegotiation.class).isPresent()
                || info.find(UserInfoSubItem.SopClassCommonExtendedNegotiation.class).isPresent() ? "present" : "none";
    }

    private static String identityRq(UserInformation info) {
        return info.find(UserInfoSubItem.UserIdentityRq.class)
                .map(u -> "type " + u.identityType() + (u.positiveResponseRequested() ? ", response requested" : ""))
                .orElse("none");
    }

    private static String identityAc(UserInformation info) {
        return info.find(UserInfoSubItem.UserIdentityAc.class)
                .map(u -> u.serverResponse().length + " bytes").orElse("none");
    }

    private static String name(String uid) {
        return Uids.VERIFICATION_SOP_CLASS.equals(uid) ? "=VerificationSOPClass" : uid;
    }

    private static String tsName(String uid) {
        String n = TransferSyntax.nameOf(uid);
        return n.equals(uid) ? uid : "=" + n;
    }

    private static void line(StringBuilder sb, String label, String value) {
        sb.append(label).append(value).append('\n');
    }

    /** The AC's answer for context {@code id}, or null (a loop: no stream machinery in a -d run). */
    private static PresentationContextAc answerTo(AAssociateAc ac, int id) {
        if (ac != null) {
            for (PresentationContextAc a : ac.presentationContexts()) {
                if (a.id() == id) {
                    return a;
                }
            }
        }
        return null;
    }
}