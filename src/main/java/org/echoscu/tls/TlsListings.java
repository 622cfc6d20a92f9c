package org.echoscu.tls;

import java.io.PrintStream;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;

import javax.net.ssl.SSLContext;

/**
 * +cc and --list-profiles: what this JVM can really do, found by asking JSSE (each suite is
 * tried in a ClientHello), after lifting the entries of jdk.tls.disabledAlgorithms that a
 * profile would lift. Nothing is assumed from a table.
 */
public final class TlsListings {

    private TlsListings() {
    }

    private static SSLContext context() throws TlsSetupException {
        JvmTls.allow(JvmTls.LIFTABLE);
        try {
            return JvmTls.probeContext();
        } catch (GeneralSecurityException e) {
            throw new TlsSetupException("this JVM has no TLS: " + KeyMaterial.reason(e));
        }
    }

    /** +cc: every suite +cs accepts, weakest first, then the TLS 1.3 suites. */
    public static void ciphers(PrintStream out) throws TlsSetupException {
        SSLContext c = context();
        out.println("Supported TLS ciphersuites are:");
        for (String s : JvmTls.supportedSuites(c)) {
            out.println("  " + s);
        }
        out.println("TLS 1.3 ciphersuites (used whenever the profile allows TLS 1.3):");
        for (String s : JvmTls.offered(c, "TLSv1.3", CipherSuites.TLS13)) {
            out.println("  " + s);
        }
    }

    /** --list-profiles: each profile with the protocol versions and suites this JVM can do under it. */
    public static void profiles(PrintStream out) throws TlsSetupException {
        SSLContext c = context();
        out.println("TLS profiles (protocol versions and ciphersuites as this JVM can use them):");
        for (TlsProfile p : TlsProfile.values()) {
            Availability a = availability(c, p);
            out.println();
            out.println("  " + p.option() + "  " + p.longOption() + "  " + p.title()
                    + (p == TlsProfile.DEFAULT ? " (default)" : "") + ": "
                    + (a.missing.isEmpty() ? "supported" : "NOT supported by this JVM (missing "
                    + String.join(", ", a.missing) + ")"));
            out.println("    protocol versions: " + (a.protocols.isEmpty() ? "none" : String.join(", ", a.protocols)));
            if (p.allowsTls13()) {
                out.println("    TLS 1.3 ciphersuites: " + (a.tls13.isEmpty() ? "none" : String.join(", ", a.tls13)));
            }
            out.println("    ciphersuites:");
            for (String s : p.required()) {
                out.println("      " + s + (a.suites.contains(s) ? "" : "  (not supported by this JVM)"));
            }
            for (String s : p.optional()) {
                out.println("      " + s + (a.suites.contains(s) ? "  (optional)" : "  (optional, not supported by this JVM)"));
            }
            List<String> lifts = new ArrayList<>(p.blockingTokens(List.of()));
            lifts.retainAll(JvmTls.lifted());
            if (!lifts.isEmpty()) {
                out.println("    lifted from jdk.tls.disabledAlgorithms for this profile: " + String.join(", ", lifts));
            }
            if (p == TlsProfile.BCP195_EX) {
                out.println("    no additional ciphersuites (+cs) allowed");
            } else if (p != TlsProfile.NULL) {
                out.println("    +cs may add encrypted ciphersuites only");
            }
        }
    }

    /** What of a profile this JVM can use. */
    record Availability(List<String> protocols, List<String> suites, List<String> tls13, List<String> missing) {
    }

    static Availability availability(SSLContext c, TlsProfile p) {
        List<String> protocols = new ArrayList<>();
        List<String> suites = new ArrayList<>();
        List<String> tls13 = new ArrayList<>();
        List<String> all = p.suites(List.of());
        for (String protocol : p.protocols()) {
            List<String> offered = protocol.equals("TLSv1.3")
                    ? JvmTls.offered(c, protocol, CipherSuites.TLS13)
                    : JvmTls.offered(c, protocol, all);
            if (!offered.isEmpty()) {
                protocols.add(protocol);
            }
            for (String s : offered) {
                List<String> into = protocol.equals("TLSv1.3") ? tls13 : suites;
                if (!into.contains(s)) {
                    into.add(s);
                }
            }
        }
        List<String> missing = new ArrayList<>();
        for (String s : p.required()) {
            if (!suites.contains(s)) {
                missing.add(s);
            }
        }
        if (protocols.isEmpty()) {
            missing.add("every protocol version");
        }
        return new Availability(protocols, suites, tls13, missing);
    }
}
