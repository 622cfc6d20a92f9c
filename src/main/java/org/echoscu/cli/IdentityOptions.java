package org.echoscu.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.echoscu.acse.KnownIdentities;
import org.echoscu.acse.UserIdentity;
import org.echoscu.pdu.UserInfoSubItem;
import org.echoscu.secret.SecretFile;

/**
 * The user identity options (PS3.7 D.3.3.7): echoscu's are DCMTK storescu's (-usr, -pwd,
 * -epw, -kt, --saml, --jwt, -rsp, with its rules and texts), echoscp's are --users and
 * --require-identity. Loaded only when one of them is given (the option tables list them in
 * EchoscuCommand and EchoscpCommand, which a plain run loads anyway).
 */
final class IdentityOptions {

    private IdentityOptions() {
    }

    /**
     * echoscu's identity sub-item, checked as DCMTK's storescu checks it; null when none of
     * the options is given. Of -usr, -kt, --saml and --jwt the rightmost wins, as in storescu.
     */
    static UserInfoSubItem.UserIdentityRq request(ParsedArgs p) throws UsageException {
        ParsedArgs.Occurrence mode = p.last("-usr", "-kt", "--saml", "--jwt");
        boolean user = mode != null && mode.opt().shortName() != null && mode.opt().shortName().equals("-usr");
        if (p.has("-pwd") && !user) {
            throw new UsageException("--password only allowed with --user");
        }
        if (p.has("--password-file") && !user) {
            throw new UsageException("--password-file only allowed with --user");
        }
        boolean password = p.has("-pwd") || p.has("--password-file");
        if (p.has("-epw") && (!user || password)) {
            throw new UsageException("--empty-password only allowed with --user");
        }
        boolean positive = p.has("-rsp");
        if (positive && mode == null) {
            throw new UsageException("--pos-response only allowed with --user, --kerberos or --saml");
        }
        if (mode == null) {
            return null;
        }
        if (user) {
            String secret = password ? password(p) : p.has("-epw") ? "" : null;
            return UserIdentity.user(mode.values().get(0), secret, positive);
        }
        int type = switch (mode.opt().longName()) {
            case "--kerberos" -> UserIdentity.KERBEROS;
            case "--saml" -> UserIdentity.SAML;
            default -> UserIdentity.JWT;
        };
        String file = mode.values().get(0);
        try {
            return UserIdentity.token(type, Files.readAllBytes(Path.of(file)), positive);
        } catch (IOException e) {
            throw new UsageException("Unable to open Kerberos, SAML or JWT file '" + file + "': "
                    + (e instanceof java.nio.file.NoSuchFileException ? "No such file or directory" : e.getMessage()));
        }
    }

    /**
     * echoscp's policy from --users, --require-identity and --identity-optional; null when none
     * is given. {@code --users} alone is strict: a client without identity is refused, since a
     * users file reads as an allow-list (docs/credentials.md); {@code --identity-optional} admits
     * clients that send none and still checks those that send one. What the file should not hold
     * (passwords in clear, a mode that lets others read it) is warned about once logging is set
     * up ({@link ParsedArgs#warn}).
     */
    static KnownIdentities server(ParsedArgs p) throws UsageException {
        boolean optional = p.has("--identity-optional");
        String file = p.value("--users", null);
        if (p.has("--require-identity") && optional) {
            throw new UsageException("--identity-optional not allowed with --require-identity");
        }
        if (file == null) {
            if (optional) {
                throw new UsageException("--identity-optional only allowed with --users");
            }
            return p.has("--require-identity") ? KnownIdentities.anyIdentity() : null;
        }
        Path path = Path.of(file);
        String where = "users file '" + file + "', ";
        try {
            KnownIdentities k = KnownIdentities.parse(Files.readAllLines(path), !optional,
                    w -> p.warn(where + w));
            String readable = SecretFile.warning("users file", path);
            if (readable != null) {
                p.warn(readable);
            }
            return k;
        } catch (IOException e) {
            throw new UsageException("cannot read users file '" + file + "': "
                    + (e instanceof java.nio.file.NoSuchFileException ? "no such file" : e.getMessage()));
        } catch (KnownIdentities.FormatException e) {
            throw new UsageException(where + e.getMessage());
        }
    }

    /**
     * The password of -pwd or --password-file (the rightmost wins), null when neither is given;
     * a password file others can read adds a warning.
     */
    static String password(ParsedArgs p) throws UsageException {
        ParsedArgs.Occurrence o = p.last("-pwd", "--password-file");
        if (o == null) {
            return null;
        }
        if (o.opt().shortName() != null) {
            return o.values().get(0);
        }
        return secretFile(p, o.values().get(0), "password file");
    }

    /** The secret of a password file, its readability warned about; a file that cannot be used is a command-line error. */
    static String secretFile(ParsedArgs p, String file, String what) throws UsageException {
        Path path = Path.of(file);
        try {
            String secret = SecretFile.read(path);
            String readable = SecretFile.warning(what, path);
            if (readable != null) {
                p.warn(readable);
            }
            return secret;
        } catch (SecretFile.UnusableException e) {
            throw new UsageException(what + " " + e.getMessage());
        }
    }
}
