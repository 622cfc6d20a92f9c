package org.echoscu.acse;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.echoscu.pdu.AAssociateRq;
import org.echoscu.pdu.UserInfoSubItem;
import org.echoscu.pdu.UserInformation;

/**
 * User identity negotiation (PS3.7 D.3.3.7): the identity types, the request sub-item as the
 * command line gives it, and the -d dump lines in DCMTK's layout, with the password masked.
 */
public final class UserIdentity {

    /** User identity types of PS3.7 table D.3-14. */
    public static final int USERNAME = 1;
    public static final int USERNAME_PASSCODE = 2;
    public static final int KERBEROS = 3;
    public static final int SAML = 4;
    public static final int JWT = 5;

    /** What a password becomes in our logs: always eight stars, so not even its length shows. */
    public static final String MASK = "********";

    private UserIdentity() {
    }

    /** A user name, with a password for type 2 (null for type 1). */
    public static UserInfoSubItem.UserIdentityRq user(String name, String password, boolean positiveResponse) {
        byte[] user = name.getBytes(StandardCharsets.UTF_8);
        return password == null
                ? new UserInfoSubItem.UserIdentityRq(USERNAME, positiveResponse, user, new byte[0])
                : new UserInfoSubItem.UserIdentityRq(USERNAME_PASSCODE, positiveResponse, user,
                password.getBytes(StandardCharsets.UTF_8));
    }

    /** A Kerberos ticket, SAML assertion or JSON web token, sent as it is. */
    public static UserInfoSubItem.UserIdentityRq token(int type, byte[] token, boolean positiveResponse) {
        return new UserInfoSubItem.UserIdentityRq(type, positiveResponse, token, new byte[0]);
    }

    /** The request with the identity sub-item added after the others (where DCMTK puts it). */
    public static AAssociateRq withIdentity(AAssociateRq rq, UserInfoSubItem.UserIdentityRq identity) {
        List<UserInfoSubItem> items = new ArrayList<>(rq.userInformation().subItems());
        items.add(identity);
        return new AAssociateRq(rq.protocolVersion(), rq.calledAeTitle(), rq.callingAeTitle(),
                rq.applicationContext(), rq.presentationContexts(), new UserInformation(items));
    }

    /** The user name of a type 1 or 2 request, for log lines; the type's name otherwise. */
    public static String who(UserInfoSubItem.UserIdentityRq u) {
        return switch (u.identityType()) {
            case USERNAME, USERNAME_PASSCODE -> "user '" + text(u.primaryField()) + "'";
            case KERBEROS -> "a Kerberos ticket";
            case SAML -> "a SAML assertion";
            case JWT -> "a JSON web token";
            default -> "an identity of unknown type " + u.identityType();
        };
    }

    /**
     * DCMTK's value of "Requested User Identity Negotiation:" when the request has an identity:
     * a line break and the indented lines of DCMTK's dump, the password masked.
     */
    static String dumpRequest(UserInformation info) {
        UserInfoSubItem.UserIdentityRq u = info.find(UserInfoSubItem.UserIdentityRq.class).orElseThrow();
        StringBuilder sb = new StringBuilder("\n");
        switch (u.identityType()) {
            case USERNAME -> {
                sb.append("  Authentication mode 1: Username\n");
                sb.append("  Username: [").append(text(u.primaryField())).append("]\n");
            }
            case USERNAME_PASSCODE -> {
                sb.append("  Authentication mode 2: Username/Password\n");
                sb.append("  Username: [").append(text(u.primaryField())).append("]\n");
                sb.append("  Password: [").append(u.secondaryField().length == 0 ? "" : MASK).append("]\n");
            }
            case KERBEROS -> sb.append("  Authentication mode 3: Kerberos\n")
                    .append("  Kerberos Service Ticket (not dumped) length: ").append(u.primaryField().length).append('\n');
            case SAML -> sb.append("  Authentication mode 4: SAML\n")
                    .append("  SAML Assertion (not dumped) length: ").append(u.primaryField().length).append('\n');
            case JWT -> sb.append("  Authentication mode 5: JWT\n")
                    .append("  JSON Web Token (not dumped) length: ").append(u.primaryField().length).append('\n');
            default -> sb.append("  Authentication mode: Unknown \n")
                    .append("  First value (not dumped), length: ").append(u.primaryField().length).append('\n')
                    .append("  Second Value (not dumped), length: ").append(u.secondaryField().length).append('\n');
        }
        sb.append("  Positive Response requested: ").append(u.positiveResponseRequested() ? "Yes" : "No");
        return sb.toString();
    }

    /** DCMTK's value of "User Identity Negotiation Response:" when the answer has one: its length. */
    static String dumpResponse(UserInformation info) {
        UserInfoSubItem.UserIdentityAc u = info.find(UserInfoSubItem.UserIdentityAc.class).orElseThrow();
        return "\n  Server Response (not dumped) length: " + u.serverResponse().length;
    }

    private static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
