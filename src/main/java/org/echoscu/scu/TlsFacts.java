package org.echoscu.scu;

import java.net.Socket;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Instant;

import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;

import org.echoscu.probe.TlsSession;

/**
 * What a TLS connection showed of the peer (PS3.15 Annex B): protocol version, ciphersuite,
 * its certificate's subject, issuer and validity, and when its chain expires. The certificate
 * fields are null when the peer sent none (anonymous suites).
 *
 * @param earliestExpiry  the earliest notAfter of all the certificates the peer sent
 * @param lastChainExpiry the earliest notAfter along the chain from the peer's certificate up
 *                        through the issuers it sent (blackbox_exporter's "last chain expiry"
 *                        for the one chain JSSE verified; a trust anchor the peer did not send is
 *                        not in it)
 */
public record TlsFacts(String protocol, String cipherSuite, String subject, String issuer,
                       Instant notBefore, Instant notAfter, Instant earliestExpiry, Instant lastChainExpiry) {

    /** The facts of a socket after its handshake, or null when it is plain TCP. */
    public static TlsFacts of(Socket socket) {
        if (!(socket instanceof SSLSocket ssl)) {
            return null;
        }
        SSLSession session = ssl.getSession();
        Certificate[] chain;
        try {
            chain = session.getPeerCertificates();
        } catch (SSLPeerUnverifiedException e) {
            chain = new Certificate[0]; // the peer sent no certificate
        }
        if (chain.length == 0 || !(chain[0] instanceof X509Certificate cert)) {
            return new TlsFacts(session.getProtocol(), session.getCipherSuite(), null, null, null, null, null, null);
        }
        return new TlsFacts(session.getProtocol(), session.getCipherSuite(),
                cert.getSubjectX500Principal().getName(), cert.getIssuerX500Principal().getName(),
                cert.getNotBefore().toInstant(), cert.getNotAfter().toInstant(), earliest(chain), chainExpiry(chain));
    }

    private static Instant earliest(Certificate[] chain) {
        Instant min = null;
        for (Certificate c : chain) {
            if (c instanceof X509Certificate x) {
                Instant t = x.getNotAfter().toInstant();
                min = min == null || t.isBefore(min) ? t : min;
            }
        }
        return min;
    }

    /** From the peer's certificate, each next one that issued the one before (TLS 1.2 and 1.3 allow extras). */
    private static Instant chainExpiry(Certificate[] chain) {
        X509Certificate at = (X509Certificate) chain[0];
        Instant min = at.getNotAfter().toInstant();
        for (int i = 1; i < chain.length && chain[i] instanceof X509Certificate next
                && next.getSubjectX500Principal().equals(at.getIssuerX500Principal()); i++) {
            at = next;
            min = at.getNotAfter().toInstant().isBefore(min) ? at.getNotAfter().toInstant() : min;
        }
        return min;
    }

    /** Whole days from {@code now} until the certificate expires (negative once expired). */
    public long daysLeft(Instant now) {
        return Math.floorDiv(notAfter.getEpochSecond() - now.getEpochSecond(), 86_400L);
    }

    /** This connection as the probe model holds it. */
    public TlsSession toSession() {
        return new TlsSession(protocol, cipherSuite, earliestExpiry, lastChainExpiry);
    }
}
