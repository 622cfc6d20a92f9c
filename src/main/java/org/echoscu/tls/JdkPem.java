package org.echoscu.tls;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The PEM forms the JDK reads itself (RFC 7468): certificates, unencrypted PKCS#8 keys
 * ("PRIVATE KEY") and PKCS#1 RSA keys ("RSA PRIVATE KEY", wrapped into PKCS#8 here). These are
 * what OpenSSL writes by default, and reading them without Bouncy Castle saves a TLS run the
 * loading and signature checks of its jars (about 200 ms, docs/PERFORMANCE.md). Anything else
 * (encrypted keys, headers, EC keys in SEC1 form, other block types) answers null, and
 * {@link BouncyCastlePem} reads it as before.
 */
final class JdkPem {

    /** rsaEncryption (PKCS#1, RFC 8017 appendix A.1) with NULL parameters, DER-encoded. */
    private static final byte[] RSA_ALGORITHM = {0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86,
        (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00};

    private JdkPem() {
    }

    /** A PEM block: its label and the bytes its base64 encodes. */
    private record Block(String label, byte[] der) {
    }

    /** The certificates when every block of the file is a plain CERTIFICATE; otherwise null. */
    static List<X509Certificate> certificates(byte[] pem) {
        List<Block> blocks = blocks(pem);
        if (blocks == null || blocks.isEmpty()) {
            return null;
        }
        List<X509Certificate> certs = new ArrayList<>();
        try {
            CertificateFactory x509 = CertificateFactory.getInstance("X.509");
            for (Block b : blocks) {
                if (!b.label().equals("CERTIFICATE")) {
                    return null;
                }
                certs.add((X509Certificate) x509.generateCertificate(new ByteArrayInputStream(b.der())));
            }
        } catch (GeneralSecurityException | RuntimeException e) {
            return null; // Bouncy Castle reads it again and words the failure
        }
        return certs;
    }

    /** The key when the file's first key block is an unencrypted PKCS#8 or PKCS#1 RSA key; otherwise null. */
    static PrivateKey privateKey(byte[] pem) {
        List<Block> blocks = blocks(pem);
        if (blocks == null) {
            return null;
        }
        for (Block b : blocks) {
            try {
                switch (b.label()) {
                    case "PRIVATE KEY":
                        return pkcs8(b.der());
                    case "RSA PRIVATE KEY":
                        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(
                                sequence(concat(new byte[] {0x02, 0x01, 0x00}, RSA_ALGORITHM, octetString(b.der())))));
                    case "CERTIFICATE":
                        continue;
                    default:
                        return null;
                }
            } catch (GeneralSecurityException | RuntimeException e) {
                return null;
            }
        }
        return null;
    }

    /** A PKCS#8 key of the usual algorithms, tried most common first. */
    private static PrivateKey pkcs8(byte[] der) throws GeneralSecurityException {
        GeneralSecurityException last = null;
        for (String algorithm : new String[] {"RSA", "EC", "RSASSA-PSS", "Ed25519", "DSA"}) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (GeneralSecurityException e) {
                last = e;
            }
        }
        throw last;
    }

    /**
     * The blocks of a PEM file in order; null when a block has RFC 1421 headers (an encrypted
     * legacy key) or is not closed, which are Bouncy Castle's to read.
     */
    private static List<Block> blocks(byte[] pem) {
        String text = new String(pem, StandardCharsets.ISO_8859_1);
        List<Block> out = new ArrayList<>();
        int at = 0;
        while (true) {
            int begin = text.indexOf("-----BEGIN ", at);
            if (begin < 0) {
                return out;
            }
            int labelEnd = text.indexOf("-----", begin + 11);
            if (labelEnd < 0) {
                return null;
            }
            String label = text.substring(begin + 11, labelEnd);
            String end = "-----END " + label + "-----";
            int endAt = text.indexOf(end, labelEnd + 5);
            if (endAt < 0) {
                return null;
            }
            String body = text.substring(labelEnd + 5, endAt);
            if (body.indexOf(':') >= 0) {
                return null;
            }
            try {
                out.add(new Block(label, Base64.getMimeDecoder().decode(body.trim())));
            } catch (IllegalArgumentException e) {
                return null;
            }
            at = endAt + end.length();
        }
    }

    private static byte[] sequence(byte[] content) {
        return tagged(0x30, content);
    }

    private static byte[] octetString(byte[] content) {
        return tagged(0x04, content);
    }

    /** A DER tag, its definite length (short or long form) and the content. */
    private static byte[] tagged(int tag, byte[] content) {
        int n = content.length;
        byte[] length;
        if (n < 0x80) {
            length = new byte[] {(byte) n};
        } else if (n < 0x100) {
            length = new byte[] {(byte) 0x81, (byte) n};
        } else if (n < 0x10000) {
            length = new byte[] {(byte) 0x82, (byte) (n >> 8), (byte) n};
        } else {
            length = new byte[] {(byte) 0x83, (byte) (n >> 16), (byte) (n >> 8), (byte) n};
        }
        return concat(new byte[] {(byte) tag}, length, content);
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }
}
