package org.echoscu.tls;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * DCMTK 3.7.0's TLS security profiles (PS3.15 Annex B; BCP 195 as RFC 8996 and RFC 9325
 * revised it): the cipher suites each names (IANA names, in DCMTK's order), those of them it
 * uses only where the JVM has them, the protocol versions it allows and its TLS 1.3 suites.
 * What a profile lets +cs add is {@link SuitePolicy}'s business.
 */
public enum TlsProfile {

    /** BCP 195 RFC 8996 (the default since DCMTK 3.7.0): ECDHE with AES-GCM, TLS 1.2 and 1.3. */
    RFC8996("+pg", "--profile-8996", "BCP 195 RFC 8996 TLS Profile",
            List.of("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
                    "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384"),
            Set.of(), Tls.V12_13, CipherSuites.TLS13, Set.of()),
    /**
     * The Modified BCP 195 RFC 8996 profile: adds Camellia-GCM, CCM and ChaCha20-Poly1305
     * suites, and the TLS 1.3 CCM suites. JSSE has no Camellia and no CCM: those are used
     * where a JVM has them, as DCMTK leaves out Camellia where its OpenSSL lacks it.
     */
    RFC8996_MODIFIED("+pm", "--profile-8996-mod", "Modified BCP 195 RFC 8996 TLS Profile",
            List.of("TLS_ECDHE_RSA_WITH_CAMELLIA_128_GCM_SHA256", "TLS_ECDHE_ECDSA_WITH_CAMELLIA_128_GCM_SHA256",
                    "TLS_ECDHE_ECDSA_WITH_AES_128_CCM", "TLS_ECDHE_ECDSA_WITH_AES_128_CCM_8",
                    "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
                    "TLS_ECDHE_RSA_WITH_CAMELLIA_256_GCM_SHA384", "TLS_ECDHE_ECDSA_WITH_CAMELLIA_256_GCM_SHA384",
                    "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256", "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256",
                    "TLS_ECDHE_ECDSA_WITH_AES_256_CCM", "TLS_ECDHE_ECDSA_WITH_AES_256_CCM_8",
                    "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384"),
            Set.of("TLS_ECDHE_RSA_WITH_CAMELLIA_128_GCM_SHA256", "TLS_ECDHE_ECDSA_WITH_CAMELLIA_128_GCM_SHA256",
                    "TLS_ECDHE_ECDSA_WITH_AES_128_CCM", "TLS_ECDHE_ECDSA_WITH_AES_128_CCM_8",
                    "TLS_ECDHE_RSA_WITH_CAMELLIA_256_GCM_SHA384", "TLS_ECDHE_ECDSA_WITH_CAMELLIA_256_GCM_SHA384",
                    "TLS_ECDHE_ECDSA_WITH_AES_256_CCM", "TLS_ECDHE_ECDSA_WITH_AES_256_CCM_8"),
            Tls.V12_13,
            List.of("TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256", "TLS_AES_128_GCM_SHA256",
                    "TLS_AES_128_CCM_SHA256", "TLS_AES_128_CCM_8_SHA256"),
            Set.of("TLS_AES_128_CCM_SHA256", "TLS_AES_128_CCM_8_SHA256")),
    BCP195_ND("+py", "--profile-bcp195-nd", "Non-downgrading BCP 195 TLS Profile",
            Tls.GCM4, Set.of(), Tls.V12_13, CipherSuites.TLS13, Set.of()),
    BCP195("+px", "--profile-bcp195", "BCP 195 TLS Profile",
            Tls.concat(Tls.GCM4, "TLS_RSA_WITH_AES_128_CBC_SHA", "TLS_RSA_WITH_3DES_EDE_CBC_SHA"),
            Set.of("TLS_RSA_WITH_3DES_EDE_CBC_SHA"),
            List.of("TLSv1.3", "TLSv1.2", "TLSv1.1", "TLSv1"), CipherSuites.TLS13, Set.of()),
    BCP195_EX("+pz", "--profile-bcp195-ex", "Extended BCP 195 TLS Profile",
            Tls.concat(Tls.GCM4, "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256"),
            Set.of(), List.of("TLSv1.2"), List.of(), Set.of()),
    /** Kept for DCMTK 3.6.5's +pb; DCMTK 3.7.0 offers it only where its OpenSSL has 3DES. */
    BASIC("+pb", "--profile-basic", "Basic TLS Secure Transport Connection Profile",
            List.of("TLS_RSA_WITH_3DES_EDE_CBC_SHA"), Set.of(), Tls.V10_12, List.of(), Set.of()),
    AES("+pa", "--profile-aes", "AES TLS Secure Transport Connection Profile",
            List.of("TLS_RSA_WITH_AES_128_CBC_SHA", "TLS_RSA_WITH_3DES_EDE_CBC_SHA"),
            Set.of("TLS_RSA_WITH_3DES_EDE_CBC_SHA"), Tls.V10_12, List.of(), Set.of()),
    NULL("+pn", "--profile-null", "Authenticated unencrypted communication",
            List.of("TLS_RSA_WITH_NULL_SHA"), Set.of(), Tls.V10_12, List.of(), Set.of());

    public static final TlsProfile DEFAULT = RFC8996;

    /** Lists shared by several profiles (an enum cannot name its own static fields in its constants). */
    private static final class Tls {
        static final List<String> V12_13 = List.of("TLSv1.3", "TLSv1.2");
        static final List<String> V10_12 = List.of("TLSv1.2", "TLSv1.1", "TLSv1");
        static final List<String> GCM4 = List.of("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
                "TLS_DHE_RSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
                "TLS_DHE_RSA_WITH_AES_256_GCM_SHA384");

        static List<String> concat(List<String> first, String... more) {
            List<String> all = new ArrayList<>(first);
            all.addAll(List.of(more));
            return List.copyOf(all);
        }
    }

    private final String option;
    private final String longOption;
    private final String title;
    // Every list and set here is List.of/Set.of, unmodifiable; ImmutableEnumChecker knows only Guava's
    // immutable types, which we do not depend on.
    @SuppressWarnings("ImmutableEnumChecker")
    private final List<String> suites;
    @SuppressWarnings("ImmutableEnumChecker")
    private final Set<String> optional;
    @SuppressWarnings("ImmutableEnumChecker")
    private final List<String> protocols;
    @SuppressWarnings("ImmutableEnumChecker")
    private final List<String> tls13;
    @SuppressWarnings("ImmutableEnumChecker")
    private final Set<String> tls13Optional;

    TlsProfile(String option, String longOption, String title, List<String> suites, Set<String> optional,
               List<String> protocols, List<String> tls13, Set<String> tls13Optional) {
        this.option = option;
        this.longOption = longOption;
        this.title = title;
        this.suites = suites;
        this.optional = optional;
        this.protocols = protocols;
        this.tls13 = tls13;
        this.tls13Optional = tls13Optional;
    }

    /** The short option, e.g. {@code +pg}. */
    public String option() {
        return option;
    }

    public String longOption() {
        return longOption;
    }

    /** DCMTK's name for it, used in its messages. */
    public String title() {
        return title;
    }

    /** Whether DCMTK 3.7.0 lists it as retired. */
    public boolean retired() {
        return this != RFC8996 && this != RFC8996_MODIFIED;
    }

    /** Suites the profile cannot do without: if the JVM lacks one, the profile is not available. */
    public List<String> required() {
        return suitesWhereOptionalIs(false);
    }

    /** Suites used where the JVM has them (3DES for backward compatibility; +pm's Camellia and CCM). */
    public List<String> optional() {
        return suitesWhereOptionalIs(true);
    }

    /** A loop, not a stream: no lambda bootstrap on the way to a handshake or a listing. */
    private List<String> suitesWhereOptionalIs(boolean isOptional) {
        List<String> out = new ArrayList<>();
        for (String s : suites) {
            if (optional.contains(s) == isOptional) {
                out.add(s);
            }
        }
        return List.copyOf(out);
    }

    /** Allowed protocol versions, newest first, JSSE's names. */
    public List<String> protocols() {
        return protocols;
    }

    public boolean allowsTls13() {
        return protocols.contains("TLSv1.3");
    }

    /** The TLS 1.3 suites offered with TLS 1.3, in order (OpenSSL's default set unless the profile names its own). */
    public List<String> tls13() {
        return tls13;
    }

    /** Whether a suite of the profile (TLS 1.3 ones included) may be missing from the JVM. */
    public boolean isOptional(String suite) {
        return optional.contains(suite) || tls13Optional.contains(suite);
    }

    /** The profile of a short or long option name, or null. */
    public static TlsProfile ofOption(String name) {
        for (TlsProfile p : values()) {
            if (p.option.equals(name) || p.longOption.equals(name)) {
                return p;
            }
        }
        return null;
    }

    /** The profile's suites in DCMTK's order, then the added ones, without repeats. */
    public List<String> suites(List<String> added) {
        Set<String> all = new LinkedHashSet<>(suites);
        all.addAll(added);
        return new ArrayList<>(all);
    }

    /** The entries of jdk.tls.disabledAlgorithms this profile (with added suites) needs lifted. */
    public Set<String> blockingTokens(List<String> added) {
        Set<String> tokens = new LinkedHashSet<>();
        for (String p : protocols) {
            if (p.equals("TLSv1") || p.equals("TLSv1.1")) {
                tokens.add(p);
            }
        }
        tokens.addAll(CipherSuites.blockingTokens(suites(added)));
        return tokens;
    }
}
