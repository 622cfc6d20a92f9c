package org.echoscu.tls;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;


/**
 * +cc and --list-profiles: what this JVM can really do, found by asking JSSE (each suite is
 * tried in a ClientHello), after lifting the entries of jdk.tls.disabledAlgorithms that a
 * profile would lift. Nothing is assumed from a table; the answers are kept per JVM
 * ({@link JvmTlsFacts}), so only the first listing on a JVM pays for asking.
 */
public final class TlsListings {

    private TlsListings() {
    }


    /** Whether a file of kept answers is there to read (bin/.launch names it; the TLS training fills it). */
    public static boolean answersKept() {
        Path file = JvmTlsFacts.file();
        return file != null && Files.isRegularFile(file);
    }

    /**
     * +cc: every suite +cs accepts in this JVM, in DCMTK 3.7.0's order (weakest first), then
     * those DCMTK does not know, weakest first by the same rule.
     */
    public static void ciphers(PrintStream out) throws TlsSetupException {
        JvmTlsFacts facts = JvmTlsFacts.open();
        List<String> supported = facts.supportedSuites();
        facts.save();
        Set<String> left = new LinkedHashSet<>(supported);
        // one string, one write: a line at a time is a system call each on System.out
        StringBuilder text = new StringBuilder("\nSupported TLS ciphersuites are:\n");
        for (String s : DcmtkSuiteOrder.WEAKEST_FIRST) {
            if (left.remove(s)) {
                text.append("  ").append(s).append('\n');
            }
        }
        for (String s : left) {
            text.append("  ").append(s).append('\n');
        }
        out.print(text);
    }

    /**
     * --list-profiles: DCMTK 3.7.0's list, in the order of the options, with what this JVM
     * lacks beneath a profile (e.g. +pm's CCM and Camellia suites, which JSSE does not have).
     */
    public static void profiles(PrintStream out) throws TlsSetupException {
        JvmTlsFacts facts = JvmTlsFacts.open();
        StringBuilder text = new StringBuilder("Cryptographic algorithms implemented by: JSSE (")
                .append(System.getProperty("java.vendor")).append(' ').append(System.getProperty("java.version"))
                .append(")\n\nSupported TLS Secure Transport Connection Profiles are:\n");
        for (TlsProfile p : TlsProfile.values()) {
            Availability a = availability(facts, p);
            String label = p == TlsProfile.DEFAULT ? " (default)" : p.retired() ? " (retired)" : "";
            if (!a.missing.isEmpty()) {
                text.append("- ").append(p.title()).append(label).append(": NOT supported by this JVM (missing ")
                        .append(String.join(", ", a.missing)).append(")\n");
                continue;
            }
            text.append("- ").append(p.title()).append(label).append('\n');
            if (!a.lacking.isEmpty()) {
                text.append("    used without ").append(String.join(", ", a.lacking))
                        .append(" (not supported by this JVM)\n");
            }
        }
        out.print(text);
        facts.save();
    }

    /** What of a profile this JVM can use; {@code lacking}: its optional suites the JVM does not have. */
    record Availability(List<String> protocols, List<String> suites, List<String> tls13, List<String> missing,
                        List<String> lacking) {
    }

    /** {@code facts}: what this JVM's TLS sends, asked of JSSE once per protocol and suite (and kept). */
    static Availability availability(JvmTlsFacts facts, TlsProfile p) throws TlsSetupException {
        List<String> protocols = new ArrayList<>();
        List<String> suites = new ArrayList<>();
        List<String> tls13 = new ArrayList<>();
        List<String> all = p.suites(List.of());
        for (String protocol : p.protocols()) {
            List<String> offered = offered(facts, protocol, protocol.equals("TLSv1.3") ? p.tls13() : all);
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

    private static List<String> offered(JvmTlsFacts facts, String protocol, List<String> suites)
            throws TlsSetupException {
        List<String> out = new ArrayList<>();
        for (String s : suites) {
            if (facts.sends(protocol, s)) {
                out.add(s);
            }
        }
        return out;
    }
}
