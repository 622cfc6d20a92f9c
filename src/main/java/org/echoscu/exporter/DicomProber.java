package org.echoscu.exporter;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.echoscu.acse.AssociationProposal;
import org.echoscu.acse.ProbeProposal;
import org.echoscu.acse.TransferSyntax;
import org.echoscu.acse.Uids;
import org.echoscu.log.Logs;
import org.echoscu.net.AddressText;
import org.echoscu.probe.PeerReport;
import org.echoscu.probe.Phase;
import org.echoscu.probe.PhaseTimes;
import org.echoscu.probe.ProbeOutcome;
import org.echoscu.probe.ProbeResult;
import org.echoscu.probe.Reason;
import org.echoscu.probe.RoundTrips;
import org.echoscu.probe.Target;
import org.echoscu.scu.EchoScu;
import org.echoscu.scu.EchoSettings;
import org.echoscu.scu.EchoRun;
import org.echoscu.scu.PeerInfo;
import org.echoscu.scu.PeerInfoProbe;
import org.echoscu.scu.ProbeResults;
import org.slf4j.Logger;

/**
 * The one place the exporter calls the requester: resolves the target, checks it against
 * {@code allowed_targets} before any packet leaves, and runs one association whose every wait
 * (connect, TLS, association, echo, release, the wait for the peer's close) the requester
 * bounds by the probe's deadline ({@link EchoScu#run(long)}): a probe it ends fails as a
 * timeout of the phase it was in. With {@code peer_info}, the peer report's associations
 * ({@link PeerInfoProbe#run(long)}, the same requester) follow within the same deadline.
 */
final class DicomProber {

    private static final Logger LOG = Logs.get("dcmtk.apps.echoscu");

    /** A target outside {@code allowed_targets}: no connection is made (403). */
    static final class Forbidden extends Exception {
        private static final long serialVersionUID = 1L;

        Forbidden(String message) {
            super(message);
        }
    }

    /** The target's name resolved, checked and ready to probe. */
    record Resolved(InetAddress address, long startNanos, long resolveNanos, Instant started) {
    }

    DicomProber() {
    }

    /**
     * Resolves the target's host (the only wait the deadline cannot cut: the JDK's resolver has no
     * timeout) and checks the address; null when the name does not resolve in the module's family.
     */
    static Resolved resolve(ProbeTarget t, Module m, AllowedTargets allowed) throws Forbidden {
        Instant started = Instant.now();
        long start = System.nanoTime();
        InetAddress chosen = null;
        try {
            for (InetAddress a : InetAddress.getAllByName(t.host())) {
                if (m.family().admits(a)) {
                    chosen = a;
                    break;
                }
            }
        } catch (UnknownHostException e) {
            chosen = null;
        }
        long resolved = System.nanoTime() - start;
        if (chosen != null && !allowed.admits(chosen, t.port())) {
            throw new Forbidden("target " + t.host() + ":" + t.port() + " is not in allowed_targets"
                    + (allowed.loopbackOnly() ? " (none configured: loopback targets only)" : ""));
        }
        return new Resolved(chosen, start, resolved, started);
    }

    /** A probe that was never made, ending with {@code reason} (no name, no capacity). */
    static ProbeResult notMade(Module m, ProbeTarget t, Resolved r, Reason reason, Phase phase, String message) {
        Map<Phase, Long> times = new EnumMap<>(Phase.class);
        times.put(Phase.RESOLVE, r.resolveNanos());
        return new ProbeResult(target(m, t, r.address()), r.started(), PhaseTimes.of(times), RoundTrips.NONE,
                new ProbeOutcome(1, reason, phase, message, null), null, null, null);
    }

    /**
     * One association to the resolved target, ended by {@code deadlineNanos} (System.nanoTime) at
     * the latest; its log goes to {@code log}: down to debug with {@code debug}, else the info lines.
     */
    ProbeResult probe(ModuleRuntime rt, ProbeTarget t, Resolved r, long deadlineNanos, StringBuilder log, boolean debug) {
        Module m = rt.module();
        long left = deadlineNanos - System.nanoTime();
        int seconds = (int) Math.max(1, (left + 999_999_999L) / 1_000_000_000L);
        EchoSettings s = new EchoSettings(AddressText.of(r.address()), t.port(), m.family(),
                new AssociationProposal(m.callingAe(), t.calledAe(), m.maxPdu(), 1, m.transferSyntaxes().proposed()),
                seconds, 0, seconds, seconds, 1, false, rt.layer(), rt.identity(), rt.tunnel());
        EchoRun run;
        PeerReport report = null;
        Logs.capture(log, debug);
        try {
            run = new EchoScu(s).run(deadlineNanos);
            if (m.peerInfo()) {
                report = run.times().transport() == 0 ? PeerReport.notMade()
                        : report(s, m.peerInfoSopClasses(), deadlineNanos);
            }
        } finally {
            Logs.capture(null, false);
        }
        ProbeResult p = ProbeResults.of(run);
        Map<Phase, Long> times = new EnumMap<>(Phase.class);
        times.putAll(p.times().asMap());
        times.put(Phase.RESOLVE, r.resolveNanos() + times.getOrDefault(Phase.RESOLVE, 0L));
        return new ProbeResult(target(m, t, r.address()), r.started(), PhaseTimes.of(times), p.echoes(), p.outcome(),
                p.peer(), p.status(), p.tls(), report);
    }

    /**
     * {@code peer_info}: echoscu's peer report after the echo, on associations of its own, within
     * what is left of the deadline. It proposes Verification and {@code peer_info_sop_classes},
     * each with each syntax of echoscu's -pts table, then those of the module's list that the
     * table lacks, one per presentation context:
     * every UID a metric may carry as a label comes from this proposal, so their number is bounded.
     * Not made (reported as such) when the echo never reached the peer: it would fail the same way.
     */
    private static PeerReport report(EchoSettings s, List<String> sopClasses, long deadlineNanos) {
        List<String> syntaxes = new ArrayList<>(TransferSyntax.firstUids(TransferSyntax.values().length));
        syntaxes.addAll(s.proposal().transferSyntaxes()); // ProbeProposal keeps each UID once, first place
        List<String> abstractSyntaxes = new ArrayList<>();
        abstractSyntaxes.add(Uids.VERIFICATION_SOP_CLASS);
        abstractSyntaxes.addAll(sopClasses);
        AssociationProposal a = s.proposal();
        ProbeProposal proposal = new ProbeProposal(a.callingAeTitle(), a.calledAeTitle(), a.maxPduLength(),
                abstractSyntaxes, syntaxes, false, false);
        long start = System.nanoTime();
        PeerInfo info = new PeerInfoProbe(s, proposal, false).run(deadlineNanos);
        PeerReport report = ProbeResults.report(info, System.nanoTime() - start);
        if (LOG.isDebugEnabled()) {
            LOG.debug("Peer report: {} of {} association(s) accepted{}", info.accepted(), info.associations(),
                    info.failures().isEmpty() ? "" : ": " + String.join("; ", info.failures()));
            for (PeerReport.SopClass c : report.sopClasses()) {
                LOG.debug("Peer report: {} accepts {}", c.uid(), c.transferSyntaxes());
            }
        }
        return report;
    }

    private static Target target(Module m, ProbeTarget t, InetAddress address) {
        return new Target(AddressText.host(t.host()), address == null ? null : AddressText.of(address), t.port(),
                m.callingAe(), t.calledAe(), m.tls() != null);
    }
}
