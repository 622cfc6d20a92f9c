package org.echoscu.exporter;

import java.security.KeyManagementException;
import java.security.SecureRandom;
import java.util.function.Supplier;

import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLContextSpi;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;

/**
 * An SSLContext that hands each new connection to the context of the web configuration as last
 * read. The JDK's HttpsServer takes its context once, when its configurator is set, and refuses
 * a new configurator once started; so a renewed certificate reaches new connections only through
 * a context that asks each time.
 */
final class CurrentSslContext extends SSLContext {

    CurrentSslContext(Supplier<SSLContext> current) {
        super(new Spi(current), current.get().getProvider(), current.get().getProtocol());
    }

    private static final class Spi extends SSLContextSpi {
        private final Supplier<SSLContext> current;

        Spi(Supplier<SSLContext> current) {
            this.current = current;
        }

        @Override
        protected void engineInit(KeyManager[] km, TrustManager[] tm, SecureRandom sr) throws KeyManagementException {
            throw new KeyManagementException("made from the web configuration, not initialised");
        }

        @Override
        protected SSLSocketFactory engineGetSocketFactory() {
            return current.get().getSocketFactory();
        }

        @Override
        protected SSLServerSocketFactory engineGetServerSocketFactory() {
            return current.get().getServerSocketFactory();
        }

        @Override
        protected SSLEngine engineCreateSSLEngine() {
            return current.get().createSSLEngine();
        }

        @Override
        protected SSLEngine engineCreateSSLEngine(String host, int port) {
            return current.get().createSSLEngine(host, port);
        }

        @Override
        protected SSLSessionContext engineGetServerSessionContext() {
            return current.get().getServerSessionContext();
        }

        @Override
        protected SSLSessionContext engineGetClientSessionContext() {
            return current.get().getClientSessionContext();
        }
    }
}
