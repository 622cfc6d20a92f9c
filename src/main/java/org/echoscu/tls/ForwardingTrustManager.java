package org.echoscu.tls;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * JSSE's six ways of asking a trust manager about a chain, funnelled into one {@link #check},
 * and {@link #forward} to ask another trust manager the same way it was asked. The six
 * overrides below look alike on purpose: X509ExtendedTrustManager declares them one by one,
 * and each only passes its arguments on; this class is the one place they are written.
 */
abstract class ForwardingTrustManager extends X509ExtendedTrustManager {

    /**
     * @param client true when the chain is a client's (checkClientTrusted)
     * @param socket the connection, or null
     * @param engine the engine, or null (both null: the plain two-argument check)
     */
    abstract void check(X509Certificate[] chain, String authType, boolean client, Socket socket, SSLEngine engine)
            throws CertificateException;

    /** Asks {@code to} about the chain as this one was asked. */
    static void forward(X509ExtendedTrustManager to, X509Certificate[] chain, String authType, boolean client,
                        Socket socket, SSLEngine engine) throws CertificateException {
        if (client) {
            if (socket != null) {
                to.checkClientTrusted(chain, authType, socket);
            } else if (engine != null) {
                to.checkClientTrusted(chain, authType, engine);
            } else {
                to.checkClientTrusted(chain, authType);
            }
        } else if (socket != null) {
            to.checkServerTrusted(chain, authType, socket);
        } else if (engine != null) {
            to.checkServerTrusted(chain, authType, engine);
        } else {
            to.checkServerTrusted(chain, authType);
        }
    }

    @Override
    public final void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        check(chain, authType, true, socket, null);
    }

    @Override
    public final void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        check(chain, authType, false, socket, null);
    }

    @Override
    public final void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        check(chain, authType, true, null, engine);
    }

    @Override
    public final void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        check(chain, authType, false, null, engine);
    }

    @Override
    public final void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        check(chain, authType, true, null, null);
    }

    @Override
    public final void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        check(chain, authType, false, null, null);
    }
}
