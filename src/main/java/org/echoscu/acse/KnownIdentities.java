package org.echoscu.acse;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.echoscu.pdu.AAssociateAc;
import org.echoscu.pdu.AAssociateRj;
import org.echoscu.pdu.AAssociateRq;
import org.echoscu.pdu.UserInfoSubItem;
import org.echoscu.pdu.UserInformation;

/**
 * echoscp's user identity policy (PS3.7 D.3.3.7): the identities of a --users file and
 * whether a request must carry one (--require-identity). A refusal is an A-ASSOCIATE-RJ,
 * rejected-permanent, service-user, no-reason-given (PS3.8 table 9-21); a known identity that
 * asks for a positive response gets a user identity sub-item in the A-ASSOCIATE-AC (with an
 * empty server response: we hold no Kerberos, SAML or JWT server side to answer with).
 *
 * <p>The file, one identity a line ({@code #} starts a comment line, blank lines are skipped):
 * <pre>
 * user NAME PASSWORD    type 2 with this password (the rest of the line, spaces included)
 * user NAME             type 1, the user name alone
 * jwt TOKEN             type 5, the token's text
 * saml BASE64           type 4, the assertion's bytes in base 64
 * kerberos BASE64       type 3, the ticket's bytes in base 64
 * </pre>
 * Tokens are compared as opaque bytes; nothing is validated cryptographically.
 *
 * @param passwords  user name to password; null for a user known by name alone
 * @param tokens     Kerberos, SAML and JWT tokens by identity type, base 64 of their bytes
 * @param listed     there is a --users file: an identity not in it is refused (else any will do)
 * @param required   a request without identity is refused
 */
public record KnownIdentities(Map<String, String> passwords, Map<Integer, List<String>> tokens, boolean listed,
                              boolean required) {

    /** --require-identity without --users: any identity is accepted, none is not. */
    public static KnownIdentities anyIdentity() {
        return new KnownIdentities(Map.of(), Map.of(), false, true);
    }

    /** Thrown for a line of a --users file that is not understood; the message names the line. */
    public static final class FormatException extends Exception {
        public FormatException(String message) {
            super(message);
        }
    }

    /** The identities of a --users file's lines. */
    public static KnownIdentities parse(List<String> lines, boolean required) throws FormatException {
        Map<String, String> passwords = new HashMap<>();
        Map<Integer, List<String>> tokens = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] words = line.split("\\s+", 2);
            String rest = words.length > 1 ? words[1] : "";
            switch (words[0]) {
                case "user" -> {
                    String[] np = rest.split(" ", 2); // the password is the rest of the line, spaces and all
                    if (np[0].isEmpty()) {
                        throw new FormatException("line " + (i + 1) + ": 'user' without a user name");
                    }
                    passwords.put(np[0], np.length > 1 ? np[1] : null);
                }
                case "jwt" -> addToken(tokens, UserIdentity.JWT, Base64.getEncoder()
                        .encodeToString(rest.getBytes(StandardCharsets.UTF_8)), i, words[0]);
                case "saml" -> addToken(tokens, UserIdentity.SAML, canonicalBase64(rest, i), i, words[0]);
                case "kerberos" -> addToken(tokens, UserIdentity.KERBEROS, canonicalBase64(rest, i), i, words[0]);
                default -> throw new FormatException("line " + (i + 1) + ": unknown kind '" + words[0]
                        + "' (expected user, jwt, saml or kerberos)");
            }
        }
        return new KnownIdentities(java.util.Collections.unmodifiableMap(passwords), Map.copyOf(tokens), true, required);
    }

    private static void addToken(Map<Integer, List<String>> tokens, int type, String base64, int line, String kind)
            throws FormatException {
        if (base64.isEmpty()) {
            throw new FormatException("line " + (line + 1) + ": '" + kind + "' without a token");
        }
        tokens.computeIfAbsent(type, t -> new ArrayList<>()).add(base64);
    }

    private static String canonicalBase64(String text, int line) throws FormatException {
        try {
            return Base64.getEncoder().encodeToString(Base64.getDecoder().decode(text.replaceAll("\\s", "")));
        } catch (IllegalArgumentException e) {
            throw new FormatException("line " + (line + 1) + ": not base 64 (" + e.getMessage() + ")");
        }
    }

    /** The verdict on a request's identity: null when it may go on, else why it is refused (no secret in it). */
    public String refusal(AAssociateRq rq) {
        UserInfoSubItem.UserIdentityRq u = rq.userInformation().find(UserInfoSubItem.UserIdentityRq.class).orElse(null);
        if (u == null) {
            return required ? "no user identity, and one is required (--require-identity)" : null;
        }
        if (!listed) {
            return null;
        }
        return switch (u.identityType()) {
            case UserIdentity.USERNAME, UserIdentity.USERNAME_PASSCODE -> userRefusal(u);
            case UserIdentity.KERBEROS, UserIdentity.SAML, UserIdentity.JWT ->
                    tokens.getOrDefault(u.identityType(), List.of())
                            .contains(Base64.getEncoder().encodeToString(u.primaryField()))
                            ? null : UserIdentity.who(u) + " not listed in the users file";
            default -> "user identity of unknown type " + u.identityType();
        };
    }

    private String userRefusal(UserInfoSubItem.UserIdentityRq u) {
        String name = new String(u.primaryField(), StandardCharsets.UTF_8);
        if (!passwords.containsKey(name)) {
            return "unknown " + UserIdentity.who(u);
        }
        String expected = passwords.get(name);
        if (expected == null) {
            return u.identityType() == UserIdentity.USERNAME ? null
                    : UserIdentity.who(u) + " is known by name alone, but a password was sent";
        }
        if (u.identityType() == UserIdentity.USERNAME) {
            return UserIdentity.who(u) + " sent no password, and one is required";
        }
        // constant time: how much of a guess was right must not show in the time taken
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), u.secondaryField()) ? null
                : "wrong password for " + UserIdentity.who(u);
    }

    /** Never the passwords or tokens: this may end up in a log. */
    @Override
    public String toString() {
        return "KnownIdentities[" + passwords.size() + " users, " + tokens.values().stream().mapToInt(List::size).sum()
                + " tokens, listed=" + listed + ", required=" + required + "]";
    }

    /** A-ASSOCIATE-RJ for a refused identity: rejected-permanent, service-user, no-reason-given. */
    public static AAssociateRj rejection() {
        return new AAssociateRj(AAssociateRj.RESULT_PERMANENT, AAssociateRj.SOURCE_SERVICE_USER, 1);
    }

    /** The A-ASSOCIATE-AC, with a user identity response when the request asked for one. */
    public static AAssociateAc answer(AAssociateRq rq, AAssociateAc ac) {
        boolean asked = rq.userInformation().find(UserInfoSubItem.UserIdentityRq.class)
                .map(UserInfoSubItem.UserIdentityRq::positiveResponseRequested).orElse(false);
        if (!asked) {
            return ac;
        }
        List<UserInfoSubItem> items = new ArrayList<>(ac.userInformation().subItems());
        items.add(new UserInfoSubItem.UserIdentityAc(new byte[0]));
        return new AAssociateAc(ac.protocolVersion(), ac.calledAeTitle(), ac.callingAeTitle(),
                ac.applicationContext(), ac.presentationContexts(), new UserInformation(items));
    }
}
