package org.echoscu.pdu;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A copy of a PDU fit for a log: the password of a user identity sub-item (PS3.7
 * D.3.3.7.1, type 2, secondary field) replaced by as many '*' bytes, so byte dumps keep
 * their lengths and offsets but never show the secret.
 */
public final class SecretMask {

    private static final byte STAR = '*';

    private SecretMask() {
    }

    /** {@code pdu} itself when it carries no password, otherwise a masked copy. */
    public static Pdu masked(Pdu pdu) {
        if (!(pdu instanceof AAssociateRq rq)) {
            return pdu;
        }
        List<UserInfoSubItem> items = rq.userInformation().subItems();
        List<UserInfoSubItem> out = new ArrayList<>(items.size());
        boolean changed = false;
        for (UserInfoSubItem item : items) {
            if (item instanceof UserInfoSubItem.UserIdentityRq u && u.secondaryField().length > 0) {
                byte[] stars = new byte[u.secondaryField().length];
                Arrays.fill(stars, STAR);
                out.add(new UserInfoSubItem.UserIdentityRq(u.identityType(), u.positiveResponseRequested(),
                        u.primaryField(), stars));
                changed = true;
            } else {
                out.add(item);
            }
        }
        return changed ? new AAssociateRq(rq.protocolVersion(), rq.calledAeTitle(), rq.callingAeTitle(),
                rq.applicationContext(), rq.presentationContexts(), new UserInformation(out)) : rq;
    }
}
