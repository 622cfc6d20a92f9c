package org.echoscu.probe;

/**
 * The phases of a probe, in the order they happen. {@link #key()} is the stable
 * machine-readable name used by every output (JSON keys, perfdata labels, metric labels).
 */
public enum Phase {
    /** Name resolution of the peer's host name. */
    RESOLVE("resolve", "name resolution"),
    /** Reaching the peer through a proxy, when one is configured. */
    PROXY("proxy", "proxy"),
    /** The TCP connection (to the peer, or to the proxy's tunnel end). */
    CONNECT("connect", "TCP connect"),
    /** The TLS handshake, with TLS only. */
    TLS("tls", "TLS handshake"),
    /** A-ASSOCIATE-RQ sent to A-ASSOCIATE-AC (or -RJ) received (PS3.8 §7.1). */
    ASSOCIATE("associate", "association"),
    /** From the first C-ECHO-RQ sent to the last C-ECHO-RSP received (PS3.7 §9.1.5). */
    ECHO("echo", "echo"),
    /** A-RELEASE-RQ sent to A-RELEASE-RP received, or our A-ABORT under --abort (PS3.8 §7.2, §7.3). */
    RELEASE("release", "release");

    private final String key;
    private final String label;

    Phase(String key, String label) {
        this.key = key;
        this.label = label;
    }

    /** The stable name of the phase: lower case, no spaces. */
    public String key() {
        return key;
    }

    /** The phase's name for people. */
    public String label() {
        return label;
    }
}
