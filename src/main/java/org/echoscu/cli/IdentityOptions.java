package org.echoscu.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.echoscu.acse.KnownIdentities;
import org.echoscu.acse.UserIdentity;
import org.echoscu.pdu.UserInfoSubItem;

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
        if (p.has("-epw") && (!user || p.has("-pwd"))) {
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
            String password = p.has("-pwd") ? p.value("-pwd", "") : p.has("-epw") ? "" : null;
            return UserIdentity.user(mode.values().get(0), password, positive);
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

    /** echoscp's policy from --users and --require-identity; null when neither is given. */
    static KnownIdentities server(ParsedArgs p) throws UsageException {
        boolean required = p.has("--require-identity");
        String file = p.value("--users", null);
        if (file == null) {
            return required ? KnownIdentities.anyIdentity() : null;
        }
        try {
            return KnownIdentities.parse(Files.readAllLines(Path.of(file)), required);
        } catch (IOException e) {
            throw new UsageException("cannot read users file '" + file + "': "
                    + (e instanceof java.nio.file.NoSuchFileException ? "no such file" : e.getMessage()));
        } catch (KnownIdentities.FormatException e) {
            throw new UsageException("users file '" + file + "', " + e.getMessage());
        }
    }
}
