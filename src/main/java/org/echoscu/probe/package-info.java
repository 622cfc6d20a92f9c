/**
 * The result of one probe (one association: connect, associate, echoes, release), as data:
 * whom we probed ({@link org.echoscu.probe.Target}), how long each phase took
 * ({@link org.echoscu.probe.PhaseTimes}, {@link org.echoscu.probe.RoundTrips}), how it ended
 * ({@link org.echoscu.probe.ProbeOutcome} with a stable {@link org.echoscu.probe.Reason}), and what
 * the peer told us ({@link org.echoscu.probe.PeerFacts}, and, where asked, the accepted transfer
 * syntaxes of a peer report, {@link org.echoscu.probe.PeerReport}), all in
 * {@link org.echoscu.probe.ProbeResult}.
 *
 * <p>Every output of a probe (the text of {@code --timings}, JSON, Nagios, Prometheus, the table
 * of a many-target run) is a view of these records; none of them is computed anywhere else.
 * The package depends on nothing of the project, so it sits below {@code scu}, which fills it,
 * and below the views and {@code cli}, which read it. A plain echo never loads it.
 */
package org.echoscu.probe;
