package org.echoscu.scu;

import java.net.Socket;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Instant;

import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;

/**
 * What a TLS connection showed of the peer (PS3.15 Annex B): protocol version, ciphersuite,
 * and its certificate's subject, issuer and validity. The certificate fields are null when
 * the peer sent none (anonymous suites).
 */
public record TlsFacts(String protocol, String cipherSuite, String subject, String issuer,
                       Instant notBefore, Instant notAfter) {

    /** The facts of a socket after its handshake, or null when it is plain TCP. */
    public static TlsFacts of(Socket socket) {
        if (!(socket instanceof SSLSocket ssl)) {
            return null;
        }
        SSLSession session = ssl.getSession();
        X509Certificate cert = null;
        try {
            Certificate[] chain = session.getPeerCertificates();
            if (chain.length > 0 && chain[0] instanceof X509Certificate x) {
                cert = x;
            }
        } catch (SSLPeerUnverifiedException e) {
            cert = null; // the peer sent no certificate
        }
        return cert == null
                ? new TlsFacts(session.getProtocol(), session.getCipherSuite(), null, null, null, null)
                : new TlsFacts(session.getProtocol(), session.getCipherSuite(),
                        cert.getSubjectX500Principal().getName(), cert.getIssuerX500Principal().getName(),
                        cert.getNotBefore().toInstant(), cert.getNotAfter().toInstant());
    }

    /** Whole days from {@code now} until the certificate expires (negative once expired). */
    public long daysLeft(Instant now) {
        return Math.floorDiv(notAfter.getEpochSecond() - now.getEpochSecond(), 86_400L);
    }
}
