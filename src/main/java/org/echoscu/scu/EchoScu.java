package org.echoscu.scu;

import org.echoscu.text.Hex;
import java.util.Optional;

import org.echoscu.acse.AssociationDump;
import org.echoscu.acse.Negotiated;
import org.echoscu.acse.RejectReasons;
import org.echoscu.dimse.CommandDump;
import org.echoscu.dimse.CommandField;
import org.echoscu.dimse.CommandSet;
import org.echoscu.dimse.DimseChannel;
import org.echoscu.dimse.DimseException;
import org.echoscu.dimse.EncodedCommand;
import org.echoscu.dimse.Message;
import org.echoscu.dimse.Status;
import org.echoscu.dimse.Tag;
import org.echoscu.acse.Uids;
import org.echoscu.dul.AbortCause;
import org.echoscu.dul.Describe;
import org.echoscu.dul.Indication;
import org.echoscu.dul.UpperLayer;
import org.echoscu.log.Fatal;
import org.echoscu.net.Deadlines;
import org.echoscu.net.TcpConnector;
import org.echoscu.pdu.AAssociateAc;
import org.echoscu.pdu.AAssociateRj;
import org.echoscu.pdu.AAssociateRq;
import org.slf4j.Logger;
import org.echoscu.log.Logs;

/**
 * The Verification SCU: one association, {@code repeat} C-ECHOs on it, then release or
 * abort. Logs DCMTK's lines at DCMTK's levels, and says so when an echo really failed where
 * DCMTK would report success (peer abort mid-echo, a non-Success status).
 *
 * <p>The one way to run a probe: {@code new EchoScu(settings).run(deadline)} returns the
 * immutable {@link EchoRun} of what it saw ({@code ProbeResults.of(run)} makes the probe model
 * of it); {@link #interrupt} from any other thread ends it at once. An instance runs once.
 */
public final class EchoScu {

    private static final Logger LOG = Logs.get("dcmtk.apps.echoscu");

    /** DCMTK up to 3.6.8 drops an A-ASSOCIATE-RQ with more syntaxes in a context, without an answer. */
    private static final int DCMTK_368_MAX_TRANSFER_SYNTAXES = 50;
    /** Message IDs are 16 bits (PS3.7 E.1); DCMTK's next ID is an unsigned short, 65535 wraps to 0. */
    private static final int MESSAGE_ID_MASK = 0xFFFF;
    /** What the log and the probe say of a run ended by {@link #interrupt}. */
    static final String INTERRUPTED = "interrupted by the user";

    private final EchoSettings settings;
    /** Opens the connection in place of the TCP connector (unit tests); null for the connector. */
    private final Requester.Dial dial;

    // What the run saw, until run() makes its EchoRun of them: plain fields and a few
    // System.nanoTime() calls, so a plain echo pays nothing more and loads no class for them.
    // Only the thread in run() touches them; interrupt() touches the two volatile ones.
    private long answeredNanos;
    private long echoStartNanos;
    private long echoEndNanos;
    private long releaseStartNanos;
    private long echoesSent;
    private long echoesAnswered;
    private long rttMin;
    private long rttMax;
    private long rttSum;
    private double rttSquares;
    private Indication ending;
    private AAssociateRj rejected;
    private AAssociateAc accepted;
    private Negotiated.Accepted context;
    private boolean noContext;
    private boolean protocolError;
    private int status = -1;
    private String failure;
    private boolean ran;
    private volatile boolean interrupted;
    private volatile Requester current;

    public EchoScu(EchoSettings settings) {
        this(settings, null);
    }

    /** A run over the connection {@code dial} opens (unit tests, in memory); the settings' peer is not dialled. */
    EchoScu(EchoSettings settings, Requester.Dial dial) {
        this.settings = settings;
        this.dial = dial;
    }

    /**
     * From another thread (SIGINT, a cancel): ends the run now, with an A-ABORT if a connection
     * is open; {@link #run} then returns a failed, interrupted {@link EchoRun}.
     */
    public void interrupt() {
        interrupted = true;
        Requester r = current;
        if (r != null) {
            r.cancel();
        }
    }

    public boolean interrupted() {
        return interrupted;
    }

    /** The run with no deadline but the timeouts of its settings. */
    public EchoRun run() {
        return run(0);
    }

    /**
     * Runs the association and its echoes.
     *
     * @param deadlineNanos a {@link System#nanoTime()} deadline that bounds every wait of the run
     *                      (name resolution, TCP connect, proxy and TLS handshakes, association,
     *                      echoes, release and the wait for the peer's close), as well as the
     *                      timeouts of the settings do; 0 for none. A run that it ends fails as
     *                      a timeout of the phase it was in.
     */
    public EchoRun run(long deadlineNanos) {
        if (ran) {
            throw new IllegalStateException("an EchoScu runs once");
        }
        ran = true;
        long startedMillis = System.currentTimeMillis();
        long startedNanos = System.nanoTime();
        Requester requester = new Requester(settings, settings.proposal().maxPduLength(), deadlineNanos, LOG, dial);
        Outcome outcome = associateAndEcho(requester);
        long endNanos = System.nanoTime();
        TcpConnector c = requester.connector();
        return new EchoRun(settings, outcome, interrupted, startedMillis,
                new EchoRun.Times(startedNanos, c.resolvedNanos(), c.tcpConnectedNanos(), c.tunnelOpenedAt(),
                        requester.transportNanos(), answeredNanos, echoStartNanos, echoEndNanos, releaseStartNanos,
                        endNanos),
                requester.tls(), c.address(), new EchoRun.Echoes(echoesSent, echoesAnswered, rttMin, rttMax, rttSum, rttSquares),
                accepted, rejected, context, noContext, protocolError, status, ending, failure);
    }

    private Outcome associateAndEcho(Requester requester) {
        AAssociateRq rq = settings.proposal().toPdu();
        if (settings.identity() != null) {
            rq = org.echoscu.acse.UserIdentity.withIdentity(rq, settings.identity());
        }
        if (LOG.isDebugEnabled()) {
            LOG.debug("Request Parameters:\n{}", AssociationDump.request(rq, true));
        }
        LOG.info("Requesting Association");
        current = requester;
        if (interrupted) { // SIGINT came before there was anything to abort
            return Outcome.ASSOCIATION_FAILED;
        }
        Indication answer = requester.associate(rq);
        answeredNanos = System.nanoTime();

        if (answer instanceof Indication.AssociateRejected r) {
            rejected = r.rj();
            logRejection(r.rj());
            return Outcome.ASSOCIATION_FAILED;
        }
        if (!(answer instanceof Indication.AssociateAccepted ac)) {
            ending = answer;
            String why = interruption(answer);
            if (interrupted) {
                why = INTERRUPTED;
            } else if (answer instanceof Indication.ProviderAborted p && p.cause() == AbortCause.CLOSED_BY_PEER) {
                // a TLS server reading our plain request does this
                why += " without answering our A-ASSOCIATE-RQ (does the peer expect TLS? use +tls)";
            } else if (answer instanceof Indication.TimedOut
                    && settings.proposal().transferSyntaxes().size() > DCMTK_368_MAX_TRANSFER_SYNTAXES) {
                why += " (DCMTK 3.6.8 and older never answer a context of more than "
                        + DCMTK_368_MAX_TRANSFER_SYNTAXES + " transfer syntaxes: try -pts "
                        + DCMTK_368_MAX_TRANSFER_SYNTAXES + ")";
            }
            fatal("Association Request Failed: " + why);
            requester.abort();
            return Outcome.ASSOCIATION_FAILED;
        }
        accepted = ac.ac();
        Negotiated negotiated = new Negotiated(rq, ac.ac());
        if (LOG.isDebugEnabled()) {
            LOG.debug("Association Parameters Negotiated:\n{}", AssociationDump.negotiated(rq, ac.ac(), true));
        }
        Optional<Negotiated.Accepted> verification = negotiated.verificationContext();
        if (verification.isEmpty()) {
            noContext = true;
            fatal("No Acceptable Presentation Contexts");
            requester.abort();
            return Outcome.ASSOCIATION_FAILED;
        }
        context = verification.get();
        LOG.info("Association Accepted (Max Send PDV: {})", negotiated.maxSendPdv());
        if (settings.identity() != null && settings.identity().positiveResponseRequested()
                && accepted.userInformation().find(org.echoscu.pdu.UserInfoSubItem.UserIdentityAc.class).isEmpty()) {
            // DCMTK's storescu gives up here; a peer that ignores identities still answers echoes, so we go on
            LOG.warn("User Identity Negotiation failed: Positive response requested but none received");
        }

        UpperLayer ul = requester.upperLayer();
        DimseChannel dimse = new DimseChannel(ul);
        String timeoutName = "DIMSE timeout (" + settings.dimseTimeout() + " s)";
        // the C-ECHO-RQ is encoded once; each echo only patches its message ID into the bytes
        EncodedCommand request = new EncodedCommand(new CommandSet()
                .putUi(Tag.AFFECTED_SOP_CLASS_UID, Uids.VERIFICATION_SOP_CLASS)
                .putUs(Tag.COMMAND_FIELD, CommandField.C_ECHO_RQ)
                .putUs(Tag.MESSAGE_ID, 0)
                .putUs(Tag.COMMAND_DATA_SET_TYPE, CommandField.NO_DATA_SET), Tag.MESSAGE_ID);
        long maxSendPdv = negotiated.maxSendPdv();
        echoStartNanos = System.nanoTime();
        for (long n = 1; n <= settings.repeat(); n++) {
            int id = (int) (n & MESSAGE_ID_MASK); // as DCMTK: 1, 2, ... 65535, 0, 1, ...
            Outcome failed = echo(requester, dimse, request, context.id(), id, maxSendPdv, timeoutName);
            if (failed != null) {
                return failed;
            }
        }
        echoEndNanos = System.nanoTime();
        return finish(requester);
    }

    /** What ended a wait, in words; an interrupted run says so, not what the interruption did to the connection. */
    private String interruption(Indication ind) {
        return interrupted ? INTERRUPTED : Describe.interruption(ind);
    }

    /** Logs a fatal failure and keeps its words for monitoring. */
    private void fatal(String message) {
        failure = message;
        LOG.error(Fatal.MARKER, "{}", message);
    }

    /** Logs a failed echo and keeps its words for monitoring. */
    private void echoFailed(String message) {
        failure = message;
        LOG.error("{}", message);
    }

    /** One C-ECHO; null when it succeeded, otherwise how the run ends (the association is dealt with). */
    private Outcome echo(Requester requester, DimseChannel dimse, EncodedCommand request, int contextId,
                         int messageId, long maxPdv, String timeoutName) {
        // the log lines in methods of their own, each level asked once per echo: C1 compiles
        // this method, which a long series runs for every echo, without the logging calls
        boolean info = LOG.isInfoEnabled();
        boolean debug = LOG.isDebugEnabled();
        if (info || debug) {
            logSending(request, contextId, messageId, info, debug);
        }
        long sentNanos = System.nanoTime();
        echoesSent++;
        dimse.sendEncoded(contextId, request.with(messageId), maxPdv);
        DimseChannel.Received got = dimse.receive(Deadlines.after(settings.dimseTimeout()), timeoutName);
        long answerNanos = System.nanoTime();

        if (got instanceof DimseChannel.Got g) {
            if (debug) {
                logReceived(g.message());
            }
            String problem = checkResponse(g.message(), contextId, messageId);
            if (problem != null) {
                echoEndNanos = answerNanos;
                return protocolError(requester, problem);
            }
            int status = statusOf(g.message());
            this.status = status;
            if (status == Status.SUCCESS) {
                roundTrip(answerNanos - sentNanos);
                if (info) {
                    logSuccess();
                }
                return null;
            }
            echoEndNanos = answerNanos;
            return answeredWithFailure(requester, status);
        }
        echoEndNanos = answerNanos;
        return notAnswered(requester, got, messageId);
    }

    private static void logSending(EncodedCommand request, int contextId, int messageId, boolean info, boolean debug) {
        if (info) {
            LOG.info("Sending Echo Request (MsgID {})", messageId);
        }
        if (debug) {
            LOG.debug(CommandDump.format(true, contextId, request.commandWith(messageId)));
        }
    }

    private static void logReceived(Message response) {
        LOG.debug(CommandDump.format(false, response.contextId(), response.command()));
    }

    private static void logSuccess() {
        LOG.info("Received Echo Response (Success)");
    }

    // The two ways an echo ends badly, in methods of their own: a long series runs only the
    // method above, so C1 compiles it without them (a shorter warm-up, docs/PERFORMANCE.md).

    /** The peer answered with a status other than Success: the run ends with a release. */
    private Outcome answeredWithFailure(Requester requester, int status) {
        LOG.info("Received Echo Response (Unknown Status: 0x{}, {})", hex4(status), Status.describe(status));
        echoFailed("Echo Failed: peer answered with status 0x" + hex4(status) + " (" + Status.describe(status) + ")");
        Outcome released = finish(requester);
        return released == Outcome.SUCCESS ? Outcome.ECHO_FAILED : released;
    }

    /** No C-ECHO-RSP came: a broken message, or the association ended or timed out meanwhile. */
    private Outcome notAnswered(Requester requester, DimseChannel.Received got, int messageId) {
        if (got instanceof DimseChannel.Broken b) {
            return protocolError(requester, b.why());
        }
        Indication ind = ((DimseChannel.Interrupted) got).indication();
        ending = ind;
        if (ind instanceof Indication.ReleaseRequested) {
            echoFailed("Echo Failed: peer requested release while the echo (MsgID " + messageId + ") was outstanding");
            requester.upperLayer().respondRelease();
            requester.awaitClose();
            return Outcome.ECHO_FAILED;
        }
        echoFailed("Echo Failed: " + interruption(ind));
        if (ind instanceof Indication.TimedOut) {
            LOG.info("Aborting Association");
        }
        requester.abort();
        return Outcome.ECHO_FAILED;
    }

    /** Checks a response against the request it should answer (PS3.7 §9.3.5.2); null when it fits. */
    private static String checkResponse(Message m, int contextId, int messageId) {
        try {
            int field = m.commandField();
            if (field != CommandField.C_ECHO_RSP) {
                return unlike(NOT_AN_ECHO_RESPONSE, field, contextId, messageId, null);
            }
            if (m.contextId() != contextId) {
                return unlike(OTHER_CONTEXT, m.contextId(), contextId, messageId, null);
            }
            int answered = m.command().us(Tag.MESSAGE_ID_BEING_RESPONDED_TO);
            if (answered != messageId) {
                return unlike(OTHER_MESSAGE, answered, contextId, messageId, null);
            }
            if (m.dataSetLength() > 0 || m.command().us(Tag.COMMAND_DATA_SET_TYPE) != CommandField.NO_DATA_SET) {
                return unlike(WITH_DATA_SET, 0, contextId, messageId, null);
            }
            m.command().us(Tag.STATUS);
            return null;
        } catch (DimseException e) {
            return unlike(INVALID, 0, contextId, messageId, e.getMessage());
        }
    }

    // What checkResponse found wrong, and its words: put together in a method of their own, too
    // big for C1 to inline, so that a long series, which checks every response, has C1 compile the
    // checks without the string building (docs/PERFORMANCE.md).
    private static final int NOT_AN_ECHO_RESPONSE = 0;
    private static final int OTHER_CONTEXT = 1;
    private static final int OTHER_MESSAGE = 2;
    private static final int WITH_DATA_SET = 3;
    private static final int INVALID = 4;

    private static String unlike(int problem, int found, int contextId, int messageId, String invalid) {
        switch (problem) {
            case NOT_AN_ECHO_RESPONSE:
                return "expected C-ECHO-RSP, received " + CommandField.name(found);
            case OTHER_CONTEXT:
                return "C-ECHO-RSP on presentation context " + found + ", the request went on " + contextId;
            case OTHER_MESSAGE:
                return "C-ECHO-RSP answers message ID " + found + ", the request had " + messageId;
            case WITH_DATA_SET:
                return "C-ECHO-RSP carries a data set, which C-ECHO never has";
            default:
                return "invalid C-ECHO-RSP: " + invalid;
        }
    }

    private static int statusOf(Message m) {
        try {
            return m.command().us(Tag.STATUS);
        } catch (DimseException e) {
            throw new IllegalStateException("status checked before", e);
        }
    }

    private void roundTrip(long nanos) {
        rttMin = echoesAnswered == 0 ? nanos : Math.min(rttMin, nanos);
        rttMax = Math.max(rttMax, nanos);
        rttSum += nanos;
        rttSquares += (double) nanos * nanos;
        echoesAnswered++;
    }

    private Outcome protocolError(Requester requester, String problem) {
        protocolError = true;
        echoFailed("Echo Failed: protocol error: " + problem);
        LOG.info("Aborting Association");
        requester.abort();
        return Outcome.ECHO_FAILED;
    }

    /** Ends a healthy association: A-RELEASE, or A-ABORT under --abort. */
    private Outcome finish(Requester requester) {
        releaseStartNanos = System.nanoTime();
        if (settings.abort()) {
            LOG.info("Aborting Association");
            requester.abort();
            return Outcome.SUCCESS;
        }
        LOG.info("Releasing Association");
        Indication failed = requester.release();
        if (failed == null) {
            return Outcome.SUCCESS;
        }
        ending = failed;
        fatal("Association Release Failed: " + interruption(failed));
        requester.abort();
        return Outcome.ASSOCIATION_FAILED;
    }

    private void logRejection(AAssociateRj rj) {
        StringBuilder sb = new StringBuilder("Association Rejected:\n");
        sb.append("Result: ").append(RejectReasons.result(rj.result()))
                .append(", Source: ").append(RejectReasons.source(rj.source())).append('\n')
                .append("Reason: ").append(RejectReasons.reason(rj.source(), rj.reason()));
        String hint = RejectReasons.hint(rj.source(), rj.reason());
        if (hint != null) {
            sb.append("\nHint: ").append(hint);
        }
        fatal(sb.toString());
    }

    private static String hex4(int v) {
        return Hex.of(v, 4);
    }
}
