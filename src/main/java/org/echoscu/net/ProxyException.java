package org.echoscu.net;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.SocketTimeoutException;

/** A proxy that would not open the tunnel; {@link #kind()} says why, the message says it in one line. */
public final class ProxyException extends IOException {

    /** What went wrong, for callers and tests (never the message text). */
    public enum Kind {
        /** The proxy's own port refused, or could not be reached. */
        UNREACHABLE,
        /** The proxy wants credentials and we gave none (HTTP 407, SOCKS5 without an acceptable method). */
        AUTHENTICATION_REQUIRED,
        /** The proxy refused the credentials we gave. */
        BAD_CREDENTIALS,
        /** The proxy does not allow a tunnel to this peer (HTTP 403, SOCKS5 reply 02). */
        FORBIDDEN,
        /** The proxy could not reach the peer (HTTP 502/503/504 or tinyproxy's 500, SOCKS5 replies 03-06). */
        TARGET_UNREACHABLE,
        /** Whatever answered does not speak the proxy protocol, or did not answer in time. */
        NOT_A_PROXY,
        /** The proxy answered with a refusal of another kind. */
        REFUSED
    }

    private final Kind kind;

    public ProxyException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    /** "HTTP proxy 127.0.0.1 port 3128": how messages name the proxy. */
    static String name(Tunnel t) {
        return t.kind() + " " + AddressText.host(t.proxyHost()) + " port " + t.proxyPort();
    }

    /** The TCP connection to the proxy itself failed. */
    static ProxyException unreachable(Tunnel t, InetAddress address, int timeoutSeconds, IOException e) {
        String where = t.kind() + " " + AddressText.of(address) + " port " + t.proxyPort();
        ProxyException out;
        if (e instanceof ConnectException && String.valueOf(e.getMessage()).contains("refused")) {
            out = new ProxyException(Kind.UNREACHABLE, where
                    + " refused the connection (is the proxy running and listening on this port?)");
        } else if (e instanceof SocketTimeoutException) {
            out = new ProxyException(Kind.UNREACHABLE, "TCP connection to " + where + " timed out after "
                    + timeoutSeconds + " s");
        } else {
            out = new ProxyException(Kind.UNREACHABLE, "TCP connection to " + where + " failed: " + e.getMessage());
        }
        out.initCause(e);
        return out;
    }
}
