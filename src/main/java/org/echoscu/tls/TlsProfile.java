package org.echoscu.tls;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * DCMTK's TLS security profiles: the cipher suites each requires (IANA names), those it adds
 * where available, and the protocol versions it allows. With TLS 1.3 allowed, the TLS 1.3
 * suites come along (they cannot be chosen one by one, as in OpenSSL).
 */
public enum TlsProfile {

    BCP195("+px", "--profile-bcp195", "BCP 195 TLS Profile",
            List.of("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", "TLS_DHE_RSA_WITH_AES_128_GCM_SHA256",
                    "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384", "TLS_DHE_RSA_WITH_AES_256_GCM_SHA384",
                    "TLS_RSA_WITH_AES_128_CBC_SHA"),
            List.of("TLS_RSA_WITH_3DES_EDE_CBC_SHA"),
            List.of("TLSv1.3", "TLSv1.2", "TLSv1.1", "TLSv1")),
    BCP195_ND("+py", "--profile-bcp195-nd", "Non-downgrading BCP 195 TLS Profile",
            List.of("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", "TLS_DHE_RSA_WITH_AES_128_GCM_SHA256",
                    "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384", "TLS_DHE_RSA_WITH_AES_256_GCM_SHA384"),
            List.of(),
            List.of("TLSv1.3", "TLSv1.2")),
    BCP195_EX("+pz", "--profile-bcp195-ex", "Extended BCP 195 TLS Profile",
            List.of("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", "TLS_DHE_RSA_WITH_AES_128_GCM_SHA256",
                    "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384", "TLS_DHE_RSA_WITH_AES_256_GCM_SHA384",
                    "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256"),
            List.of(),
            List.of("TLSv1.2")),
    BASIC("+pb", "--profile-basic", "Basic TLS Secure Transport Connection Profile",
            List.of("TLS_RSA_WITH_3DES_EDE_CBC_SHA"),
            List.of(),
            List.of("TLSv1.2", "TLSv1.1", "TLSv1")),
    AES("+pa", "--profile-aes", "AES TLS Secure Transport Connection Profile",
            List.of("TLS_RSA_WITH_AES_128_CBC_SHA"),
            List.of("TLS_RSA_WITH_3DES_EDE_CBC_SHA"),
            List.of("TLSv1.2", "TLSv1.1", "TLSv1")),
    NULL("+pn", "--profile-null", "Authenticated unencrypted communication",
            List.of("TLS_RSA_WITH_NULL_SHA"),
            List.of(),
            List.of("TLSv1.2", "TLSv1.1", "TLSv1"));

    public static final TlsProfile DEFAULT = BCP195;

    private final String option;
    private final String longOption;
    private final String title;
    private final List<String> required;
    private final List<String> optional;
    private final List<String> protocols;

    TlsProfile(String option, String longOption, String title, List<String> required, List<String> optional,
               List<String> protocols) {
        this.option = option;
        this.longOption = longOption;
        this.title = title;
        this.required = required;
        this.optional = optional;
        this.protocols = protocols;
    }

    /** The short option, e.g. {@code +px}. */
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

    /** Suites the profile cannot do without: if the JVM lacks one, the profile is not available. */
    public List<String> required() {
        return required;
    }

    /** Suites added where the JVM has them ("for backward compatibility"). */
    public List<String> optional() {
        return optional;
    }

    /** Allowed protocol versions, newest first, JSSE's names. */
    public List<String> protocols() {
        return protocols;
    }

    public boolean allowsTls13() {
        return protocols.contains("TLSv1.3");
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

    /**
     * Checks a suite given with +cs against this profile's rules; returns DCMTK's message when
     * it is refused, null when it may be added. The Extended BCP 195 profile takes no additional
     * suite; an unencrypted one is refused under every profile but the null profile.
     */
    public String refusal(String suite) {
        if (this == BCP195_EX) {
            return "Additional ciphersuites not permitted with security profile '" + title + "'";
        }
        if (this != NULL && !CipherSuites.encrypts(suite)) {
            return "Unencrypted ciphersuite '" + suite + "' not permitted with security profile '" + title + "'";
        }
        return null;
    }

    /** Required, optional and added suites, in that order, without repeats. */
    public List<String> suites(List<String> added) {
        Set<String> all = new LinkedHashSet<>(required);
        all.addAll(optional);
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
