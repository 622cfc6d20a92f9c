package org.echoscu.tls;

import static org.echoscu.tls.KeyMaterial.KEY;
import static org.echoscu.tls.KeyMaterial.looksPem;
import static org.echoscu.tls.KeyMaterial.reason;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
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
 * The key, certificate and CRL forms the JDK cannot read, with Bouncy Castle: PKCS#1 and SEC1
 * keys in DER, encrypted keys (PKCS#8 and OpenSSL's legacy Proc-Type/DEK-Info), EC keys in
 * SEC1 PEM, OpenSSL's other PEM blocks. Kept apart from {@link KeyMaterial} so that a run
 * whose files the JDK reads never loads Bouncy Castle, whose signed jars cost a few hundred
 * milliseconds of signature checks and cannot be put in a start-up archive.
 */
final class BouncyCastlePem {

    private static Provider bc;

    private BouncyCastlePem() {
    }

    static PrivateKey pemKey(String file, byte[] bytes, Passwords passwords) throws IOException, TlsSetupException {
        return new JcaPEMKeyConverter().getPrivateKey(pemKeyInfo(file, bytes, passwords));
    }

    static PrivateKey derKey(String file, byte[] bytes, Passwords passwords) throws IOException, TlsSetupException {
        return new JcaPEMKeyConverter().getPrivateKey(derKeyInfo(file, bytes, passwords));
    }

    static List<X509Certificate> certificates(byte[] bytes) throws IOException, GeneralSecurityException {
        return objects(bytes, X509CertificateHolder.class, new JcaX509CertificateConverter()::getCertificate);
    }

    static List<X509CRL> crls(byte[] bytes) throws IOException, GeneralSecurityException {
        return objects(bytes, X509CRLHolder.class, new JcaX509CRLConverter()::getCRL);
    }

    /** Turns one of Bouncy Castle's holders into the JDK's object. */
    private interface Converter<H, T> {
        T convert(H holder) throws GeneralSecurityException;
    }

    /** Every PEM object of the holder type, converted, in file order; other objects are skipped. */
    private static <H, T> List<T> objects(byte[] bytes, Class<H> type, Converter<H, T> converter)
            throws IOException, GeneralSecurityException {
        List<T> out = new ArrayList<>();
        try (PEMParser pem = parser(bytes)) {
            for (Object o = pem.readObject(); o != null; o = pem.readObject()) {
                if (type.isInstance(o)) {
                    out.add(converter.convert(type.cast(o)));
                }
            }
        }
        return out;
    }

    private static PrivateKeyInfo pemKeyInfo(String file, byte[] bytes, Passwords passwords)
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

    private static PrivateKeyInfo derKeyInfo(String file, byte[] bytes, Passwords passwords)
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

    private static synchronized Provider bc() {
        if (bc == null) {
            bc = new BouncyCastleProvider(); // used directly, never installed JVM-wide
        }
        return bc;
    }

    private static PEMParser parser(byte[] bytes) {
        return new PEMParser(new StringReader(new String(bytes, StandardCharsets.ISO_8859_1)));
    }

}
