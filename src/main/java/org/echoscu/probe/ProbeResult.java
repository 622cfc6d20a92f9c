package org.echoscu.probe;

import java.time.Instant;

/**
 * One probe, whole: the model every output of a probe is a view of (see the package comment).
 *
 * @param target    whom we probed, with the address actually used
 * @param started   when the probe started (wall clock)
 * @param times     the duration of each phase that happened
 * @param echoes    the C-ECHO round trips
 * @param outcome   how it ended: exit code, reason, message
 * @param peer      what the peer told us in its A-ASSOCIATE-AC, null when no association was accepted
 * @param status    the Status (0000,0900) of the last C-ECHO-RSP received, null when none came
 * @param tls       the TLS connection, null without TLS or when no handshake was completed
 * @param report    the peer report made after the echo (the exporter's {@code peer_info}), null when none
 *                  was asked for; it never changes the outcome, which is the echo's
 */
public record ProbeResult(Target target, Instant started, PhaseTimes times, RoundTrips echoes,
                          ProbeOutcome outcome, PeerFacts peer, Integer status, TlsSession tls, PeerReport report) {

    /** A probe without a peer report. */
    public ProbeResult(Target target, Instant started, PhaseTimes times, RoundTrips echoes, ProbeOutcome outcome,
                       PeerFacts peer, Integer status, TlsSession tls) {
        this(target, started, times, echoes, outcome, peer, status, tls, null);
    }

    /** The same probe with the peer report made after it. */
    public ProbeResult withReport(PeerReport r) {
        return new ProbeResult(target, started, times, echoes, outcome, peer, status, tls, r);
    }
}
