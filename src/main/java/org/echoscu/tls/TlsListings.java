package org.echoscu.tls;

import java.io.PrintStream;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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

    /**
     * +cc: every suite +cs accepts in this JVM, in DCMTK 3.7.0's order (weakest first), then
     * those DCMTK does not know, weakest first by the same rule.
     */
    public static void ciphers(PrintStream out) throws TlsSetupException {
        SSLContext c = context();
        List<String> supported = JvmTls.supportedSuites(c);
        List<String> ordered = new ArrayList<>(DcmtkSuiteOrder.WEAKEST_FIRST);
        ordered.retainAll(supported);
        for (String s : supported) {
            if (!ordered.contains(s)) {
                ordered.add(s);
            }
        }
        out.println();
        out.println("Supported TLS ciphersuites are:");
        for (String s : ordered) {
            out.println("  " + s);
        }
    }

    /**
     * --list-profiles: DCMTK 3.7.0's list, in the order of the options, with what this JVM
     * lacks beneath a profile (e.g. +pm's CCM and Camellia suites, which JSSE does not have).
     */
    public static void profiles(PrintStream out) throws TlsSetupException {
        SSLContext c = context();
        out.println("Cryptographic algorithms implemented by: JSSE (" + System.getProperty("java.vendor") + " "
                + System.getProperty("java.version") + ")");
        out.println();
        out.println("Supported TLS Secure Transport Connection Profiles are:");
        Map<String, Boolean> probed = new HashMap<>(); // profiles share suites: each is tried once
        for (TlsProfile p : TlsProfile.values()) {
            Availability a = availability(c, p, probed);
            String label = p == TlsProfile.DEFAULT ? " (default)" : p.retired() ? " (retired)" : "";
            if (!a.missing.isEmpty()) {
                out.println("- " + p.title() + label + ": NOT supported by this JVM (missing "
                        + String.join(", ", a.missing) + ")");
                continue;
            }
            out.println("- " + p.title() + label);
            if (!a.lacking.isEmpty()) {
                out.println("    used without " + String.join(", ", a.lacking) + " (not supported by this JVM)");
            }
        }
    }

    /** What of a profile this JVM can use; {@code lacking}: its optional suites the JVM does not have. */
    record Availability(List<String> protocols, List<String> suites, List<String> tls13, List<String> missing,
                        List<String> lacking) {
    }

    static Availability availability(SSLContext c, TlsProfile p) {
        return availability(c, p, new HashMap<>());
    }

    /** {@code probed}: what earlier probes found, keyed by protocol and suite. */
    static Availability availability(SSLContext c, TlsProfile p, Map<String, Boolean> probed) {
        List<String> protocols = new ArrayList<>();
        List<String> suites = new ArrayList<>();
        List<String> tls13 = new ArrayList<>();
        List<String> all = p.suites(List.of());
        for (String protocol : p.protocols()) {
            List<String> offered = offered(c, protocol, protocol.equals("TLSv1.3") ? p.tls13() : all, probed);
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
        List<String> lacking = new ArrayList<>();
        for (String s : p.optional()) {
            if (!suites.contains(s)) {
                lacking.add(s);
            }
        }
        if (p.allowsTls13()) {
            for (String s : p.tls13()) {
                if (p.isOptional(s) && !tls13.contains(s)) {
                    lacking.add(s);
                }
            }
        }
        return new Availability(protocols, suites, tls13, missing, lacking);
    }

    private static List<String> offered(SSLContext c, String protocol, List<String> suites, Map<String, Boolean> probed) {
        List<String> out = new ArrayList<>();
        for (String s : suites) {
            String key = protocol + ' ' + s;
            Boolean sent = probed.get(key);
            if (sent == null) {
                sent = !JvmTls.offered(c, protocol, List.of(s)).isEmpty();
                probed.put(key, sent);
            }
            if (sent) {
                out.add(s);
            }
        }
        return out;
    }
}
