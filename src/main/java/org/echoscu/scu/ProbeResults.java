package org.echoscu.scu;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;

import javax.net.ssl.SSLException;

import org.echoscu.acse.ProbeAnswers;
import org.echoscu.dimse.Status;
import org.echoscu.dul.AbortCause;
import org.echoscu.dul.Indication;
import org.echoscu.net.AddressText;
import org.echoscu.net.TimeoutExpiredException;
import org.echoscu.pdu.AAssociateAc;
import org.echoscu.pdu.UserInfoSubItem;
import org.echoscu.pdu.UserInformation;
import org.echoscu.probe.PeerFacts;
import org.echoscu.probe.PeerReport;
import org.echoscu.probe.Phase;
import org.echoscu.probe.PhaseTimes;
import org.echoscu.probe.ProbeOutcome;
import org.echoscu.probe.ProbeResult;
import org.echoscu.probe.Reason;
import org.echoscu.probe.Rejection;
import org.echoscu.probe.RoundTrips;
import org.echoscu.probe.Target;

/**
 * Turns what an {@link EchoScu} run saw (its {@link EchoRun}) into a {@link ProbeResult}. Only
 * monitoring outputs call this, after the run, so a plain echo never loads it nor the model. The reason is
 * decided from types alone: the indication that ended a wait, the exception behind it, the
 * PDU received; never from the words of a message.
 */
public final class ProbeResults {

    private ProbeResults() {
    }

    /** The probe model of a finished run. */
    public static ProbeResult of(EchoRun scu) {
        EchoSettings s = scu.settings();
        Outcome outcome = scu.outcome();
        String address = scu.address() == null ? null : AddressText.of(scu.address());
        Target target = new Target(AddressText.host(s.host()), address, s.port(), s.proposal().callingAeTitle(),
                s.proposal().calledAeTitle(), s.layer() != null);
        Phase phase = endPhase(scu, outcome);
        Reason reason = reason(scu, outcome, phase);
        Rejection rejection = scu.rejected() == null ? null
                : new Rejection(scu.rejected().result(), scu.rejected().source(), scu.rejected().reason());
        ProbeOutcome end = new ProbeOutcome(outcome.exitCode(), reason, phase,
                reason == Reason.OK ? null : message(scu, reason), rejection);
        return new ProbeResult(target, Instant.ofEpochMilli(scu.startedMillis()), times(scu, s.layer() != null),
                roundTrips(scu.echoes()), end, peer(scu), scu.status() < 0 ? null : scu.status(),
                scu.tls() == null ? null : scu.tls().toSession());
    }

    /**
     * The probe model of a peer report: per SOP class, the transfer syntaxes accepted, in the
     * order of the proposal; {@code durationNanos} is how long the report took.
     */
    public static PeerReport report(PeerInfo info, long durationNanos) {
        List<PeerReport.SopClass> classes = new ArrayList<>(info.syntaxes().size());
        for (ProbeAnswers.Syntax s : info.syntaxes()) {
            classes.add(new PeerReport.SopClass(s.abstractSyntax(), s.probed(), s.accepted()));
        }
        return new PeerReport(info.associations(), info.accepted(), durationNanos, classes);
    }

    private static String message(EchoRun scu, Reason reason) {
        if (scu.failure() != null) {
            return scu.failure();
        }
        return reason == Reason.INTERRUPTED ? "interrupted" : "failed";
    }

    static Reason reason(EchoRun scu, Outcome outcome, Phase phase) {
        if (outcome == Outcome.SUCCESS) {
            return Reason.OK;
        }
        if (scu.interrupted()) {
            return Reason.INTERRUPTED;
        }
        if (scu.rejected() != null) {
            return Reason.REJECTED;
        }
        if (scu.noContext()) {
            return Reason.NO_ACCEPTABLE_CONTEXT;
        }
        if (scu.protocolError()) {
            return Reason.PROTOCOL_ERROR;
        }
        if (scu.status() >= 0 && scu.status() != Status.SUCCESS) {
            return Reason.STATUS;
        }
        if (proxyFailed(scu)) { // the proxy refused, failed, or could not reach the peer (its words are in the log)
            return Reason.PROXY;
        }
        return ending(scu.ending(), phase);
    }

    /** A proxy was to be used, its name resolved, and no tunnel came of it. */
    private static boolean proxyFailed(EchoRun scu) {
        EchoRun.Times t = scu.times();
        return scu.settings().tunnel() != null && t.resolved() != 0 && t.tunnelOpened() == 0 && t.transport() == 0;
    }

    /** The reason an indication stands for, in the phase it came in. */
    static Reason ending(Indication ind, Phase phase) {
        if (ind instanceof Indication.TimedOut) {
            return timeout(phase);
        }
        if (ind instanceof Indication.PeerAborted) {
            return Reason.ABORTED;
        }
        if (ind instanceof Indication.ReleaseRequested) {
            return Reason.PEER_RELEASE;
        }
        if (!(ind instanceof Indication.ProviderAborted p)) {
            return Reason.CLOSED;
        }
        if (p.cause() == AbortCause.CONNECT_FAILED) {
            return connectFailure(p.error(), phase);
        }
        if (has(p.error(), SSLException.class)) {
            return Reason.TLS;
        }
        return switch (p.cause()) {
            case INVALID_PDU, UNEXPECTED_PDU, UNSUPPORTED_PROTOCOL_VERSION -> Reason.PROTOCOL_ERROR;
            case ARTIM_EXPIRED -> timeout(phase);
            default -> Reason.CLOSED;
        };
    }

    private static Reason timeout(Phase phase) {
        return switch (phase) {
            case ECHO -> Reason.TIMEOUT_ECHO;
            case RELEASE -> Reason.TIMEOUT_RELEASE;
            default -> Reason.TIMEOUT_ASSOCIATE;
        };
    }

    private static Reason connectFailure(Exception cause, Phase phase) {
        if (has(cause, TimeoutExpiredException.class)) { // the deadline of the probe came before a connection
            return Reason.TIMEOUT_CONNECT;
        }
        if (phase == Phase.RESOLVE || has(cause, UnknownHostException.class)) {
            return Reason.RESOLVE;
        }
        if (phase == Phase.TLS || has(cause, SSLException.class)) {
            return Reason.TLS;
        }
        if (has(cause, SocketTimeoutException.class)) {
            return Reason.TIMEOUT_CONNECT;
        }
        if (has(cause, ConnectException.class)) {
            return Reason.REFUSED;
        }
        return Reason.UNREACHABLE;
    }

    private static boolean has(Throwable t, Class<? extends Throwable> kind) {
        for (int depth = 0; t != null && depth < 10; t = t.getCause(), depth++) {
            if (kind.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    /** The phase the run ended in: where it failed, or the release when it did not. */
    static Phase endPhase(EchoRun scu, Outcome outcome) {
        EchoRun.Times t = scu.times();
        if (t.transport() == 0) {
            if (t.resolved() == 0) {
                return Phase.RESOLVE;
            }
            if (scu.settings().tunnel() != null && t.tcpConnected() != 0 && t.tunnelOpened() == 0) {
                return Phase.PROXY; // connected to the proxy, which did not open the tunnel
            }
            return t.tcpConnected() == 0 ? Phase.CONNECT : Phase.TLS;
        }
        if (scu.accepted() == null || scu.noContext()) {
            return Phase.ASSOCIATE;
        }
        if (outcome != Outcome.SUCCESS && t.echoEnd() != 0 && scu.echoes().answered() < scu.echoes().sent()) {
            return Phase.ECHO;
        }
        return t.releaseStart() != 0 ? Phase.RELEASE : Phase.ECHO;
    }

    /** The duration of each phase that happened, in the order they happened. */
    static PhaseTimes times(EchoRun scu, boolean tls) {
        EnumMap<Phase, Long> d = new EnumMap<>(Phase.class);
        EchoRun.Times t = scu.times();
        long end = t.end();
        long resolved = t.resolved();
        long tcp = t.tcpConnected();
        long stop = t.answered() != 0 ? t.answered() : end;
        if (resolved == 0) {
            d.put(Phase.RESOLVE, stop - t.started());
            return PhaseTimes.of(d);
        }
        d.put(Phase.RESOLVE, resolved - t.started());
        long transport = t.transport();
        if (tcp == 0) {
            d.put(Phase.CONNECT, stop - resolved);
            return PhaseTimes.of(d);
        }
        d.put(Phase.CONNECT, tcp - resolved); // through a proxy: the TCP connection to the proxy
        if (scu.settings().tunnel() != null) { // then the proxy's handshake, up to the tunnel to the peer
            long opened = t.tunnelOpened();
            d.put(Phase.PROXY, (opened != 0 ? opened : stop) - tcp);
            if (opened == 0) {
                return PhaseTimes.of(d);
            }
            tcp = opened; // TLS runs end to end from here
        }
        if (tls) {
            d.put(Phase.TLS, (transport != 0 ? transport : stop) - tcp);
        }
        if (transport == 0) {
            return PhaseTimes.of(d);
        }
        d.put(Phase.ASSOCIATE, stop - transport);
        if (t.echoStart() != 0) {
            long echoEnd = t.echoEnd() != 0 ? t.echoEnd() : (t.releaseStart() != 0 ? t.releaseStart() : end);
            d.put(Phase.ECHO, echoEnd - t.echoStart());
        }
        if (t.releaseStart() != 0) {
            d.put(Phase.RELEASE, end - t.releaseStart());
        }
        return PhaseTimes.of(d);
    }

    static RoundTrips roundTrips(EchoRun.Echoes e) {
        return new RoundTrips(e.sent(), e.answered(), e.minNanos(), e.maxNanos(), e.sumNanos(), e.sumSquares());
    }

    static PeerFacts peer(EchoRun scu) {
        AAssociateAc ac = scu.accepted();
        if (ac == null) {
            return null;
        }
        UserInformation ui = ac.userInformation();
        String uid = ui == null ? null : ui.find(UserInfoSubItem.ImplementationClassUid.class)
                .map(UserInfoSubItem.ImplementationClassUid::uid).orElse(null);
        String version = ui == null ? null : ui.find(UserInfoSubItem.ImplementationVersionName.class)
                .map(UserInfoSubItem.ImplementationVersionName::name).orElse(null);
        long maxPdu = ui == null ? -1 : ui.find(UserInfoSubItem.MaxLength.class)
                .map(UserInfoSubItem.MaxLength::value).orElse(-1L);
        return new PeerFacts(uid, version, maxPdu, scu.context() == null ? null : scu.context().transferSyntax());
    }
}
