package org.echoscu.probe;

/**
 * The phases of a probe, in the order they happen. {@link #key()} is the stable
 * machine-readable name used by every output (JSON keys, perfdata labels, metric labels).
 */
public enum Phase {
    /** Name resolution of the peer's host name (of the proxy's, through a proxy: the proxy resolves the peer's). */
    RESOLVE("resolve", "name resolution", "proxy name resolution"),
    /** The TCP connection to the peer, or to the proxy. */
    CONNECT("connect", "TCP connect", "TCP connect to proxy"),
    /** Through a proxy: its handshake, from our request until it opened the tunnel to the peer. */
    PROXY("proxy", "proxy", "proxy tunnel to peer"),
    /** The TLS handshake, with TLS only (end to end with the peer, through a proxy too). */
    TLS("tls", "TLS handshake", "TLS handshake"),
    /** A-ASSOCIATE-RQ sent to A-ASSOCIATE-AC (or -RJ) received (PS3.8 §7.1). */
    ASSOCIATE("associate", "association", "association"),
    /** From the first C-ECHO-RQ sent to the last C-ECHO-RSP received (PS3.7 §9.1.5). */
    ECHO("echo", "echo", "echo"),
    /** A-RELEASE-RQ sent to A-RELEASE-RP received, or our A-ABORT under --abort (PS3.8 §7.2, §7.3). */
    RELEASE("release", "release", "release");

    private final String key;
    private final String label;
    private final String proxiedLabel;

    Phase(String key, String label, String proxiedLabel) {
        this.key = key;
        this.label = label;
        this.proxiedLabel = proxiedLabel;
    }

    /** The stable name of the phase: lower case, no spaces. */
    public String key() {
        return key;
    }

    /** The phase's name for people. */
    public String label() {
        return label;
    }

    /** The phase's name for people, saying what it measured in a probe through a proxy when {@code throughProxy}. */
    public String label(boolean throughProxy) {
        return throughProxy ? proxiedLabel : label;
    }
}
