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
import org.echoscu.dimse.Message;
import org.echoscu.dimse.Status;
import org.echoscu.dimse.Tag;
import org.echoscu.acse.Uids;
import org.echoscu.dul.AbortCause;
import org.echoscu.dul.Describe;
import org.echoscu.dul.Indication;
import org.echoscu.dul.PduLogger;
import org.echoscu.dul.UpperLayer;
import org.echoscu.log.Fatal;
import org.echoscu.net.TcpConnector;
import org.echoscu.net.Transport;
import org.echoscu.pdu.AAssociateAc;
import org.echoscu.pdu.AAssociateRj;
import org.echoscu.pdu.AAssociateRq;
import org.slf4j.Logger;
import org.echoscu.log.Logs;

/**
 * The Verification SCU: one association, {@code repeat} C-ECHOs on it, then release or
 * abort. Logs DCMTK's lines at DCMTK's levels, and says so when an echo really failed where
 * DCMTK would report success (peer abort mid-echo, a non-Success status).
 */
public final class EchoScu {

    private static final Logger LOG = Logs.get("dcmtk.apps.echoscu");
    /** After our A-ABORT there is nothing to wait for but the peer's close; do not wait long. */
    private static final int REQUESTOR_ARTIM_SECONDS = 5;

    private final EchoSettings settings;

    // What the run saw, for ProbeResults (monitoring) to read afterwards. Plain fields and a few
    // System.nanoTime() calls: a plain echo pays nothing more and loads no class for them.
    long startedMillis;
    long startedNanos;
    TcpConnector connector;
    /** The transport is up (TCP and TLS done); 0 if it never was. */
    long transportNanos;
    /** A-ASSOCIATE-AC, -RJ or the failure of the association arrived. */
    long answeredNanos;
    long echoStartNanos;
    long echoEndNanos;
    long echoesSent;
    long echoesAnswered;
    long rttMin;
    long rttMax;
    long rttSum;
    double rttSquares;
    long releaseStartNanos;
    long endNanos;
    /** The indication that ended a wait unexpectedly (abort, close, timeout, release request). */
    Indication ending;
    AAssociateRj rejected;
    AAssociateAc accepted;
    Negotiated.Accepted context;
    boolean noContext;
    boolean protocolError;
    /** Status of the last C-ECHO-RSP; -1 when none came. */
    int status = -1;
    /** The failure as the log said it; null on success. */
    String failure;
    private volatile boolean interrupted;
    private volatile UpperLayer current;

    public EchoScu(EchoSettings settings) {
        this.settings = settings;
    }

    /**
     * From another thread (SIGINT): ends the run now, with an A-ABORT if a connection is open;
     * {@link #run()} then returns a failure and {@link #interrupted()} is true.
     */
    public void interrupt() {
        interrupted = true;
        TcpConnector c = connector;
        if (c != null) {
            c.cancel();
        }
        UpperLayer ul = current;
        if (ul != null) {
            ul.interruptWithAbort();
        }
    }

    public boolean interrupted() {
        return interrupted;
    }

    EchoSettings settings() {
        return settings;
    }

    public Outcome run() {
        startedMillis = System.currentTimeMillis();
        startedNanos = System.nanoTime();
        Outcome outcome = associateAndEcho();
        endNanos = System.nanoTime();
        return outcome;
    }

    private Outcome associateAndEcho() {
        AAssociateRq rq = settings.proposal().toPdu();
        if (LOG.isDebugEnabled()) {
            LOG.debug("Request Parameters:\n{}", AssociationDump.request(rq, true));
        }
        LOG.info("Requesting Association");
        UpperLayer ul = UpperLayer.requestor(Math.min(settings.acseTimeout(), REQUESTOR_ARTIM_SECONDS),
                new PduLogger(LOG));
        ul.maxPDataLength(settings.proposal().maxPduLength());
        connector = new TcpConnector(settings.host(), settings.port(), settings.family(),
                settings.connectTimeout(), settings.layer());
        current = ul;
        if (interrupted) { // SIGINT came before there was anything to abort
            return Outcome.ASSOCIATION_FAILED;
        }
        ul.requestAssociation(rq, new Connect(connector));
        Indication answer = ul.receive(Transport.deadlineAfter(settings.acseTimeout()),
                "ACSE timeout (" + settings.acseTimeout() + " s)");
        answeredNanos = System.nanoTime();

        if (answer instanceof Indication.AssociateRejected r) {
            rejected = r.rj();
            logRejection(r.rj());
            return Outcome.ASSOCIATION_FAILED;
        }
        if (!(answer instanceof Indication.AssociateAccepted ac)) {
            ending = answer;
            String why = Describe.interruption(answer);
            if (answer instanceof Indication.ProviderAborted p && p.cause() == AbortCause.CLOSED_BY_PEER) {
                // a TLS server reading our plain request does this
                why += " without answering our A-ASSOCIATE-RQ (does the peer expect TLS? use +tls)";
            }
            fatal("Association Request Failed: " + why);
            ul.abortAndClose();
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
            ul.abortAndClose();
            return Outcome.ASSOCIATION_FAILED;
        }
        context = verification.get();
        LOG.info("Association Accepted (Max Send PDV: {})", negotiated.maxSendPdv());

        DimseChannel dimse = new DimseChannel(ul);
        echoStartNanos = System.nanoTime();
        for (int id = 1; id <= settings.repeat(); id++) {
            Outcome failed = echo(ul, dimse, context.id(), id, negotiated.maxSendPdv());
            if (failed != null) {
                return failed;
            }
        }
        echoEndNanos = System.nanoTime();
        return finish(ul);
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

    private Transport transport(java.net.Socket socket) throws java.io.IOException {
        Transport t = new Transport(socket, settings.socketTimeout());
        return t.explainFailures(settings.layer());
    }

    /** One C-ECHO; null when it succeeded, otherwise how the run ends (the association is dealt with). */
    private Outcome echo(UpperLayer ul, DimseChannel dimse, int contextId, int messageId, long maxPdv) {
        LOG.info("Sending Echo Request (MsgID {})", messageId);
        CommandSet rq = new CommandSet()
                .putUi(Tag.AFFECTED_SOP_CLASS_UID, Uids.VERIFICATION_SOP_CLASS)
                .putUs(Tag.COMMAND_FIELD, CommandField.C_ECHO_RQ)
                .putUs(Tag.MESSAGE_ID, messageId)
                .putUs(Tag.COMMAND_DATA_SET_TYPE, CommandField.NO_DATA_SET);
        if (LOG.isDebugEnabled()) {
            LOG.debug(CommandDump.format(true, contextId, rq));
        }
        long sentNanos = System.nanoTime();
        echoesSent++;
        dimse.sendCommand(contextId, rq, maxPdv);
        String timeoutName = "DIMSE timeout (" + settings.dimseTimeout() + " s)";
        DimseChannel.Received got = dimse.receive(Transport.deadlineAfter(settings.dimseTimeout()), timeoutName);
        long answerNanos = System.nanoTime();

        if (got instanceof DimseChannel.Got g) {
            if (LOG.isDebugEnabled()) {
                LOG.debug(CommandDump.format(false, g.message().contextId(), g.message().command()));
            }
            String problem = checkResponse(g.message(), contextId, messageId);
            if (problem != null) {
                echoEndNanos = answerNanos;
                return protocolError(ul, problem);
            }
            int status = statusOf(g.message());
            this.status = status;
            if (status == Status.SUCCESS) {
                roundTrip(answerNanos - sentNanos);
                LOG.info("Received Echo Response (Success)");
                return null;
            }
            echoEndNanos = answerNanos;
            LOG.info("Received Echo Response (Unknown Status: 0x{}, {})", hex4(status), Status.describe(status));
            echoFailed("Echo Failed: peer answered with status 0x" + hex4(status) + " (" + Status.describe(status) + ")");
            Outcome released = finish(ul);
            return released == Outcome.SUCCESS ? Outcome.ECHO_FAILED : released;
        }
        echoEndNanos = answerNanos;
        if (got instanceof DimseChannel.Broken b) {
            return protocolError(ul, b.why());
        }
        Indication ind = ((DimseChannel.Interrupted) got).indication();
        ending = ind;
        if (ind instanceof Indication.ReleaseRequested) {
            echoFailed("Echo Failed: peer requested release while the echo (MsgID " + messageId + ") was outstanding");
            ul.respondRelease();
            ul.awaitClose();
            return Outcome.ECHO_FAILED;
        }
        echoFailed("Echo Failed: " + Describe.interruption(ind));
        if (ind instanceof Indication.TimedOut) {
            LOG.info("Aborting Association");
        }
        ul.abortAndClose();
        return Outcome.ECHO_FAILED;
    }

    /** Checks a response against the request it should answer (PS3.7 §9.3.5.2); null when it fits. */
    private static String checkResponse(Message m, int contextId, int messageId) {
        try {
            int field = m.commandField();
            if (field != CommandField.C_ECHO_RSP) {
                return "expected C-ECHO-RSP, received " + CommandField.name(field);
            }
            if (m.contextId() != contextId) {
                return "C-ECHO-RSP on presentation context " + m.contextId() + ", the request went on " + contextId;
            }
            int answered = m.command().us(Tag.MESSAGE_ID_BEING_RESPONDED_TO);
            if (answered != messageId) {
                return "C-ECHO-RSP answers message ID " + answered + ", the request had " + messageId;
            }
            if (m.dataSetLength() > 0 || m.command().us(Tag.COMMAND_DATA_SET_TYPE) != CommandField.NO_DATA_SET) {
                return "C-ECHO-RSP carries a data set, which C-ECHO never has";
            }
            m.command().us(Tag.STATUS);
            return null;
        } catch (DimseException e) {
            return "invalid C-ECHO-RSP: " + e.getMessage();
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

    private Outcome protocolError(UpperLayer ul, String problem) {
        protocolError = true;
        echoFailed("Echo Failed: protocol error: " + problem);
        LOG.info("Aborting Association");
        ul.abortAndClose();
        return Outcome.ECHO_FAILED;
    }

    /** Ends a healthy association: A-RELEASE, or A-ABORT under --abort. */
    private Outcome finish(UpperLayer ul) {
        releaseStartNanos = System.nanoTime();
        if (settings.abort()) {
            LOG.info("Aborting Association");
            ul.abortAndClose();
            return Outcome.SUCCESS;
        }
        LOG.info("Releasing Association");
        ul.requestRelease();
        long deadline = Transport.deadlineAfter(settings.acseTimeout());
        String name = "ACSE timeout (" + settings.acseTimeout() + " s)";
        while (true) {
            Indication ind = ul.receive(deadline, name);
            if (ind instanceof Indication.Released) {
                ul.awaitClose();
                return Outcome.SUCCESS;
            }
            if (ind instanceof Indication.ReleaseRequested) { // release collision: answer, then wait for theirs
                ul.respondRelease();
                continue;
            }
            if (ind instanceof Indication.Data) { // late data before the peer's A-RELEASE-RP: PS3.8 AR-6
                continue;
            }
            ending = ind;
            fatal("Association Release Failed: " + Describe.interruption(ind));
            ul.abortAndClose();
            return Outcome.ASSOCIATION_FAILED;
        }
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

    /** AE-1's connect; a class rather than a lambda, which would cost a bootstrap at start-up. */
    private final class Connect implements UpperLayer.Connector {
        private final TcpConnector connector;

        Connect(TcpConnector connector) {
            this.connector = connector;
        }

        @Override
        public Transport connect() throws java.io.IOException {
            Transport t = transport(connector.connect());
            transportNanos = System.nanoTime();
            return t;
        }
    }

    private static String hex4(int v) {
        return Hex.of(v, 4);
    }
}
