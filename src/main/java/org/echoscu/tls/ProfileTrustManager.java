package org.echoscu.tls;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.function.Consumer;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * After the trust manager of {@link TrustMaterial} has accepted a peer's chain, applies the
 * profile's {@link CertificateRules} to each certificate in it, as DCMTK does in its
 * verification callback. Certificates signed with MD2, MD4 or MD5 are refused before the
 * chain is verified, so the refusal names the weak hash rather than the JVM's own policy.
 */
final class ProfileTrustManager extends ForwardingTrustManager {

    private final X509ExtendedTrustManager delegate;
    private final TlsProfile profile;
    private final boolean weAreClient;
    private final Consumer<String> warn;

    ProfileTrustManager(X509ExtendedTrustManager delegate, TlsProfile profile, boolean weAreClient,
                        Consumer<String> warn) {
        this.delegate = delegate;
        this.profile = profile;
        this.weAreClient = weAreClient;
        this.warn = warn;
    }

    /** Refuses a chain holding a certificate with a hash we never accept. */
    private void before(X509Certificate[] chain) throws CertificateException {
        for (X509Certificate c : chain == null ? new X509Certificate[0] : chain) {
            String refusal = CertificateRules.tooWeakHash(c) == null ? null
                    : CertificateRules.checkPeer(c, profile, weAreClient, warn);
            if (refusal != null) {
                throw new TrustMaterial.TrustFailure(refusal);
            }
        }
    }

    /** The profile's rules on each certificate of a chain that verified. */
    private void after(X509Certificate[] chain) throws CertificateException {
        for (X509Certificate c : chain) {
            String refusal = CertificateRules.checkPeer(c, profile, weAreClient, warn);
            if (refusal != null) {
                throw new TrustMaterial.TrustFailure(refusal);
            }
        }
    }

    @Override
    void check(X509Certificate[] chain, String authType, boolean client, Socket socket, SSLEngine engine)
            throws CertificateException {
        before(chain);
        forward(delegate, chain, authType, client, socket, engine);
        after(chain);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return delegate.getAcceptedIssuers();
    }
}
