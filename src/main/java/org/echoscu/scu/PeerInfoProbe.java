package org.echoscu.scu;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.echoscu.acse.ProbeAnswers;
import org.echoscu.acse.ProbeProposal;
import org.echoscu.acse.RejectReasons;
import org.echoscu.acse.TransferSyntax;
import org.echoscu.acse.Uids;
import org.echoscu.dul.AbortCause;
import org.echoscu.dul.Describe;
import org.echoscu.dul.Indication;
import org.echoscu.log.Logs;
import org.echoscu.pdu.AAssociateAc;
import org.echoscu.pdu.AAssociateRj;
import org.echoscu.pdu.AAssociateRq;
import org.echoscu.pdu.UserInfoSubItem;
import org.slf4j.Logger;

/**
 * Runs {@code --peer-info} against one peer: the associations of a {@link ProbeProposal}, each
 * released as soon as its answer is in (no DIMSE traffic), and, when asked, one more to a
 * random called AE title. The connection settings (host, timeouts, TLS layer, proxy) are those
 * of an echo, and so is the requester ({@link Requester}); the proposal in {@code connection} is
 * not used.
 */
public final class PeerInfoProbe {

    private static final Logger LOG = Logs.get("dcmtk.apps.echoscu");
    private static final String TITLE_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    private final EchoSettings connection;
    private final ProbeProposal proposal;
    private final boolean checkCalledAe;
    private long deadlineNanos;

    public PeerInfoProbe(EchoSettings connection, ProbeProposal proposal, boolean checkCalledAe) {
        this.connection = connection;
        this.proposal = proposal;
        this.checkCalledAe = checkCalledAe;
    }

    /** The report with no deadline but the timeouts of the connection's settings. */
    public PeerInfo run() {
        return run(0);
    }

    /**
     * The report, every wait of each association bounded by {@code deadlineNanos} (a
     * {@link System#nanoTime()} deadline, 0 for none) as well as by the settings' timeouts: an
     * association it ends is one the peer did not accept.
     */
    public PeerInfo run(long deadlineNanos) {
        this.deadlineNanos = deadlineNanos;
        List<AAssociateRq> requests = proposal.requests();
        List<AAssociateAc> answers = new ArrayList<>(requests.size());
        List<String> failures = new ArrayList<>();
        TlsFacts tls = null;
        AAssociateAc first = null;
        for (int i = 0; i < requests.size(); i++) {
            Attempt a = associate(requests.get(i));
            answers.add(a.ac);
            tls = tls == null ? a.tls : tls;
            if (a.ac == null) {
                String which = requests.size() == 1 ? "" : "association " + (i + 1) + " of " + requests.size() + ": ";
                failures.add(which + a.failure + extrasHint(a));
            } else if (first == null) {
                first = a.ac;
            }
        }
        PeerInfo.CalledAeCheck check = checkCalledAe ? calledAeCheck() : null;
        int accepted = (int) answers.stream().filter(ac -> ac != null).count();
        return new PeerInfo(requests.size(), accepted, proposal.pairs().size(),
                first == null ? "" : first.userInformation().implementationClassUid(),
                first == null ? "" : first.userInformation().implementationVersionName(),
                first == null ? -1 : first.userInformation().maxLength(),
                ProbeAnswers.of(requests, answers), proposal.async(),
                first == null ? null : first.userInformation().find(UserInfoSubItem.AsyncOperationsWindow.class)
                        .orElse(null),
                proposal.roles(), tls, check, failures);
    }

    private String extrasHint(Attempt a) {
        if (!a.dropped || !(proposal.async() || proposal.roles())) {
            return "";
        }
        return " (some peers drop the connection on the "
                + (proposal.async() && proposal.roles() ? "asynchronous operations window or role selection"
                : proposal.async() ? "asynchronous operations window" : "role selection")
                + " sub-item: try without " + (proposal.async() && proposal.roles() ? "--probe-async and --probe-roles"
                : proposal.async() ? "--probe-async" : "--probe-roles") + ")";
    }

    private PeerInfo.CalledAeCheck calledAeCheck() {
        StringBuilder title = new StringBuilder("X");
        ThreadLocalRandom random = ThreadLocalRandom.current();
        while (title.length() < 16) {
            title.append(TITLE_CHARS.charAt(random.nextInt(TITLE_CHARS.length())));
        }
        String random16 = title.toString();
        AAssociateRq rq = new ProbeProposal(proposal.callingAeTitle(), random16, proposal.maxPduLength(),
                List.of(Uids.VERIFICATION_SOP_CLASS), List.of(TransferSyntax.LITTLE_ENDIAN_IMPLICIT.uid()),
                false, false).requests().get(0);
        Attempt a = associate(rq);
        if (a.ac != null) {
            return new PeerInfo.CalledAeCheck(random16, PeerInfo.Verdict.DOES_NOT_CHECK,
                    "the peer accepted an association to the random called AE title " + random16
                            + ": it does not check the called AE title");
        }
        if (a.rj != null && a.rj.source() == AAssociateRj.SOURCE_SERVICE_USER && a.rj.reason() == 7) {
            return new PeerInfo.CalledAeCheck(random16, PeerInfo.Verdict.CHECKS,
                    "the peer rejected the random called AE title " + random16
                            + " (called AE title not recognized): it checks the called AE title");
        }
        return new PeerInfo.CalledAeCheck(random16, PeerInfo.Verdict.UNKNOWN,
                "cannot tell whether the peer checks the called AE title: the association to the random title "
                        + random16 + " failed for another reason (" + a.failure + ")");
    }

    /** Outcome of one association: the AC (then released), or the RJ, or why it failed. */
    private static final class Attempt {
        AAssociateAc ac;
        AAssociateRj rj;
        String failure;
        boolean dropped;
        TlsFacts tls;
    }

    private Attempt associate(AAssociateRq rq) {
        Attempt a = new Attempt();
        Requester requester = new Requester(connection, proposal.maxPduLength(), deadlineNanos, LOG);
        LOG.debug("Requesting Association ({} presentation contexts)", rq.presentationContexts().size());
        requester.request(rq);
        a.tls = requester.tls();
        Indication answer = requester.answer();
        if (answer instanceof Indication.AssociateAccepted ok) {
            a.ac = ok.ac();
            Indication failed = requester.release();
            if (failed != null) {
                LOG.debug("Association Release Failed: {}", Describe.interruption(failed));
                requester.abort();
            }
            return a;
        }
        if (answer instanceof Indication.AssociateRejected r) {
            a.rj = r.rj();
            a.failure = "association rejected (Result: " + RejectReasons.result(a.rj.result()) + ", Source: "
                    + RejectReasons.source(a.rj.source()) + ", Reason: "
                    + RejectReasons.reason(a.rj.source(), a.rj.reason()) + ")";
            requester.awaitClose();
            return a;
        }
        a.failure = "association request failed: " + Describe.interruption(answer);
        a.dropped = answer instanceof Indication.PeerAborted || (answer instanceof Indication.ProviderAborted p
                && (p.cause() == AbortCause.CLOSED_BY_PEER || p.cause() == AbortCause.CONNECTION_LOST));
        requester.abort();
        return a;
    }
}
