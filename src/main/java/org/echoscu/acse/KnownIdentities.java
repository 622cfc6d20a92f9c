package org.echoscu.acse;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.echoscu.pdu.AAssociateAc;
import org.echoscu.pdu.AAssociateRj;
import org.echoscu.pdu.AAssociateRq;
import org.echoscu.pdu.UserInfoSubItem;
import org.echoscu.pdu.UserInformation;
import org.echoscu.secret.Bcrypt;

/**
 * echoscp's user identity policy (PS3.7 D.3.3.7): the identities of a --users file and
 * whether a request must carry one. A refusal is an A-ASSOCIATE-RJ, rejected-permanent,
 * service-user, no-reason-given (PS3.8 table 9-21); a known identity that asks for a positive
 * response gets a user identity sub-item in the A-ASSOCIATE-AC (with an empty server response:
 * we hold no Kerberos, SAML or JWT server side to answer with).
 *
 * <p>The file (docs/credentials.md), one identity a line; {@code #} at the start of a line or
 * after a space or tab starts a comment, {@code \#} is a literal {@code #}; blank lines are
 * skipped:
 * <pre>
 * alice:$2y$10$...      type 2, the password's bcrypt hash, as htpasswd -nB alice writes it
 * user NAME PASSWORD    type 2 with this password in clear (the rest of the line, inner spaces included)
 * user NAME             type 1, the user name alone
 * jwt TOKEN             type 5, the token's text
 * saml BASE64           type 4, the assertion's bytes in base 64
 * kerberos BASE64       type 3, the ticket's bytes in base 64
 * </pre>
 * Tokens are compared as opaque bytes; nothing is validated cryptographically. Passwords are
 * compared in constant time, hashes by {@link Bcrypt} (also constant time).
 *
 * @param passwords  user name to password in clear; null for a user known by name alone
 * @param hashes     user name to bcrypt hash of the password
 * @param tokens     Kerberos, SAML and JWT tokens by identity type, base 64 of their bytes
 * @param listed     there is a --users file: an identity not in it is refused (else any will do)
 * @param required   a request without identity is refused
 * @param decoy      a hash of nobody's password at the cost of the file's hashes, checked for
 *                   an unknown user so that the time of the answer does not tell which users
 *                   exist; null when the file has no hashes
 */
public record KnownIdentities(Map<String, String> passwords, Map<String, String> hashes,
                              Map<Integer, List<String>> tokens, boolean listed, boolean required, String decoy) {

    private static final List<String> KINDS = List.of("user", "jwt", "saml", "kerberos");

    /** --require-identity without --users: any identity is accepted, none is not. */
    public static KnownIdentities anyIdentity() {
        return new KnownIdentities(Map.of(), Map.of(), Map.of(), false, true, null);
    }

    /** Thrown for a line of a --users file that is not understood; the message names the line, never a secret. */
    public static final class FormatException extends Exception {
        public FormatException(String message) {
            super(message);
        }
    }

    /**
     * The identities of a --users file's lines.
     *
     * @param warnings receives what the file should not hold but still works (passwords in
     *                 clear text), one message naming the lines, never a password
     */
    public static KnownIdentities parse(List<String> lines, boolean required, Consumer<String> warnings)
            throws FormatException {
        Map<String, String> passwords = new HashMap<>();
        Map<String, String> hashes = new HashMap<>();
        Map<Integer, List<String>> tokens = new HashMap<>();
        List<Integer> clear = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = withoutComment(lines.get(i)).strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] words = line.split("\\s+", 2);
            String rest = words.length > 1 ? words[1] : "";
            if (!KINDS.contains(words[0]) && line.indexOf(':') > 0) {
                String name = line.substring(0, line.indexOf(':'));
                if (!Bcrypt.isHash(line.substring(name.length() + 1))) {
                    throw new FormatException("line " + (i + 1) + ": the password of user '" + name
                            + "' is not a bcrypt hash (make one with htpasswd -nB " + name
                            + " or echoscp --hash-password; other htpasswd forms are not accepted)");
                }
                hashes.put(name, line.substring(name.length() + 1));
                passwords.remove(name);
                continue;
            }
            switch (words[0]) {
                case "user" -> {
                    String[] np = rest.split(" ", 2); // the password is the rest of the line, spaces and all
                    if (np[0].isEmpty()) {
                        throw new FormatException("line " + (i + 1) + ": 'user' without a user name");
                    }
                    passwords.put(np[0], np.length > 1 ? np[1] : null);
                    hashes.remove(np[0]);
                    if (np.length > 1) {
                        clear.add(i + 1);
                    }
                }
                case "jwt" -> addToken(tokens, UserIdentity.JWT, Base64.getEncoder()
                        .encodeToString(rest.getBytes(StandardCharsets.UTF_8)), i, words[0]);
                case "saml" -> addToken(tokens, UserIdentity.SAML, canonicalBase64(rest, i), i, words[0]);
                case "kerberos" -> addToken(tokens, UserIdentity.KERBEROS, canonicalBase64(rest, i), i, words[0]);
                default -> throw new FormatException("line " + (i + 1) + ": unknown kind '" + words[0]
                        + "' (expected NAME:BCRYPT-HASH, user, jwt, saml or kerberos)");
            }
        }
        if (!clear.isEmpty()) {
            warnings.accept((clear.size() == 1 ? "line " : "lines ") + joined(clear)
                    + " hold" + (clear.size() == 1 ? "s a password" : " passwords")
                    + " in clear text: store a bcrypt hash instead (NAME:HASH, from htpasswd -nB NAME"
                    + " or echoscp --hash-password)");
        }
        String decoy = null;
        if (!hashes.isEmpty()) {
            String any = hashes.values().iterator().next();
            byte[] nobody = new byte[16];
            new java.security.SecureRandom().nextBytes(nobody);
            decoy = Bcrypt.hash(nobody, Integer.parseInt(any.substring(4, 6)));
        }
        return new KnownIdentities(java.util.Collections.unmodifiableMap(passwords),
                java.util.Collections.unmodifiableMap(hashes), Map.copyOf(tokens), true, required, decoy);
    }

    private static String joined(List<Integer> numbers) {
        StringBuilder b = new StringBuilder();
        for (int n : numbers) {
            b.append(b.length() == 0 ? "" : ", ").append(n);
        }
        return b.toString();
    }

    /**
     * The line without its comment: {@code #} at the start or after a space or tab starts one
     * (as in --targets files; a {@code #} inside a word is kept), and {@code \#} stands for a
     * literal {@code #} anywhere, so that a password may hold " #".
     */
    static String withoutComment(String line) {
        StringBuilder b = new StringBuilder(line.length());
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\' && i + 1 < line.length() && line.charAt(i + 1) == '#') {
                b.append('#');
                i++;
            } else if (c == '#' && (i == 0 || line.charAt(i - 1) == ' ' || line.charAt(i - 1) == '\t')) {
                break;
            } else {
                b.append(c);
            }
        }
        return b.toString();
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
            return required ? "no user identity, and one is required" : null;
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
        String hash = hashes.get(name);
        if (hash != null) {
            if (u.identityType() == UserIdentity.USERNAME) {
                return UserIdentity.who(u) + " sent no password, and one is required";
            }
            return Bcrypt.matches(hash, u.secondaryField()) ? null : "wrong password for " + UserIdentity.who(u);
        }
        if (!passwords.containsKey(name)) {
            if (decoy != null && u.secondaryField() != null) {
                Bcrypt.matches(decoy, u.secondaryField()); // as long as a known user's check takes
            }
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
        return "KnownIdentities[" + (passwords.size() + hashes.size()) + " users, " + tokens.values().stream().mapToInt(List::size).sum()
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
