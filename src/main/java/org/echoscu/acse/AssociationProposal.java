package org.echoscu.acse;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.echoscu.pdu.AAssociateRq;
import org.echoscu.pdu.PresentationContextRq;
import org.echoscu.pdu.UserInfoSubItem;
import org.echoscu.pdu.UserInformation;

/**
 * What the requestor proposes: AE titles, our maximum receive PDU length, and
 * {@code contexts} presentation contexts (IDs 1, 3, 5, …) for the Verification SOP class,
 * each with the same transfer syntaxes, in order: the first n of the -pts table
 * ({@link TransferSyntax}), or a list of UIDs, known to us or not (the exporter's
 * {@code transfer_syntaxes} list).
 */
public record AssociationProposal(String callingAeTitle, String calledAeTitle, long maxPduLength,
                                  int contexts, List<String> transferSyntaxes) {

    public static final int MAX_CONTEXTS = 128;
    /**
     * The most transfer syntaxes of a list: room for every syntax of the table and more, while a
     * context of 64-character UIDs stays far below the 65535 bytes of its item (PS3.8 §9.3.2.2).
     */
    public static final int MAX_TRANSFER_SYNTAXES = 128;

    /** The first {@code transferSyntaxes} of the -pts table in each context, as echoscu's -pts n. */
    public AssociationProposal(String callingAeTitle, String calledAeTitle, long maxPduLength, int contexts,
                               int transferSyntaxes) {
        this(callingAeTitle, calledAeTitle, maxPduLength, contexts, table(transferSyntaxes));
    }

    public AssociationProposal {
        AeTitles.requireValid(callingAeTitle, "calling AE title");
        AeTitles.requireValid(calledAeTitle, "called AE title");
        if (contexts < 1 || contexts > MAX_CONTEXTS) {
            throw new IllegalArgumentException("presentation contexts must be 1..128: " + contexts);
        }
        transferSyntaxes = List.copyOf(transferSyntaxes);
        if (transferSyntaxes.isEmpty() || transferSyntaxes.size() > MAX_TRANSFER_SYNTAXES) {
            throw new IllegalArgumentException("transfer syntaxes must be 1.." + MAX_TRANSFER_SYNTAXES + " UIDs: "
                    + transferSyntaxes.size());
        }
        Set<String> seen = new HashSet<>();
        for (String uid : transferSyntaxes) {
            if (!Uids.isUid(uid)) {
                throw new IllegalArgumentException("not a UID: '" + uid + "'");
            }
            if (!seen.add(uid)) {
                throw new IllegalArgumentException("transfer syntax " + uid + " given twice");
            }
        }
    }

    private static List<String> table(int n) {
        if (n < 1 || n > TransferSyntax.values().length) {
            throw new IllegalArgumentException("transfer syntaxes must be 1.." + TransferSyntax.values().length + ": " + n);
        }
        return TransferSyntax.firstUids(n);
    }

    public AAssociateRq toPdu() {
        List<PresentationContextRq> pcs = new ArrayList<>(contexts);
        for (int i = 0; i < contexts; i++) {
            pcs.add(new PresentationContextRq(2 * i + 1, Uids.VERIFICATION_SOP_CLASS, transferSyntaxes));
        }
        return new AAssociateRq(1, calledAeTitle, callingAeTitle, Uids.APPLICATION_CONTEXT, pcs,
                UserInformation.of(
                        new UserInfoSubItem.MaxLength(maxPduLength),
                        new UserInfoSubItem.ImplementationClassUid(Uids.IMPLEMENTATION_CLASS_UID),
                        new UserInfoSubItem.ImplementationVersionName(Uids.IMPLEMENTATION_VERSION_NAME)));
    }
}
