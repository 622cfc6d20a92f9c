package org.echoscu.tls;

import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.DSAPublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * DCMTK 3.7.0's checks of certificate strength (RFC 9325 §4.4 and §4.5, and the Modified
 * RFC 8996 profile of PS3.15 Annex B), with its messages. Certificates signed with MD2, MD4
 * or MD5 are refused under every profile. Under +pg a server's RSA key under 2048 bits is
 * refused; under +pm also a client's, an EC key under 256 bits and a signature without
 * SHA-2; elsewhere these draw a warning. DSA certificates are refused under +pg and +pm,
 * since TLS 1.3 has no DSA.
 */
final class CertificateRules {

    /** Signature algorithms (OIDs) never accepted, by the hash DCMTK names. */
    private static final Map<String, String> TOO_WEAK = Map.of("1.2.840.113549.1.1.2", "MD2",
            "1.2.840.113549.1.1.3", "MD4", "1.2.840.113549.1.1.4", "MD5", "1.3.14.3.2.3", "MD5");

    /** Signatures with SHA-2 or SHA-3 (RSA, ECDSA, DSA): the hashes RFC 9325 asks for. */
    private static final Set<String> STRONG = Set.of(
            "1.2.840.113549.1.1.11", "1.2.840.113549.1.1.12", "1.2.840.113549.1.1.13", "1.2.840.113549.1.1.16",
            "2.16.840.1.101.3.4.3.14", "2.16.840.1.101.3.4.3.15", "2.16.840.1.101.3.4.3.16",
            "1.2.840.10045.4.3.2", "1.2.840.10045.4.3.3", "1.2.840.10045.4.3.4",
            "2.16.840.1.101.3.4.3.10", "2.16.840.1.101.3.4.3.11", "2.16.840.1.101.3.4.3.12",
            "2.16.840.1.101.3.4.3.2", "2.16.840.1.101.3.4.3.3", "2.16.840.1.101.3.4.3.4",
            "2.16.840.1.101.3.4.3.6", "2.16.840.1.101.3.4.3.7", "2.16.840.1.101.3.4.3.8");

    /** OpenSSL's short names of common other signature algorithms, as DCMTK prints them. */
    private static final Map<String, String> OPENSSL_NAMES = Map.of("1.2.840.113549.1.1.5", "RSA-SHA1",
            "1.2.840.113549.1.1.14", "RSA-SHA224", "1.2.840.10045.4.1", "ecdsa-with-SHA1",
            "1.2.840.10045.4.3.1", "ecdsa-with-SHA224", "1.2.840.10040.4.3", "DSA-SHA1",
            "1.2.840.113549.1.1.10", "RSASSA-PSS");

    private CertificateRules() {
    }

    /** The hash of a signature we never accept (MD2, MD4, MD5), or null. */
    static String tooWeakHash(X509Certificate c) {
        return TOO_WEAK.get(c.getSigAlgOID());
    }

    /** The signature algorithm's name when it is not SHA-2 or SHA-3, or null. */
    static String notSha2(X509Certificate c) {
        String oid = c.getSigAlgOID();
        return STRONG.contains(oid) ? null : OPENSSL_NAMES.getOrDefault(oid, c.getSigAlgName());
    }

    static int rsaBits(PublicKey k) {
        return k instanceof RSAPublicKey r ? r.getModulus().bitLength() : 0;
    }

    static int ecBits(PublicKey k) {
        return k instanceof ECPublicKey e ? e.getParams().getOrder().bitLength() : 0;
    }

    /**
     * Our own certificate ({@code +tls}), checked when it is loaded.
     *
     * @param server true for echoscp
     * @throws TlsSetupException the profile refuses it, in DCMTK's words
     */
    static void checkOwn(X509Certificate c, String file, TlsProfile profile, boolean server, Consumer<String> warn)
            throws TlsSetupException {
        boolean rfc8996 = profile == TlsProfile.RFC8996 || profile == TlsProfile.RFC8996_MODIFIED;
        boolean modified = profile == TlsProfile.RFC8996_MODIFIED;
        PublicKey key = c.getPublicKey();
        int rsa = rsaBits(key);
        if (rsa > 0 && rsa < 2048) {
            if (rfc8996 && server) {
                throw new TlsSetupException("Key length of RSA public key too short: RFC 9325 requires at least 2048"
                        + " bits for server RSA keys, but the key in certificate file '" + file + "' is only " + rsa
                        + " bits.");
            }
            if (modified) {
                throw new TlsSetupException("Key length of RSA public key too short: TLS profile requires at least"
                        + " 2048 bits for RSA keys, but the key in certificate file '" + file + "' is only " + rsa
                        + " bits.");
            }
            warn.accept("Key length of RSA public key too short: RFC 9325 recommends at least 2048 bits for RSA keys,"
                    + " but the key in certificate file '" + file + "' is only " + rsa + " bits.");
        }
        int ec = ecBits(key);
        if (ec > 0 && ec < 256) {
            if (modified) {
                throw new TlsSetupException("Key length of ECDSA public key too short: TLS profile requires at least"
                        + " 256 bits for ECDSA keys, but the key in certificate file '" + file + "' is only " + ec
                        + " bits.");
            }
            if (ec < 224) {
                warn.accept("Key length of ECDSA public key too short: RFC 9325 recommends at least 224 bits for ECDSA"
                        + " keys, but the key in certificate file '" + file + "' is only " + ec + " bits.");
            }
        }
        if (key instanceof DSAPublicKey) {
            if (rfc8996) {
                throw new TlsSetupException("DSA certificate '" + file + "' not permitted in the selected TLS profile"
                        + " because it prevents the use of TLS 1.3.");
            }
            warn.accept("Use of DSA certificate not recommended because it prevents the use of TLS 1.3, which does"
                    + " not support this certificate type.");
        }
        String weak = tooWeakHash(c);
        if (weak != null) {
            throw new TlsSetupException("Weak certificate hash key: certificate file '" + file + "' uses '" + weak
                    + "'.");
        }
        String hash = notSha2(c);
        if (hash != null) {
            if (modified) {
                throw new TlsSetupException("Weak certificate hash key: TLS profile requires SHA-256 (or better) for"
                        + " certificates, but certificate file '" + file + "' uses '" + hash + "'.");
            }
            warn.accept("Possibly weak certificate hash key: RFC 9325 recommends the use of SHA-256 (or better) for"
                    + " certificates, but certificate file '" + file + "' uses '" + hash + "'.");
        }
    }

    /**
     * A certificate the peer presented, after it verified.
     *
     * @param weAreClient true for echoscu: then the peer is the server
     * @return the refusal in DCMTK's words, or null when it is accepted (warnings go to {@code warn})
     */
    static String checkPeer(X509Certificate c, TlsProfile profile, boolean weAreClient, Consumer<String> warn) {
        String weak = tooWeakHash(c);
        if (weak != null) {
            return "Weak certificate hash key: peer provided certificate with '" + weak + "'. Refusing TLS connection.";
        }
        String hash = notSha2(c);
        int rsa = rsaBits(c.getPublicKey());
        int ec = ecBits(c.getPublicKey());
        if (profile == TlsProfile.RFC8996_MODIFIED) {
            if (rsa > 0 && rsa < 2048) {
                return "RSA key length too short: the DICOM TLS profile requires at least 2048 bits, but peer provided"
                        + " RSA certificate with " + rsa + " bits. Refusing TLS connection.";
            }
            if (ec > 0 && ec < 256) {
                return "ECDSA key length too short: the DICOM TLS profile requires at least 256 bits, but peer provided"
                        + " ECDSA certificate with " + ec + " bits. Refusing TLS connection.";
            }
            if (hash != null) {
                return "Weak certificate hash key: the DICOM TLS profile requires SHA-256 (or better) for certificates,"
                        + " but peer provided certificate with '" + hash + "'. Refusing TLS connection.";
            }
            return null;
        }
        if (profile == TlsProfile.RFC8996 && weAreClient && rsa > 0 && rsa < 2048) {
            return "Server RSA key length too short: RFC 9325 requires at least 2048 bits, but server provided RSA"
                    + " certificate with " + rsa + " bits. Refusing TLS connection.";
        }
        if (rsa > 0 && rsa < 2048) {
            warn.accept("RSA key length too short: RFC 9325 recommends at least 2048 bits, but peer provided RSA"
                    + " certificate with " + rsa + " bits.");
        }
        if (ec > 0 && ec < 224) {
            warn.accept("ECDSA key length too short: RFC 9325 recommends at least 224 bits, but peer provided ECDSA"
                    + " certificate with " + ec + " bits.");
        }
        if (hash != null) {
            // DCMTK's sentence, its unclosed parenthesis included
            warn.accept("Weak certificate hash key: RFC 9325 recommends SHA-256 (or better, but peer provided"
                    + " certificate with '" + hash + "'.");
        }
        return null;
    }
}
