package org.echoscu.probe;

import java.time.Instant;

/**
 * The TLS connection of a probe, as its views report it (blackbox_exporter's TLS metrics).
 *
 * @param protocol        the protocol version as JSSE names it ({@code TLSv1.3}), never null
 * @param cipherSuite     the ciphersuite's IANA name, never null
 * @param earliestExpiry  the earliest expiry of the certificates the peer sent; null when it sent none
 * @param lastChainExpiry the earliest expiry along the peer's verified chain; null when it sent none
 */
public record TlsSession(String protocol, String cipherSuite, Instant earliestExpiry, Instant lastChainExpiry) {

    /** The version as blackbox_exporter labels it: {@code TLS 1.3} for {@code TLSv1.3}. */
    public String version() {
        return protocol.startsWith("TLSv") ? "TLS " + protocol.substring(4) : protocol;
    }
}
