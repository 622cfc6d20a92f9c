package org.echoscu.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

import org.echoscu.log.Fatal;
import org.echoscu.log.Logs;
import org.echoscu.net.SocketLayer;
import org.echoscu.tls.CrlMode;
import org.echoscu.tls.OfflineChecks;
import org.echoscu.tls.Passwords;
import org.echoscu.tls.PeerCertificate;
import org.echoscu.tls.TlsListings;
import org.echoscu.tls.TlsProfile;
import org.echoscu.tls.TlsSettings;
import org.echoscu.tls.TlsSetupException;
import org.echoscu.tls.TlsSocketLayer;
import org.slf4j.Logger;

/**
 * Acts on the TLS options once {@link TlsOptions} has checked them: builds the settings,
 * the socket layers, and runs the exclusive options. Loaded only when a TLS option is used.
 */
final class TlsRuntime {

    private TlsRuntime() {
    }

    /** The settings of a command line whose TLS options {@link TlsOptions#check} accepted. */
    static TlsSettings settings(ParsedArgs p, boolean client) throws UsageException {
        ParsedArgs.Occurrence transport = client ? p.last(TlsOptions.TRANSPORT) : p.last("-tls", "+tls");
        boolean authenticate = transport != null && transport.opt().shortName().equals("+tls");
        ParsedArgs.Occurrence password = p.last("+ps", "+pw", "-pw", "--key-password-file");
        ParsedArgs.Occurrence format = p.last("-pem", "-der");
        ParsedArgs.Occurrence seed = p.last("+rs");
        ParsedArgs.Occurrence writeSeed = p.last("+ws", "+wf");
        ParsedArgs.Occurrence peer = client ? p.last("-rc", "-ic") : p.last("-rc", "-vc", "-ic");
        ParsedArgs.Occurrence profileOption = p.last(TlsOptions.PROFILES);
        List<ParsedArgs.Occurrence> ciphers = p.all("+cs");

        TlsProfile profile = profileOption == null ? TlsProfile.DEFAULT
                : TlsProfile.ofOption(profileOption.opt().shortName());
        List<String> added = new ArrayList<>();
        for (ParsedArgs.Occurrence o : ciphers) {
            String suite = o.values().get(0).trim();
            added.add(suite.startsWith("SSL_") ? "TLS_" + suite.substring(4) : suite);
        }
        Passwords passwords;
        if (password == null || "+ps".equals(password.opt().shortName())) {
            passwords = Passwords.prompt();
        } else if (password.opt().shortName() == null) { // --key-password-file; the rightmost of the four wins
            passwords = Passwords.given(IdentityOptions.secretFile(p, password.values().get(0), "key password file"));
        } else {
            passwords = Passwords.given(password.opt().shortName().equals("-pw") ? "" : password.values().get(0));
        }
        ParsedArgs.Occurrence crlCheck = p.last("+crv", "+cra"); // exclusive since DCMTK 3.7.0: the rightmost wins
        CrlMode crl = crlCheck != null && crlCheck.opt().shortName().equals("+cra") ? CrlMode.CHAIN
                : crlCheck != null || p.has("+crl") ? CrlMode.LEAF : CrlMode.NONE;
        PeerCertificate peerCert = PeerCertificate.REQUIRE;
        if (peer != null && peer.opt().shortName().equals("-ic")) {
            peerCert = PeerCertificate.IGNORE;
        } else if (peer != null && peer.opt().shortName().equals("-vc")) {
            peerCert = PeerCertificate.VERIFY_IF_PRESENT;
        }
        String seedFile = seed == null ? null : seed.values().get(0);
        String writeTo = writeSeed == null ? null
                : writeSeed.opt().shortName().equals("+ws") ? seedFile : writeSeed.values().get(0);
        return new TlsSettings(client, authenticate ? transport.values().get(0) : null,
                authenticate ? transport.values().get(1) : null, passwords,
                format != null && format.opt().shortName().equals("-der"),
                values(p, "+cf"), values(p, "+cd"), values(p, "+crl"), crl, profile, added, seedFile, writeTo,
                peerCert, client ? p.value("--request-sni", null) : null, client ? null : p.value("--expect-sni", null));
    }

    /**
     * The exclusive TLS options: +cc, --list-profiles, and for echoscu +vc and +rc. They act
     * alone, without the command's parameters.
     *
     * @return the exit code
     */
    static int exclusive(ParsedArgs p, String tool, String purpose, boolean client, List<String> expanded,
                         PrintStream out, PrintStream err) throws UsageException {
        boolean ciphers = p.has("+cc");
        boolean profiles = p.has("--list-profiles");
        boolean root = client && p.has("+rc");
        if (ciphers || profiles) {
            out.println(Version.header(tool));
            out.println();
            out.println(tool + ": " + purpose);
            out.println();
            // DCMTK's host lines; the runtime stands where DCMTK names its build options
            out.println("Host type: " + System.getProperty("os.name") + " " + System.getProperty("os.arch"));
            out.println("Character encoding: " + java.nio.charset.Charset.defaultCharset());
            out.println("Java runtime: " + System.getProperty("java.vm.name") + " "
                    + System.getProperty("java.runtime.version") + " (" + System.getProperty("java.vendor") + ")");
            try {
                if (ciphers) {
                    TlsListings.ciphers(out);
                } else {
                    TlsListings.profiles(out);
                }
            } catch (TlsSetupException e) {
                err.println("F: " + e.getMessage());
                return 1;
            }
            return 0;
        }
        TlsSettings settings = settings(p, client);
        CommonOptions.logging(p, tool, expanded, err);
        Logger log = Logs.get("dcmtk.apps." + tool); // the listings above log nothing, and load no logging
        if (root) {
            return OfflineChecks.isRoot(p.value("+rc", null), settings.der(), out, m -> log.error("{}", m));
        }
        return OfflineChecks.verify(p.value("+vc", null), settings, out, m -> log.error("{}", m));
    }

    /**
     * The client layer for echoscu, or null after logging (fatal) why it cannot be made;
     * {@code checkHostname}: --check-hostname.
     */
    static SocketLayer clientLayer(TlsSettings settings, int timeoutSeconds, boolean checkHostname, Logger log) {
        TlsSocketLayer layer = layer(settings, timeoutSeconds, log);
        return layer != null && checkHostname ? layer.withHostnameCheck() : layer;
    }

    /**
     * The server layer for echoscp, or null after logging (fatal) why it cannot be made. The
     * random seed is written back when the server stops.
     */
    static SocketLayer serverLayer(TlsSettings settings, int timeoutSeconds, Logger log) {
        TlsSocketLayer layer = layer(settings, timeoutSeconds, log);
        if (layer != null && settings.writeSeedFile() != null) {
            Runtime.getRuntime().addShutdownHook(new Thread(layer::close, "echoscp-seed"));
        }
        return layer;
    }

    /** Writes the random seed back (+ws, +wf) once echoscu is done. */
    static void finish(SocketLayer layer) {
        if (layer instanceof TlsSocketLayer tls) {
            tls.close();
        }
    }

    private static TlsSocketLayer layer(TlsSettings settings, int timeoutSeconds, Logger log) {
        try {
            return TlsSocketLayer.create(settings, timeoutSeconds);
        } catch (TlsSetupException e) {
            for (String line : e.getMessage().split("\n")) { // DCMTK's refusal of a +cs suite takes two lines
                log.error(Fatal.MARKER, "{}", line);
            }
            return null;
        }
    }

    private static List<String> values(ParsedArgs p, String name) {
        List<String> out = new ArrayList<>();
        for (ParsedArgs.Occurrence o : p.all(name)) {
            out.add(o.values().get(0));
        }
        return out;
    }
}
