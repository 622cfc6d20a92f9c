package org.echoscu.tls;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Reads private keys, certificates and CRLs as OpenSSL writes them: the plain PEM forms with
 * the JDK alone ({@link JdkPem}), everything else with Bouncy Castle ({@link BouncyCastlePem}):
 * PEM (PKCS#1 "RSA PRIVATE KEY", SEC1 "EC PRIVATE KEY", PKCS#8 "PRIVATE KEY", encrypted
 * PKCS#8 "ENCRYPTED PRIVATE KEY", and the legacy OpenSSL encryption with Proc-Type and
 * DEK-Info headers), or DER (the same structures, binary). Every failure is a
 * {@link TlsSetupException} with one line naming the file and the reason.
 */
public final class KeyMaterial {

    static final String KEY = "Unable to load private TLS key from '";
    private static final String CERT = "Unable to load TLS certificate from '";

    private KeyMaterial() {
    }

    /** The private key in {@code file}; asks {@code passwords} only if the key is encrypted. */
    public static PrivateKey readPrivateKey(String file, boolean der, Passwords passwords) throws TlsSetupException {
        byte[] bytes = read(file, KEY);
        if (!der && looksPem(bytes)) {
            PrivateKey plain = JdkPem.privateKey(bytes);
            if (plain != null) {
                return plain;
            }
        }
        try {
            return der ? BouncyCastlePem.derKey(file, bytes, passwords) : BouncyCastlePem.pemKey(file, bytes, passwords);
        } catch (IOException | RuntimeException e) {
            throw new TlsSetupException(KEY + file + "': " + reason(e));
        }
    }

    /** The certificates in {@code file}, in file order (a leaf and its chain, or CAs). */
    public static List<X509Certificate> readCertificates(String file, boolean der) throws TlsSetupException {
        return readCertificates(file, der, CERT);
    }

    static List<X509Certificate> readCertificates(String file, boolean der, String prefix) throws TlsSetupException {
        byte[] bytes = read(file, prefix);
        List<X509Certificate> certs = new ArrayList<>();
        try {
            if (der) {
                if (looksPem(bytes)) {
                    throw new TlsSetupException(prefix + file + "': it is a PEM file, not DER (leave out -der)");
                }
                for (java.security.cert.Certificate c : CertificateFactory.getInstance("X.509")
                        .generateCertificates(new ByteArrayInputStream(bytes))) {
                    certs.add((X509Certificate) c);
                }
            } else {
                if (!looksPem(bytes)) {
                    throw new TlsSetupException(prefix + file + "': it is not a PEM file (for DER files use -der)");
                }
                List<X509Certificate> plain = JdkPem.certificates(bytes);
                certs.addAll(plain != null ? plain : BouncyCastlePem.certificates(bytes));
            }
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            throw new TlsSetupException(prefix + file + "': " + reason(e));
        }
        if (certs.isEmpty()) {
            throw new TlsSetupException(prefix + file + "': no certificate in it");
        }
        return certs;
    }

    /** The CRLs in {@code file}. */
    public static List<X509CRL> readCrls(String file, boolean der) throws TlsSetupException {
        String prefix = "Unable to load CRL file '";
        byte[] bytes = read(file, prefix);
        List<X509CRL> crls = new ArrayList<>();
        try {
            if (der || !looksPem(bytes)) {
                Collection<? extends java.security.cert.CRL> all = CertificateFactory.getInstance("X.509")
                        .generateCRLs(new ByteArrayInputStream(bytes));
                for (java.security.cert.CRL c : all) {
                    crls.add((X509CRL) c);
                }
            } else {
                crls.addAll(BouncyCastlePem.crls(bytes));
            }
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            throw new TlsSetupException(prefix + file + "': " + reason(e));
        }
        if (crls.isEmpty()) {
            throw new TlsSetupException(prefix + file + "': no CRL in it");
        }
        return crls;
    }

    /** Fails unless the private key belongs to the certificate's public key. */
    public static void checkMatch(PrivateKey key, X509Certificate cert, String keyFile, String certFile)
            throws TlsSetupException {
        if (!matches(key, cert.getPublicKey())) {
            throw new TlsSetupException("Private key '" + keyFile + "' and certificate '" + certFile + "' do not match");
        }
    }

    static boolean matches(PrivateKey key, PublicKey pub) {
        if (!key.getAlgorithm().equals(pub.getAlgorithm())) {
            return false;
        }
        if (key instanceof RSAPrivateKey rk && pub instanceof RSAPublicKey rp) {
            return rk.getModulus().equals(rp.getModulus());
        }
        String alg = switch (key.getAlgorithm()) {
            case "EC" -> "SHA256withECDSA";
            case "DSA" -> "SHA256withDSA";
            case "Ed25519", "Ed448", "EdDSA" -> key.getAlgorithm();
            default -> null;
        };
        if (alg == null) {
            return true; // nothing to check it with; the handshake will tell
        }
        try {
            byte[] challenge = new byte[32];
            new SecureRandom().nextBytes(challenge);
            Signature s = Signature.getInstance(alg);
            s.initSign(key);
            s.update(challenge);
            byte[] sig = s.sign();
            Signature v = Signature.getInstance(alg);
            v.initVerify(pub);
            v.update(challenge);
            return v.verify(sig);
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    // ---- helpers -------------------------------------------------------------------

    static boolean looksPem(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1).contains("-----BEGIN ");
    }

    private static byte[] read(String file, String prefix) throws TlsSetupException {
        Path path = Path.of(file);
        try {
            if (Files.isDirectory(path)) {
                throw new TlsSetupException(prefix + file + "': it is a directory");
            }
            return Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw new TlsSetupException(prefix + file + "': no such file");
        } catch (AccessDeniedException e) {
            throw new TlsSetupException(prefix + file + "': permission denied");
        } catch (IOException e) {
            throw new TlsSetupException(prefix + file + "': " + reason(e));
        }
    }

    static String reason(Throwable e) {
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        Throwable t = e;
        String msg = t.getMessage();
        while ((msg == null || msg.isBlank()) && t.getCause() != null) {
            t = t.getCause();
            msg = t.getMessage();
        }
        if (msg == null || msg.isBlank()) {
            msg = t.getClass().getSimpleName();
        }
        return msg.replace('\n', ' ').trim();
    }
}
