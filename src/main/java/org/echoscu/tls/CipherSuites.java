package org.echoscu.tls;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Facts about TLS cipher suites, read from their IANA names: whether they encrypt, how strong
 * they are (for the server's order of preference, strongest first, as DCMTK does it), and
 * which entries of the JVM's {@code jdk.tls.disabledAlgorithms} stand in their way.
 * JSSE knows some suites by their old SSL_ names; it accepts the IANA TLS_ names as aliases,
 * and we always show the IANA name.
 */
public final class CipherSuites {

    /** The TLS 1.3 suites, offered whenever a profile allows TLS 1.3 (OpenSSL's default order). */
    public static final List<String> TLS13 = List.of("TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256",
            "TLS_AES_128_GCM_SHA256");

    /** Entries of jdk.tls.disabledAlgorithms we lift when the chosen configuration needs them, and only then. */
    public static final String NULL_TOKEN = "NULL";
    public static final String TRIPLE_DES_TOKEN = "3DES_EDE_CBC";
    public static final String STATIC_ECDH_TOKEN = "ECDH";

    private CipherSuites() {
    }

    /** The IANA name of a suite as JSSE reports it (SSL_RSA_WITH_NULL_SHA becomes TLS_RSA_WITH_NULL_SHA). */
    public static String iana(String jsseName) {
        return jsseName.startsWith("SSL_") ? "TLS_" + jsseName.substring(4) : jsseName;
    }

    public static boolean isTls13(String name) {
        return name.startsWith("TLS_") && !name.contains("_WITH_");
    }

    /** Whether the record MAC is HMAC-SHA-1: the name ends in _SHA (not _SHA256 or _SHA384). */
    public static boolean sha1Mac(String name) {
        return iana(name).endsWith("_SHA");
    }

    /** False for suites that authenticate but do not encrypt (…_WITH_NULL_…). */
    public static boolean encrypts(String name) {
        return !name.contains("_WITH_NULL_");
    }

    /**
     * Whether we offer a suite at all, with +cs or in +cc: suites with authentication and a
     * cipher of at least 3DES strength. Anonymous, export, RC4, single DES, MD5-MAC and
     * Kerberos suites, and the renegotiation SCSV, are never offered; TLS 1.3 suites come with
     * the protocol, not one by one.
     */
    public static boolean offerable(String name) {
        String n = name.toUpperCase(Locale.ROOT);
        if (!n.startsWith("TLS_") && !n.startsWith("SSL_")) {
            return false;
        }
        if (isTls13(iana(n)) || n.contains("SCSV") || n.contains("_ANON_") || n.contains("EXPORT")
                || n.contains("RC4") || n.contains("KRB5") || n.endsWith("_MD5")) {
            return false;
        }
        return !n.contains("_WITH_DES_") && !n.contains("_DES40_") && !n.contains("_DES_CBC_");
    }

    /** The disabledAlgorithms entries that block this suite (beyond protocol versions). */
    public static Set<String> blockingTokens(String name) {
        Set<String> tokens = new LinkedHashSet<>();
        String n = iana(name);
        if (!encrypts(n)) {
            tokens.add(NULL_TOKEN);
        }
        if (n.contains("3DES_EDE_CBC")) {
            tokens.add(TRIPLE_DES_TOKEN);
        }
        if (n.startsWith("TLS_ECDH_")) {
            tokens.add(STATIC_ECDH_TOKEN);
        }
        return tokens;
    }

    /** The union of {@link #blockingTokens} over some suites. */
    public static Set<String> blockingTokens(Collection<String> names) {
        Set<String> all = new LinkedHashSet<>();
        for (String n : names) {
            all.addAll(blockingTokens(n));
        }
        return all;
    }

    /**
     * Weakest first: suites without forward secrecy before those with it, then by effective
     * key size, then by key exchange (RSA, ECDH, ECDHE, DHE), MAC (SHA-1, SHA-256, SHA-384,
     * AEAD) and authentication. This is DCMTK's ordering rule; the server takes the reverse.
     */
    public static final Comparator<String> WEAKEST_FIRST = new WeakestFirst();

    /**
     * {@link #WEAKEST_FIRST} written out rather than chained from lambdas: six lambda call sites
     * cost every TLS run (and +cc, --list-profiles) their bootstrap when this class loads.
     */
    private static final class WeakestFirst implements Comparator<String> {
        @Override
        public int compare(String a, String b) {
            int c = Integer.compare(forwardSecret(a) ? 1 : 0, forwardSecret(b) ? 1 : 0);
            if (c == 0) {
                c = Integer.compare(effectiveBits(a), effectiveBits(b));
            }
            if (c == 0) {
                c = Integer.compare(exchangeRank(a), exchangeRank(b));
            }
            if (c == 0) {
                c = Integer.compare(macRank(a), macRank(b));
            }
            if (c == 0) {
                c = Integer.compare(signedByDsaOrEcdsa(a) ? 0 : 1, signedByDsaOrEcdsa(b) ? 0 : 1);
            }
            return c != 0 ? c : iana(a).compareTo(iana(b));
        }

        private static boolean signedByDsaOrEcdsa(String s) {
            return iana(s).contains("_ECDSA_") || iana(s).contains("_DSS_");
        }
    }

    /** Strongest first: the order a server prefers. */
    public static List<String> strongestFirst(Collection<String> names) {
        List<String> sorted = new ArrayList<>(names);
        sorted.sort(WEAKEST_FIRST.reversed());
        return sorted;
    }

    static boolean forwardSecret(String name) {
        String n = iana(name);
        return n.startsWith("TLS_ECDHE_") || n.startsWith("TLS_DHE_") || isTls13(n);
    }

    static int effectiveBits(String name) {
        String n = iana(name);
        if (!encrypts(n)) {
            return 0;
        }
        if (n.contains("3DES")) {
            return 112;
        }
        if (n.contains("_256_") || n.contains("CHACHA20")) {
            return 256;
        }
        return 128;
    }

    private static int exchangeRank(String name) {
        String n = iana(name);
        if (n.startsWith("TLS_DHE_")) {
            return 3;
        }
        if (n.startsWith("TLS_ECDHE_")) {
            return 2;
        }
        if (n.startsWith("TLS_ECDH_")) {
            return 1;
        }
        return 0;
    }

    private static int macRank(String name) {
        String n = iana(name);
        if (n.contains("_GCM_") || n.contains("CHACHA20") || n.contains("_CCM")) {
            return n.contains("CHACHA20") ? 3 : 4;
        }
        if (n.endsWith("_SHA384")) {
            return 2;
        }
        if (n.endsWith("_SHA256")) {
            return 1;
        }
        return 0;
    }
}
