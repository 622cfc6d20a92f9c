package org.echoscu.exporter;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.echoscu.acse.AssociationProposal;
import org.echoscu.log.Logs;
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
import org.echoscu.scu.ProbeResults;

/**
 * The one place the exporter calls the requester: resolves the target, checks it against
 * {@code allowed_targets} before any packet leaves, and runs one association bounded by the
 * probe's deadline. Until the requester takes a deadline of its own, every wait is bounded by
 * per-step timeouts of the time left (whole seconds, rounded up) and, at the deadline itself,
 * by the requester's interrupt (A-ABORT if an association is open); a probe so ended is a
 * timeout of the phase it was in, not an interruption.
 */
final class DicomProber {

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

    private final ScheduledExecutorService timer;

    DicomProber(ScheduledExecutorService timer) {
        this.timer = timer;
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
                new ProbeOutcome(1, reason, phase, message, null), null, null);
    }

    /** One association to the resolved target, ended by {@code deadlineNanos} (System.nanoTime) at the latest. */
    ProbeResult probe(ModuleRuntime rt, ProbeTarget t, Resolved r, long deadlineNanos, StringBuilder log) {
        Module m = rt.module();
        long left = deadlineNanos - System.nanoTime();
        int seconds = (int) Math.max(1, (left + 999_999_999L) / 1_000_000_000L);
        EchoSettings s = new EchoSettings(r.address().getHostAddress(), t.port(), m.family(),
                new AssociationProposal(m.callingAe(), t.calledAe(), m.maxPdu(), 1, m.transferSyntaxes()),
                seconds, 0, seconds, seconds, 1, false, rt.layer(), rt.identity(), rt.tunnel());
        EchoScu scu = new EchoScu(s);
        AtomicBoolean expired = new AtomicBoolean();
        ScheduledFuture<?> cut = timer.schedule(() -> {
            expired.set(true);
            scu.interrupt();
        }, Math.max(0, left), TimeUnit.NANOSECONDS);
        EchoRun run;
        Logs.capture(log);
        try {
            run = scu.run();
        } finally {
            Logs.capture(null);
            cut.cancel(false);
        }
        ProbeResult p = ProbeResults.of(run);
        Map<Phase, Long> times = new EnumMap<>(Phase.class);
        times.putAll(p.times().asMap());
        times.put(Phase.RESOLVE, r.resolveNanos() + times.getOrDefault(Phase.RESOLVE, 0L));
        ProbeOutcome o = p.outcome();
        if (expired.get() && o.reason() == Reason.INTERRUPTED) {
            o = new ProbeOutcome(o.exitCode(), timeout(o.phase()), o.phase(),
                    "the probe's deadline (" + Math.round(left / 1e6) + " ms) passed in phase " + o.phase().key(), null);
        }
        return new ProbeResult(target(m, t, r.address()), r.started(), PhaseTimes.of(times), p.echoes(), o, p.peer(),
                p.status());
    }

    private static Reason timeout(Phase phase) {
        return switch (phase) {
            case RESOLVE, CONNECT -> Reason.TIMEOUT_CONNECT;
            case TLS -> Reason.TLS;
            case ECHO -> Reason.TIMEOUT_ECHO;
            case RELEASE -> Reason.TIMEOUT_RELEASE;
            default -> Reason.TIMEOUT_ASSOCIATE;
        };
    }

    private static Target target(Module m, ProbeTarget t, InetAddress address) {
        return new Target(t.host(), address == null ? null : address.getHostAddress(), t.port(), m.callingAe(),
                t.calledAe(), m.tls() != null);
    }
}
