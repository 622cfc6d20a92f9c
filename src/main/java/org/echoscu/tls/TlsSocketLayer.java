package org.echoscu.tls;

import java.io.IOException;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;

import org.echoscu.log.Logs;
import org.echoscu.net.AddressText;
import org.echoscu.net.SocketLayer;
import org.slf4j.Logger;

/**
 * TLS over a connected TCP socket, with JSSE, as the chosen profile says (PS3.15 Annex B.1):
 * the client side for echoscu, the server side for echoscp. The handshake happens in {@code wrap}, bounded by the
 * ACSE timeout; a failure there is an IOException whose message starts with "TLS" and says
 * what to check. {@link #close()} writes the random seed back (+ws, +wf).
 */
public final class TlsSocketLayer implements SocketLayer, AutoCloseable {

    static final Logger LOG = Logs.get("dcmtk.dcmtls");
    /** The ALPN protocol name of DICOM (IANA's TLS ALPN registry), offered by clients and the only one a server takes. */
    static final String ALPN_DICOM = "dicom";
    private static ScheduledExecutorService watchdog;

    private final TlsSettings settings;
    private final SSLContext context;
    private final SecureRandom random;
    private final String[] protocols;
    private final String[] suites;
    private final int timeoutSeconds;
    private final boolean checkHostname;

    private TlsSocketLayer(TlsSettings settings, SSLContext context, SecureRandom random, String[] protocols,
                           String[] suites, int timeoutSeconds, boolean checkHostname) {
        this.settings = settings;
        this.context = context;
        this.random = random;
        this.protocols = protocols;
        this.suites = suites;
        this.timeoutSeconds = timeoutSeconds;
        this.checkHostname = checkHostname;
    }

    /** This client layer, also checking the server certificate against the host name (--check-hostname). */
    public TlsSocketLayer withHostnameCheck() {
        return new TlsSocketLayer(settings, context, random, protocols, suites, timeoutSeconds, true);
    }

    /**
     * The name the server certificate must carry under --check-hostname: the name sent in SNI
     * when --request-sni gave one (the server chose its certificate for it), otherwise the host
     * we connected to.
     */
    String nameToCheck(String host) {
        return settings.requestedSni() != null ? settings.requestedSni() : host;
    }

    /**
     * Reads the key, certificate, CAs and CRLs, and sets JSSE up for the profile.
     *
     * @param handshakeTimeoutSeconds how long a handshake may take (the ACSE timeout)
     */
    public static TlsSocketLayer create(TlsSettings s, int handshakeTimeoutSeconds) throws TlsSetupException {
        Set<String> removed = JvmTls.allow(s.profile().blockingTokens(s.addedSuites()));
        if (!removed.isEmpty()) {
            LOG.debug("allowing {} for {} (removed from jdk.tls.disabledAlgorithms for this run)",
                    String.join(", ", removed), TlsFailures.profileText(s));
        }
        SecureRandom random = SeedFile.random(s.seedFile(), LOG::warn);
        KeyManager[] keys = null;
        if (s.keyFile() != null) {
            PrivateKey key = KeyMaterial.readPrivateKey(s.keyFile(), s.der(), s.passwords());
            List<X509Certificate> chain = KeyMaterial.readCertificates(s.certFile(), s.der());
            CertificateRules.checkOwn(chain.get(0), s.certFile(), s.profile(), !s.client(), LOG::warn);
            KeyMaterial.checkMatch(key, chain.get(0), s.keyFile(), s.certFile());
            keys = new KeyManager[] {new SingleKeyManager(key, chain.toArray(new X509Certificate[0]))};
        }
        for (String suite : s.addedSuites()) { // +cs, judged once the profile is set, as DCMTK does
            SuitePolicy.Verdict verdict = SuitePolicy.judge(s.profile(), suite);
            if (verdict.refused()) {
                throw new TlsSetupException(verdict.refusal() + "\n" + SuitePolicy.NOT_ALLOWED);
            }
            verdict.warnings().forEach(LOG::warn);
        }
        TrustMaterial trust = TrustMaterial.load(s.caFiles(), s.caDirs(), s.crlFiles(), s.crlMode(), s.der(), LOG::warn);
        boolean verify = s.peer() != PeerCertificate.IGNORE;
        TrustManager[] trustManagers = {verify
                ? new ProfileTrustManager(trust.trustManager(true), s.profile(), s.client(), LOG::warn)
                : trust.trustManager(false)};
        SSLContext context;
        try {
            JvmTls.freeze();
            context = SSLContext.getInstance("TLS");
            context.init(keys, trustManagers, random);
        } catch (GeneralSecurityException e) {
            throw new TlsSetupException("cannot set up TLS: " + KeyMaterial.reason(e));
        }
        String[] protocols = protocols(context, s);
        String[] suites = suites(context, s);
        TlsSocketLayer layer = new TlsSocketLayer(s, context, random, protocols, suites,
                Math.max(1, handshakeTimeoutSeconds), false);
        LOG.debug("TLS {}: protocols {}, ciphersuites {}", TlsFailures.profileText(s), String.join(" ", protocols),
                String.join(" ", layer.suites()));
        return layer;
    }

    private static String[] protocols(SSLContext context, TlsSettings s) throws TlsSetupException {
        List<String> supported = Arrays.asList(context.getSupportedSSLParameters().getProtocols());
        List<String> disabled = JvmTls.disabled();
        List<String> usable = new ArrayList<>();
        for (String p : s.profile().protocols()) {
            if (supported.contains(p) && !disabled.contains(p)) {
                usable.add(p);
            }
        }
        if (usable.isEmpty()) {
            throw new TlsSetupException("the TLS profile '" + s.profile().title() + "' is not available in this JVM:"
                    + " none of its protocol versions (" + String.join(", ", s.profile().protocols())
                    + ") is enabled (see --list-profiles)");
        }
        return usable.toArray(new String[0]);
    }

    private static String[] suites(SSLContext context, TlsSettings s) throws TlsSetupException {
        Set<String> supported = new LinkedHashSet<>(Arrays.asList(context.getSupportedSSLParameters().getCipherSuites()));
        List<String> out = new ArrayList<>();
        if (s.profile().allowsTls13()) {
            for (String t : s.profile().tls13()) {
                if (supported.contains(t)) {
                    out.add(t);
                } else if (s.profile().isOptional(t)) {
                    LOG.debug("ciphersuite {} not supported by this JVM, left out of {}", t, TlsFailures.profileText(s));
                } else {
                    throw new TlsSetupException("the TLS profile '" + s.profile().title() + "' is not available in"
                            + " this JVM: it requires TLS 1.3 ciphersuite " + t + " (see --list-profiles)");
                }
            }
        }
        for (String suite : s.profile().required()) {
            String name = jsseName(supported, suite);
            if (name == null) {
                throw new TlsSetupException("the TLS profile '" + s.profile().title() + "' is not available in this JVM:"
                        + " it requires ciphersuite " + suite + " (see --list-profiles)");
            }
            out.add(name);
        }
        for (String suite : s.profile().optional()) {
            String name = jsseName(supported, suite);
            if (name == null) {
                LOG.debug("ciphersuite {} not supported by this JVM, left out of {}", suite, TlsFailures.profileText(s));
            } else {
                out.add(name);
            }
        }
        for (String suite : s.addedSuites()) {
            String name = jsseName(supported, suite);
            if (name == null) {
                throw new TlsSetupException("Ciphersuite '" + suite + "' not supported by this JVM (see +cc)");
            }
            if (!CipherSuites.offerable(suite)) {
                throw new TlsSetupException("Ciphersuite '" + suite + "' cannot be added: anonymous, export, RC4, DES,"
                        + " MD5 and TLS 1.3 suites are never offered (see +cc)");
            }
            if (!out.contains(name)) {
                out.add(name);
            }
        }
        if (!s.client()) { // the server picks the strongest suite the client offers, as DCMTK does
            List<String> tls13 = new ArrayList<>();
            List<String> rest = new ArrayList<>();
            for (String n : out) {
                (CipherSuites.isTls13(n) ? tls13 : rest).add(n);
            }
            tls13.addAll(CipherSuites.strongestFirst(rest));
            out = tls13;
        }
        return out.toArray(new String[0]);
    }

    private static String jsseName(Set<String> supported, String iana) {
        if (supported.contains(iana)) {
            return iana;
        }
        String alias = JvmTls.jsseAlias(iana);
        return supported.contains(alias) ? alias : null;
    }

    /** The protocol versions in use, newest first. */
    public List<String> protocols() {
        return List.of(protocols);
    }

    /** The ciphersuites in use, in our order of preference (IANA names). */
    public List<String> suites() {
        List<String> out = new ArrayList<>();
        for (String s : suites) {
            out.add(CipherSuites.iana(s));
        }
        return out;
    }

    private SSLParameters parameters() {
        SSLParameters p = context.getDefaultSSLParameters();
        p.setProtocols(protocols);
        p.setCipherSuites(suites);
        p.setEndpointIdentificationAlgorithm(null); // peers are identified by certificate, not host name
        p.setApplicationProtocols(new String[] {ALPN_DICOM});
        if (settings.client()) {
            // SNI only with --request-sni, as DCMTK: JSSE would otherwise send the host name by itself
            p.setServerNames(settings.requestedSni() == null ? List.of()
                    : List.of(new SNIHostName(settings.requestedSni())));
        } else if (settings.expectedSni() != null) {
            p.setSNIMatchers(List.of(new ExpectedServerName(settings.expectedSni(), LOG::error)));
        }
        if (!settings.client()) {
            p.setUseCipherSuitesOrder(true);
            switch (settings.peer()) {
                case REQUIRE -> p.setNeedClientAuth(true);
                case VERIFY_IF_PRESENT -> p.setWantClientAuth(true);
                default -> {
                    p.setNeedClientAuth(false);
                    p.setWantClientAuth(false);
                }
            }
        }
        return p;
    }

    /** The client side: handshake with the server on a connected socket. */
    @Override
    public Socket wrapConnected(Socket connected, String host, int port) throws IOException {
        // through a proxy (--proxy, --socks5) the socket ends at the proxy's port: name the peer as given
        String where = connected.getInetAddress() == null || connected.getPort() != port ? AddressText.host(host)
                : AddressText.of(connected.getInetAddress());
        SSLSocket s = (SSLSocket) context.getSocketFactory().createSocket(connected, host, port, true);
        s.setUseClientMode(true);
        s.setSSLParameters(parameters());
        handshake(s, "TLS handshake with " + where + " port " + port + " failed: ");
        if (checkHostname) {
            checkHostname(s, nameToCheck(host), where, port);
        }
        return s;
    }

    /** RFC 6125 (HostnameCheck), once the certificate chain has been verified; nothing has been sent yet. */
    private static void checkHostname(SSLSocket s, String name, String where, int port) throws IOException {
        X509Certificate server;
        try {
            server = (X509Certificate) s.getSession().getPeerCertificates()[0];
        } catch (SSLException e) {
            closeQuietly(s);
            throw new IOException("TLS handshake with " + where + " port " + port + " failed: the server sent no"
                    + " certificate, so --check-hostname cannot check it");
        }
        String mismatch = HostnameCheck.mismatch(server, name);
        if (mismatch != null) {
            closeQuietly(s);
            throw new IOException("TLS handshake with " + where + " port " + port + " failed: the server certificate ("
                    + TrustMaterial.subject(server) + ") does not match the host name '" + name + "': " + mismatch
                    + " (--check-hostname)");
        }
        LOG.debug("server certificate matches host name '{}'", name);
    }

    /** The server side: handshake with the client on an accepted socket. */
    @Override
    public Socket wrapAccepted(Socket accepted) throws IOException {
        String where = accepted.getInetAddress() == null ? "?" : AddressText.of(accepted.getInetAddress());
        SSLSocket s = (SSLSocket) context.getSocketFactory().createSocket(accepted, where, accepted.getPort(), true);
        s.setUseClientMode(false);
        s.setSSLParameters(parameters());
        handshake(s, "TLS handshake with " + where + " failed: ");
        return s;
    }

    private void handshake(SSLSocket s, String failure) throws IOException {
        int before = s.getSoTimeout();
        AtomicBoolean expired = new AtomicBoolean();
        // the socket timeout bounds each read; this bounds the whole handshake, so a peer
        // sending a byte at a time cannot hold a connection open past the ACSE timeout
        ScheduledFuture<?> guard = watchdog().schedule(() -> {
            expired.set(true);
            closeQuietly(s);
        }, timeoutSeconds, TimeUnit.SECONDS);
        try {
            s.setSoTimeout(timeoutSeconds * 1000);
            s.startHandshake();
            s.setSoTimeout(before);
        } catch (IOException e) {
            closeQuietly(s);
            if (LOG.isDebugEnabled()) {
                StringBuilder chain = new StringBuilder();
                for (Throwable t = e; t != null; t = t.getCause()) {
                    chain.append(chain.length() == 0 ? "" : " / ").append(t);
                }
                LOG.debug("TLS handshake failure: {}", chain);
                LOG.trace("TLS handshake failure", e);
            }
            String why = expired.get()
                    ? "the handshake did not finish within " + timeoutSeconds + " s, the ACSE timeout (does "
                    + (settings.client() ? "the server" : "the client") + " use TLS on this port?)"
                    : TlsFailures.describe(e, settings.client(), settings, timeoutSeconds);
            throw new IOException(failure + why);
        } finally {
            guard.cancel(false);
        }
        if (LOG.isDebugEnabled() || (!settings.client() && LOG.isInfoEnabled())) {
            SSLSession session = s.getSession();
            String peerCert;
            try {
                X509Certificate c = (X509Certificate) session.getPeerCertificates()[0];
                peerCert = TrustMaterial.subject(c);
            } catch (SSLException | RuntimeException e) {
                peerCert = "none";
            }
            String text = "TLS connection established: " + session.getProtocol() + ", "
                    + CipherSuites.iana(session.getCipherSuite()) + ", peer certificate: " + peerCert;
            String alpn = s.getApplicationProtocol();
            if (alpn != null && !alpn.isEmpty()) {
                LOG.debug("TLS: application protocol '{}' (ALPN)", alpn);
            }
            if (settings.client()) {
                LOG.debug(text);
            } else {
                LOG.info(text);
                if (session instanceof ExtendedSSLSession x) {
                    for (SNIServerName name : x.getRequestedServerNames()) {
                        if (name instanceof SNIHostName host) {
                            LOG.info("TLS: client requested server name '{}'", host.getAsciiName());
                        }
                    }
                }
            }
        }
    }

    /**
     * An alert or TLS error after the handshake, in words. With TLS 1.3 a server judges the
     * client's certificate after the client has finished its handshake: its refusal shows as
     * an alert or, when it closed at once, as a broken connection before any answer.
     */
    @Override
    public IOException explain(IOException e, boolean nothingReceived) {
        if (e instanceof SSLException) {
            return new IOException("TLS: " + TlsFailures.describe(e, settings.client(), settings, timeoutSeconds));
        }
        if (settings.client() && nothingReceived && e instanceof java.net.SocketException) {
            return new IOException("TLS: the server closed the connection right after the TLS handshake ("
                    + KeyMaterial.reason(e) + "): " + (settings.anonymous()
                    ? "it probably requires a client certificate (use +tls with a key and certificate)"
                    : "it probably refused our certificate (is it issued by a CA the server trusts, and valid?)"));
        }
        return e;
    }

    /** One daemon thread for every handshake's time limit, made on first use. */
    private static synchronized ScheduledExecutorService watchdog() {
        if (watchdog == null) {
            watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "tls-handshake-timeout");
                t.setDaemon(true);
                return t;
            });
        }
        return watchdog;
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // the handshake failed or ran out of time already; nothing more to say
        }
    }

    /** Writes the random seed back where +ws or +wf said; a failure is a warning, as in DCMTK. */
    @Override
    public void close() {
        if (settings.writeSeedFile() != null) {
            try {
                SeedFile.write(random, settings.writeSeedFile());
            } catch (IOException e) {
                LOG.warn("cannot write random seed file '{}': {}", settings.writeSeedFile(), KeyMaterial.reason(e));
            }
        }
    }
}
