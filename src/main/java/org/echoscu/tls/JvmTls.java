package org.echoscu.tls;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.Security;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;

/**
 * What this JVM's TLS implementation (JSSE) can do, and the one change we make to it.
 *
 * <p>Java's default security policy ({@code jdk.tls.disabledAlgorithms} in java.security)
 * disables TLS 1.0 and 1.1, 3DES and unencrypted (NULL) suites. DCMTK's profiles ask for
 * them: BCP 195 allows TLS 1.0 and up and 3DES where available, the retired profiles use
 * 3DES or NULL. When, and only when, the chosen profile (with its +cs suites) needs one of
 * those entries, we lift exactly that entry for this process, before the first SSLContext
 * exists; the rest of the policy (and anything an administrator added) stays. What we can
 * really use is then found by asking JSSE, not assumed: {@link #offered} builds a
 * ClientHello and reads back the suites it carries.
 */
public final class JvmTls {

    static final String PROPERTY = "jdk.tls.disabledAlgorithms";
    /** Every entry any profile or +cs suite could ask us to lift. */
    static final Set<String> LIFTABLE = Set.of("TLSv1", "TLSv1.1", CipherSuites.NULL_TOKEN,
            CipherSuites.TRIPLE_DES_TOKEN, CipherSuites.STATIC_ECDH_TOKEN);

    private static final Set<String> lifted = new LinkedHashSet<>();
    private static boolean frozen;

    private JvmTls() {
    }

    /**
     * Lifts the named entries of jdk.tls.disabledAlgorithms (only those of {@link #LIFTABLE}).
     * Must come before the first SSLContext: JSSE reads the property once.
     *
     * @return the entries actually removed (those that were there)
     */
    public static synchronized Set<String> allow(Collection<String> tokens) {
        String current = Security.getProperty(PROPERTY);
        Set<String> removed = new LinkedHashSet<>();
        if (current == null) {
            return removed;
        }
        String changed = without(current, tokens, removed);
        if (!removed.isEmpty() && frozen) { // a second layer in one process (a client beside a server) that needs more
            throw new IllegalStateException("jdk.tls.disabledAlgorithms is read already");
        }
        if (!removed.isEmpty()) {
            Security.setProperty(PROPERTY, changed);
            lifted.addAll(removed);
        }
        return removed;
    }

    /**
     * The property value {@code current} less the entries named in {@code tokens} that are
     * in {@link #LIFTABLE}; what was removed is added to {@code removed}.
     */
    static String without(String current, Collection<String> tokens, Set<String> removed) {
        List<String> kept = new ArrayList<>();
        for (String entry : current.split(",")) {
            String e = entry.trim();
            if (e.isEmpty()) {
                continue;
            }
            if (tokens.contains(e) && LIFTABLE.contains(e)) {
                removed.add(e);
            } else {
                kept.add(e);
            }
        }
        return String.join(", ", kept);
    }

    /** What {@link #allow} removed in this process. */
    public static synchronized Set<String> lifted() {
        return Set.copyOf(lifted);
    }

    /** The entries still in the JVM's jdk.tls.disabledAlgorithms. */
    public static List<String> disabled() {
        String current = Security.getProperty(PROPERTY);
        List<String> out = new ArrayList<>();
        if (current != null) {
            for (String entry : current.split(",")) {
                if (!entry.trim().isEmpty()) {
                    out.add(entry.trim());
                }
            }
        }
        return out;
    }

    /** A fresh TLS context without keys, for probing; from here on the policy is fixed. */
    public static SSLContext probeContext() throws GeneralSecurityException {
        synchronized (JvmTls.class) {
            frozen = true;
        }
        SSLContext c = SSLContext.getInstance("TLS");
        c.init(null, null, null);
        return c;
    }

    /** Marks the policy as read: called when the real context is made. */
    static synchronized void freeze() {
        frozen = true;
    }

    /** IANA names of every suite this JVM supports and we would offer (+cc), weakest first. */
    public static List<String> supportedSuites(SSLContext c) {
        List<String> out = new ArrayList<>();
        for (String s : c.getSupportedSSLParameters().getCipherSuites()) {
            if (CipherSuites.offerable(s) && !out.contains(CipherSuites.iana(s))) {
                out.add(CipherSuites.iana(s));
            }
        }
        out.sort(CipherSuites.WEAKEST_FIRST);
        return out;
    }

    /**
     * The suites (IANA names) of {@code suites} that a client offering only {@code protocol}
     * really sends: each is tried alone, and counts when JSSE builds a ClientHello carrying it.
     */
    public static List<String> offered(SSLContext c, String protocol, Collection<String> suites) {
        Set<String> supported = new LinkedHashSet<>(Arrays.asList(c.getSupportedSSLParameters().getCipherSuites()));
        List<String> result = new ArrayList<>();
        if (!Arrays.asList(c.getSupportedSSLParameters().getProtocols()).contains(protocol)) {
            return result;
        }
        for (String s : suites) {
            String name = supported.contains(s) ? s : supported.contains(jsseAlias(s)) ? jsseAlias(s) : null;
            if (name != null && sendsSuite(c, protocol, name)) {
                result.add(CipherSuites.iana(s));
            }
        }
        return result;
    }

    /** Whether JSSE, offering exactly this protocol and suite, produces a ClientHello with it. */
    static boolean sendsSuite(SSLContext c, String protocol, String suite) {
        try {
            SSLEngine e = c.createSSLEngine("probe.invalid", 104);
            e.setUseClientMode(true);
            e.setEnabledProtocols(new String[] {protocol});
            e.setEnabledCipherSuites(new String[] {suite});
            ByteBuffer out = ByteBuffer.allocate(e.getSession().getPacketBufferSize());
            e.beginHandshake();
            e.wrap(ByteBuffer.allocate(0), out);
            out.flip();
            for (int code : suiteCodes(out)) {
                if (code != 0x00ff) { // TLS_EMPTY_RENEGOTIATION_INFO_SCSV is no suite
                    return true;
                }
            }
            return false;
        } catch (SSLException | RuntimeException ex) { // "No appropriate protocol": not usable
            return false;
        }
    }

    /** JSSE's own (SSL_) name for a suite it knows under an old name. */
    static String jsseAlias(String iana) {
        return iana.startsWith("TLS_") ? "SSL_" + iana.substring(4) : iana;
    }

    /** The cipher suite code points of a ClientHello record. */
    static List<Integer> suiteCodes(ByteBuffer record) {
        List<Integer> codes = new ArrayList<>();
        ByteBuffer b = record.duplicate();
        if (b.remaining() < 5 + 4 + 2 + 32 + 1 || b.get() != 22) {
            return codes;
        }
        b.position(b.position() + 4);     // record version, length
        if (b.get() != 1) {               // handshake type: client_hello
            return codes;
        }
        b.position(b.position() + 3 + 2 + 32); // length, client_version, random
        int sessionId = b.get() & 0xff;
        if (b.remaining() < sessionId + 2) {
            return codes;
        }
        b.position(b.position() + sessionId);
        int length = b.getShort() & 0xffff;
        for (int i = 0; i + 1 < length && b.remaining() >= 2; i += 2) {
            codes.add(b.getShort() & 0xffff);
        }
        return codes;
    }
}
