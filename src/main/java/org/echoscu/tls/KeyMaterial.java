package org.echoscu.tls;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMDecryptorProviderBuilder;
import org.bouncycastle.operator.InputDecryptorProvider;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

/**
 * Reads private keys, certificates and CRLs as OpenSSL writes them, with Bouncy Castle:
 * PEM (PKCS#1 "RSA PRIVATE KEY", SEC1 "EC PRIVATE KEY", PKCS#8 "PRIVATE KEY", encrypted
 * PKCS#8 "ENCRYPTED PRIVATE KEY", and the legacy OpenSSL encryption with Proc-Type and
 * DEK-Info headers), or DER (the same structures, binary). Every failure is a
 * {@link TlsSetupException} with one line naming the file and the reason.
 */
public final class KeyMaterial {

    private static final String KEY = "Unable to load private TLS key from '";
    private static final String CERT = "Unable to load TLS certificate from '";
    private static Provider bc;

    private KeyMaterial() {
    }

    /** The private key in {@code file}; asks {@code passwords} only if the key is encrypted. */
    public static PrivateKey readPrivateKey(String file, boolean der, Passwords passwords) throws TlsSetupException {
        byte[] bytes = read(file, KEY);
        try {
            PrivateKeyInfo info = der ? derKey(file, bytes, passwords) : pemKey(file, bytes, passwords);
            return new JcaPEMKeyConverter().getPrivateKey(info);
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
                JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
                try (PEMParser pem = parser(bytes)) {
                    for (Object o = pem.readObject(); o != null; o = pem.readObject()) {
                        if (o instanceof X509CertificateHolder h) {
                            certs.add(converter.getCertificate(h));
                        }
                    }
                }
            }
        } catch (IOException | CertificateException | RuntimeException e) {
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
                JcaX509CRLConverter converter = new JcaX509CRLConverter();
                try (PEMParser pem = parser(bytes)) {
                    for (Object o = pem.readObject(); o != null; o = pem.readObject()) {
                        if (o instanceof X509CRLHolder h) {
                            crls.add(converter.getCRL(h));
                        }
                    }
                }
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

    // ---- private keys -------------------------------------------------------------

    private static PrivateKeyInfo pemKey(String file, byte[] bytes, Passwords passwords)
            throws IOException, TlsSetupException {
        if (!looksPem(bytes)) {
            throw new TlsSetupException(KEY + file + "': it is not a PEM file (for DER files use -der)");
        }
        boolean sawCertificate = false;
        try (PEMParser pem = parser(bytes)) {
            for (Object o = pem.readObject(); o != null; o = pem.readObject()) {
                if (o instanceof PEMKeyPair pair) {
                    return pair.getPrivateKeyInfo();
                }
                if (o instanceof PrivateKeyInfo info) {
                    return info;
                }
                if (o instanceof PEMEncryptedKeyPair encrypted) {
                    char[] password = passwords.password(file);
                    try {
                        return encrypted.decryptKeyPair(new JcePEMDecryptorProviderBuilder().setProvider(bc())
                                .build(password)).getPrivateKeyInfo();
                    } catch (IOException | RuntimeException e) {
                        throw new TlsSetupException(KEY + file + "': wrong password, or the key is damaged");
                    }
                }
                if (o instanceof PKCS8EncryptedPrivateKeyInfo encrypted) {
                    return decrypt(file, encrypted, passwords);
                }
                if (o instanceof X509CertificateHolder) {
                    sawCertificate = true;
                }
            }
        }
        throw new TlsSetupException(KEY + file + "': no private key in it"
                + (sawCertificate ? " (only a certificate: are key and certificate swapped?)" : ""));
    }

    private static PrivateKeyInfo derKey(String file, byte[] bytes, Passwords passwords)
            throws IOException, TlsSetupException {
        if (looksPem(bytes)) {
            throw new TlsSetupException(KEY + file + "': it is a PEM file, not DER (leave out -der)");
        }
        ASN1Sequence seq;
        try {
            seq = ASN1Sequence.getInstance(ASN1Primitive.fromByteArray(bytes));
        } catch (IOException | RuntimeException e) {
            throw new TlsSetupException(KEY + file + "': not a DER-encoded key");
        }
        if (seq.size() == 2 && seq.getObjectAt(0) instanceof ASN1Sequence
                && seq.getObjectAt(1) instanceof ASN1OctetString) {
            return decrypt(file, new PKCS8EncryptedPrivateKeyInfo(bytes), passwords);
        }
        if (seq.size() >= 3 && seq.getObjectAt(0) instanceof ASN1Integer && seq.getObjectAt(1) instanceof ASN1Sequence) {
            return PrivateKeyInfo.getInstance(seq);
        }
        if (seq.size() >= 9 && allIntegers(seq)) { // PKCS#1 RSAPrivateKey
            return new PrivateKeyInfo(new AlgorithmIdentifier(PKCSObjectIdentifiers.rsaEncryption, DERNull.INSTANCE),
                    org.bouncycastle.asn1.pkcs.RSAPrivateKey.getInstance(seq));
        }
        if (seq.size() >= 2 && seq.getObjectAt(0) instanceof ASN1Integer v && v.getValue().equals(BigInteger.ONE)
                && seq.getObjectAt(1) instanceof ASN1OctetString) { // SEC1 ECPrivateKey
            ECPrivateKey ec = ECPrivateKey.getInstance(seq);
            ASN1Encodable params = ec.getParametersObject();
            if (params == null) {
                throw new TlsSetupException(KEY + file + "': EC key without its curve parameters");
            }
            return new PrivateKeyInfo(new AlgorithmIdentifier(X9ObjectIdentifiers.id_ecPublicKey, params), ec);
        }
        throw new TlsSetupException(KEY + file + "': not a private key (PKCS#1, SEC1 or PKCS#8)");
    }

    private static PrivateKeyInfo decrypt(String file, PKCS8EncryptedPrivateKeyInfo encrypted, Passwords passwords)
            throws TlsSetupException {
        char[] password = passwords.password(file);
        InputDecryptorProvider decryptor;
        try {
            decryptor = new JceOpenSSLPKCS8DecryptorProviderBuilder().setProvider(bc()).build(password);
        } catch (Exception e) {
            throw new TlsSetupException(KEY + file + "': cannot decrypt it: " + reason(e));
        }
        try {
            return encrypted.decryptPrivateKeyInfo(decryptor);
        } catch (Exception e) {
            throw new TlsSetupException(KEY + file + "': wrong password, or the key is damaged");
        }
    }

    private static boolean allIntegers(ASN1Sequence seq) {
        for (ASN1Encodable e : seq) {
            if (!(e instanceof ASN1Integer)) {
                return false;
            }
        }
        return true;
    }

    // ---- helpers -------------------------------------------------------------------

    private static synchronized Provider bc() {
        if (bc == null) {
            bc = new BouncyCastleProvider(); // used directly, never installed JVM-wide
        }
        return bc;
    }

    private static PEMParser parser(byte[] bytes) {
        return new PEMParser(new StringReader(new String(bytes, StandardCharsets.ISO_8859_1)));
    }

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
