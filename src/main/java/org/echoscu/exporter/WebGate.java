package org.echoscu.exporter;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;

import org.echoscu.secret.Bcrypt;
import org.echoscu.tls.KeyMaterial;
import org.echoscu.tls.TlsSetupException;

/**
 * Who may use the exporter's endpoints, by {@code --web.config.file} ({@link WebConfig}): basic
 * authentication on every endpoint, {@code /probe} included, checked before anything else is
 * done; the TLS of the listener; the headers of every answer. The file is re-read when its bytes
 * change; a broken file keeps the last good one and says so in the log.
 */
final class WebGate {

    private final Path file;
    private final ExporterLog log;
    private final AtomicReference<WebConfig> current = new AtomicReference<>(WebConfig.NONE);
    private final AtomicReference<SSLContext> tls = new AtomicReference<>();
    /**
     * Credentials already checked, by user and the SHA-256 of the password, so that a scrape every
     * few seconds does not pay bcrypt's deliberate 50-100 ms each time (exporter-toolkit caches
     * the same way). Emptied when the file changes; bounded.
     */
    private final Map<String, Boolean> checked = new ConcurrentHashMap<>();

    WebGate(Path file, ExporterLog log) throws ConfigException {
        this.file = file;
        this.log = log;
        if (file != null) {
            WebConfig c = WebConfig.load(file);
            tls.set(c.tls() == null ? null : sslContext(c.tls()));
            current.set(c);
        }
    }

    boolean tls() {
        return current.get().tls() != null;
    }

    /** The listener's TLS set-up: each new connection takes the context of the file as last read. */
    HttpsConfigurator configurator() {
        return new HttpsConfigurator(new CurrentSslContext(tls::get)) {
            @Override
            public void configure(HttpsParameters p) {
                WebConfig.Tls t = current.get().tls();
                SSLContext ctx = tls.get();
                SSLParameters params = ctx.getDefaultSSLParameters();
                params.setProtocols(protocols(t.minVersion(), t.maxVersion()));
                switch (t.clientAuthType()) {
                    case "RequireAnyClientCert", "RequireAndVerifyClientCert" -> params.setNeedClientAuth(true);
                    case "RequestClientCert", "VerifyClientCertIfGiven" -> params.setWantClientAuth(true);
                    default -> { }
                }
                p.setSSLParameters(params);
            }
        };
    }

    private static String[] protocols(String min, String max) {
        String hi = max == null ? "TLS13" : max;
        return min.compareTo("TLS13") >= 0 ? new String[] {"TLSv1.3"}
                : hi.equals("TLS12") ? new String[] {"TLSv1.2"} : new String[] {"TLSv1.3", "TLSv1.2"};
    }

    /**
     * Re-reads the file when its bytes changed, or always with {@code force} (the certificate and
     * key files it names are read again too); a broken file keeps the last good one.
     */
    void refresh(boolean force) {
        if (file == null) {
            return;
        }
        try {
            WebConfig c = WebConfig.load(file);
            if (!force && c.hash().equals(current.get().hash())) {
                return;
            }
            if ((c.tls() != null) != tls()) {
                throw new ConfigException(file + ": TLS cannot be switched on or off while running; restart the exporter");
            }
            SSLContext ctx = c.tls() == null ? null : sslContext(c.tls());
            tls.set(ctx);
            current.set(c);
            checked.clear();
            log.info("web configuration reloaded", "file", file);
        } catch (ConfigException e) {
            log.error("web configuration not reloaded, the last good one stays", "err", e.getMessage());
        }
    }

    /** Adds the configured headers; false (after answering 401) when the request lacks valid credentials. */
    boolean admit(HttpExchange ex) throws IOException {
        WebConfig c = current.get();
        c.headers().forEach((k, v) -> ex.getResponseHeaders().set(k, v));
        if (c.users().isEmpty()) {
            return true;
        }
        String header = ex.getRequestHeaders().getFirst("Authorization");
        String user = null;
        if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                decoded = "";
            }
            int colon = decoded.indexOf(':');
            if (colon > 0) {
                user = decoded.substring(0, colon);
                String hash = c.users().get(user);
                if (hash != null && valid(user, hash, decoded.substring(colon + 1))) {
                    return true;
                }
            }
        }
        InetSocketAddress from = ex.getRemoteAddress();
        log.warn("unauthorized request", "path", ex.getRequestURI().getRawPath(), "user", user == null ? "" : user,
                "remote", from.getAddress().getHostAddress());
        ex.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"echoscu-exporter\", charset=\"UTF-8\"");
        ExporterService.text(ex, 401, "Unauthorized\n");
        return false;
    }

    private boolean valid(String user, String hash, String password) {
        String key = user + '\0' + hash + '\0' + ConfigFile.sha256(password.getBytes(StandardCharsets.UTF_8));
        Boolean known = checked.get(key);
        if (known != null) {
            return known;
        }
        boolean ok = Bcrypt.matches(hash, password.getBytes(StandardCharsets.UTF_8));
        if (checked.size() > 1000) {
            checked.clear();
        }
        checked.put(key, ok);
        return ok;
    }

    private SSLContext sslContext(WebConfig.Tls t) throws ConfigException {
        try {
            PrivateKey key = KeyMaterial.readPrivateKey(t.keyFile(), false, f -> {
                throw new TlsSetupException("the key '" + f + "' is encrypted; the web configuration holds no password");
            });
            List<X509Certificate> chain = KeyMaterial.readCertificates(t.certFile(), false);
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            char[] none = new char[0];
            ks.setKeyEntry("server", key, none, chain.toArray(new X509Certificate[0]));
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(ks, none);
            TrustManager[] trust = null;
            if (t.clientCaFile() != null && !t.clientAuthType().equals("RequireAnyClientCert")
                    && !t.clientAuthType().equals("RequestClientCert")) {
                KeyStore cas = KeyStore.getInstance("PKCS12");
                cas.load(null, null);
                int i = 0;
                for (X509Certificate ca : KeyMaterial.readCertificates(t.clientCaFile(), false)) {
                    cas.setCertificateEntry("ca" + i++, ca);
                }
                TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                tmf.init(cas);
                trust = tmf.getTrustManagers();
            } else if (!t.clientAuthType().equals("NoClientCert")) {
                trust = new TrustManager[] {new AnyClient()};
            }
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(kmf.getKeyManagers(), trust, null);
            return ctx;
        } catch (TlsSetupException e) {
            throw new ConfigException(file + ": tls_server_config: " + e.getMessage());
        } catch (IOException | java.security.GeneralSecurityException e) {
            throw new ConfigException(file + ": tls_server_config: " + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    /**
     * RequestClientCert and RequireAnyClientCert: a client certificate is asked for (or required)
     * but, as exporter-toolkit's Go server does for these types, not verified.
     */
    private static final class AnyClient implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
            // not verified, by the configured client_auth_type
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws java.security.cert.CertificateException {
            throw new java.security.cert.CertificateException("a server's trust manager checks no servers");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
