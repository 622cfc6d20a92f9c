package org.echoscu.tls;

import java.util.ArrayList;
import java.util.List;

/**
 * What a profile lets +cs add, with DCMTK 3.7.0's rules and messages. Under the RFC 8996
 * profile (+pg) unencrypted and SHA-1 suites are refused, and static RSA, finite-field DHE,
 * CBC and short-key suites draw a warning (RFC 9325 §4.1, §4.2); under the Modified RFC 8996
 * (+pm) and Extended BCP 195 (+pz) profiles nothing may be added; under the other profiles
 * but the null profile an unencrypted suite is refused and static RSA draws a warning
 * (RFC 7525).
 */
public final class SuitePolicy {

    /** DCMTK's second line after a refusal (its condition "000b:000a"). */
    public static final String NOT_ALLOWED = "000b:000a Ciphersuite not allowed in current DICOM security profile";

    /** A suite's fate: refused (with the reason), or added with any warnings. */
    public record Verdict(String refusal, List<String> warnings) {
        public boolean refused() {
            return refusal != null;
        }
    }

    private SuitePolicy() {
    }

    /** The verdict on adding {@code suite} (an IANA name) under {@code profile}. */
    public static Verdict judge(TlsProfile profile, String suite) {
        String name = "'" + suite + "'";
        String under = " not permitted with security profile '" + profile.title() + "'";
        List<String> warnings = new ArrayList<>();
        switch (profile) {
            case BCP195_EX, RFC8996_MODIFIED -> {
                return new Verdict("Additional ciphersuites" + under, warnings);
            }
            case NULL -> {
                return new Verdict(null, warnings);
            }
            case RFC8996 -> {
                if (!CipherSuites.encrypts(suite)) {
                    return new Verdict("Unencrypted ciphersuite " + name + under, warnings);
                }
                if (CipherSuites.sha1Mac(suite)) {
                    return new Verdict("Ciphersuite " + name + " using SHA-1 MAC" + under, warnings);
                }
                if (suite.startsWith("TLS_RSA_")) {
                    warnings.add("Ciphersuite " + name + " uses RSA key transport. RFC 9325 recommends that such"
                            + " cipher suites should not be used.");
                }
                if (suite.startsWith("TLS_DHE_")) {
                    warnings.add("Ciphersuite " + name + " uses ephemeral finite-field Diffie-Hellman key agreement."
                            + " RFC 9325 recommends that such cipher suites should not be used.");
                }
                if (suite.contains("_CBC_")) {
                    warnings.add("Ciphersuite " + name + " uses CBC mode of operation. RFC 9325 recommends that such"
                            + " cipher suites should not be used, unless both sides support the encrypt_then_mac"
                            + " extension (we do).");
                }
                int bits = CipherSuites.effectiveBits(suite);
                if (bits < 128) {
                    warnings.add("Ciphersuite " + name + " only offers " + bits + " bits of effective key length."
                            + " RFC 9325 recommends that cipher suites offering less than 128 bits should not be used.");
                }
                return new Verdict(null, warnings);
            }
            default -> {
                if (!CipherSuites.encrypts(suite)) {
                    return new Verdict("Unencrypted ciphersuite " + name + under, warnings);
                }
                if (suite.startsWith("TLS_RSA_")) {
                    warnings.add("Ciphersuite " + name + " uses RSA key transport. RFC 7525 recommends that such"
                            + " cipher suites should not be used.");
                }
                return new Verdict(null, warnings);
            }
        }
    }
}
