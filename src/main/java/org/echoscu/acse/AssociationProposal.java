package org.echoscu.acse;

import java.util.ArrayList;
import java.util.List;

import org.echoscu.pdu.AAssociateRq;
import org.echoscu.pdu.PresentationContextRq;
import org.echoscu.pdu.UserInfoSubItem;
import org.echoscu.pdu.UserInformation;

/**
 * What the requestor proposes: AE titles, our maximum receive PDU length, and
 * {@code contexts} presentation contexts (IDs 1, 3, 5, …) for the Verification SOP class,
 * each with the first {@code transferSyntaxes} of the -pts table ({@link TransferSyntax}).
 */
public record AssociationProposal(String callingAeTitle, String calledAeTitle, long maxPduLength,
                                  int contexts, int transferSyntaxes) {

    public static final int MAX_CONTEXTS = 128;

    public AssociationProposal {
        AeTitles.requireValid(callingAeTitle, "calling AE title");
        AeTitles.requireValid(calledAeTitle, "called AE title");
        if (contexts < 1 || contexts > MAX_CONTEXTS) {
            throw new IllegalArgumentException("presentation contexts must be 1..128: " + contexts);
        }
        if (transferSyntaxes < 1 || transferSyntaxes > TransferSyntax.values().length) {
            throw new IllegalArgumentException("transfer syntaxes must be 1..38: " + transferSyntaxes);
        }
    }

    public AAssociateRq toPdu() {
        List<String> syntaxes = TransferSyntax.firstUids(transferSyntaxes);
        List<PresentationContextRq> pcs = new ArrayList<>(contexts);
        for (int i = 0; i < contexts; i++) {
            pcs.add(new PresentationContextRq(2 * i + 1, Uids.VERIFICATION_SOP_CLASS, syntaxes));
        }
        return new AAssociateRq(1, calledAeTitle, callingAeTitle, Uids.APPLICATION_CONTEXT, pcs,
                UserInformation.of(
                        new UserInfoSubItem.MaxLength(maxPduLength),
                        new UserInfoSubItem.ImplementationClassUid(Uids.IMPLEMENTATION_CLASS_UID),
                        new UserInfoSubItem.ImplementationVersionName(Uids.IMPLEMENTATION_VERSION_NAME)));
    }
}
