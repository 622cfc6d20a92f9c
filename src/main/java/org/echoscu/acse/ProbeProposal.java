package org.echoscu.acse;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.echoscu.pdu.AAssociateRq;
import org.echoscu.pdu.PresentationContextRq;
import org.echoscu.pdu.UserInfoSubItem;
import org.echoscu.pdu.UserInformation;

/**
 * What {@code --peer-info} proposes: each abstract syntax once per transfer syntax, one
 * transfer syntax per presentation context, so the answer says which of them the peer takes.
 * PS3.8 §9.3.2.2 gives a context an odd ID of one byte, 128 at most per association: a longer
 * list is spread over as many associations as it needs, each its own A-ASSOCIATE-RQ.
 * The SCP/SCU role selection (PS3.7 D.3.3.4) and asynchronous operations window (PS3.7
 * D.3.3.3) sub-items go only where asked, because some peers drop the connection on them.
 */
public record ProbeProposal(String callingAeTitle, String calledAeTitle, long maxPduLength,
                           List<String> abstractSyntaxes, List<String> transferSyntaxes,
                           boolean roles, boolean async) {

    /** Proposed in the async sub-item: 0 is "unlimited" (PS3.7 D.3.3.3), so the answer is the peer's own limit. */
    public static final int ASYNC_UNLIMITED = 0;

    public ProbeProposal {
        AeTitles.requireValid(callingAeTitle, "calling AE title");
        AeTitles.requireValid(calledAeTitle, "called AE title");
        abstractSyntaxes = List.copyOf(new LinkedHashSet<>(abstractSyntaxes));
        transferSyntaxes = List.copyOf(new LinkedHashSet<>(transferSyntaxes));
        if (abstractSyntaxes.isEmpty() || transferSyntaxes.isEmpty()) {
            throw new IllegalArgumentException("a probe needs at least one abstract and one transfer syntax");
        }
    }

    /** One context to propose: abstract syntax and its single transfer syntax. */
    public record Pair(String abstractSyntax, String transferSyntax) {
    }

    /** Every pair, abstract syntax by abstract syntax, transfer syntaxes in table order. */
    public List<Pair> pairs() {
        List<Pair> out = new ArrayList<>(abstractSyntaxes.size() * transferSyntaxes.size());
        for (String as : abstractSyntaxes) {
            for (String ts : transferSyntaxes) {
                out.add(new Pair(as, ts));
            }
        }
        return out;
    }

    /** The A-ASSOCIATE-RQs, in order; each holds at most 128 contexts, IDs 1, 3, 5, … from the start. */
    public List<AAssociateRq> requests() {
        List<Pair> pairs = pairs();
        List<AAssociateRq> out = new ArrayList<>();
        for (int from = 0; from < pairs.size(); from += AssociationProposal.MAX_CONTEXTS) {
            List<Pair> chunk = pairs.subList(from, Math.min(pairs.size(), from + AssociationProposal.MAX_CONTEXTS));
            out.add(request(chunk));
        }
        return out;
    }

    private AAssociateRq request(List<Pair> chunk) {
        List<PresentationContextRq> pcs = new ArrayList<>(chunk.size());
        Set<String> syntaxes = new LinkedHashSet<>();
        for (int i = 0; i < chunk.size(); i++) {
            Pair p = chunk.get(i);
            pcs.add(new PresentationContextRq(2 * i + 1, p.abstractSyntax(), List.of(p.transferSyntax())));
            syntaxes.add(p.abstractSyntax());
        }
        List<UserInfoSubItem> items = new ArrayList<>();
        items.add(new UserInfoSubItem.MaxLength(maxPduLength));
        items.add(new UserInfoSubItem.ImplementationClassUid(Uids.IMPLEMENTATION_CLASS_UID));
        if (async) {
            items.add(new UserInfoSubItem.AsyncOperationsWindow(ASYNC_UNLIMITED, ASYNC_UNLIMITED));
        }
        if (roles) { // both roles proposed: the answer says which the peer would take on with us
            for (String as : syntaxes) {
                items.add(new UserInfoSubItem.RoleSelection(as, 1, 1));
            }
        }
        items.add(new UserInfoSubItem.ImplementationVersionName(Uids.IMPLEMENTATION_VERSION_NAME));
        return new AAssociateRq(1, calledAeTitle, callingAeTitle, Uids.APPLICATION_CONTEXT, pcs,
                new UserInformation(items));
    }
}
