package org.echoscu.probe;

/**
 * Why a probe ended as it did, in a form a program can switch on. {@link #key()} is stable:
 * scripts, alert rules and dashboards match on it, so keys are added, never renamed.
 * Each reason is decided from types (the failure's exception class, the indication that ended
 * a wait, the PDU received), never from a message text.
 */
public enum Reason {
    /** Every echo answered with Success, the association ended as asked. */
    OK("ok"),
    /** The host name could not be resolved, or has no address of the family asked for. */
    RESOLVE("resolve"),
    /** The proxy refused, failed or could not reach the peer. */
    PROXY("proxy"),
    /** The TCP connection was refused (nothing listens on the port). */
    REFUSED("refused"),
    /** The TCP connection was not established within the connect timeout. */
    TIMEOUT_CONNECT("timeout-connect"),
    /** The TCP connection failed otherwise (no route to host, network unreachable). */
    UNREACHABLE("unreachable"),
    /** The TLS handshake failed, or TLS broke the connection (also: TLS on one side only). */
    TLS("tls"),
    /** No A-ASSOCIATE-AC or -RJ within the ACSE timeout. */
    TIMEOUT_ASSOCIATE("timeout-associate"),
    /** The peer answered A-ASSOCIATE-RJ (see {@link ProbeOutcome#rejection()}). */
    REJECTED("rejected"),
    /** The association was accepted, but not the Verification SOP Class with a syntax we offered. */
    NO_ACCEPTABLE_CONTEXT("no-acceptable-context"),
    /** The peer sent an A-ABORT. */
    ABORTED("aborted"),
    /** The peer closed the connection (or it was lost) without A-ABORT or release. */
    CLOSED("closed"),
    /** No C-ECHO-RSP within the DIMSE timeout. */
    TIMEOUT_ECHO("timeout-echo"),
    /** The C-ECHO-RSP carried a status other than Success (see {@link ProbeResult#status()}). */
    STATUS("status"),
    /** The peer asked for release while an echo was outstanding. */
    PEER_RELEASE("peer-release"),
    /** The peer sent something the protocol does not allow (an invalid or unexpected PDU or response). */
    PROTOCOL_ERROR("protocol-error"),
    /** No A-RELEASE-RP within the ACSE timeout. */
    TIMEOUT_RELEASE("timeout-release"),
    /** We stopped the probe on request (SIGINT), with an A-ABORT if an association was open. */
    INTERRUPTED("interrupted"),
    /**
     * echoscu-exporter made no probe: its bounds on probes in flight (in all, and per peer)
     * stayed full until the probe's deadline.
     */
    CAPACITY("capacity");

    private final String key;

    Reason(String key) {
        this.key = key;
    }

    /** The stable machine-readable name: lower case words joined by hyphens. */
    public String key() {
        return key;
    }
}
