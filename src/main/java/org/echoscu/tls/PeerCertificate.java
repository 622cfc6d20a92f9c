package org.echoscu.tls;

/**
 * What to do with the peer's certificate: -rc verify it, and fail if there is none
 * (on the client side the server always has one); -vc (server only) verify it if the
 * client sends one; -ic do not verify it (and, on the server, do not ask for one).
 */
public enum PeerCertificate {
    REQUIRE, VERIFY_IF_PRESENT, IGNORE
}
