package org.echoscu.scp;

import static org.echoscu.scp.EchoScp.LOG;

import java.io.IOException;
import java.net.Socket;
import java.util.HashSet;
import java.util.Set;

import org.echoscu.acse.AcceptorPolicy;
import org.echoscu.acse.AssociationDump;
import org.echoscu.acse.Negotiated;
import org.echoscu.acse.RejectReasons;
import org.echoscu.acse.Uids;
import org.echoscu.dimse.CommandDump;
import org.echoscu.dimse.CommandField;
import org.echoscu.dimse.CommandSet;
import org.echoscu.dimse.DimseChannel;
import org.echoscu.dimse.DimseException;
import org.echoscu.dimse.Message;
import org.echoscu.dimse.Status;
import org.echoscu.dimse.Tag;
import org.echoscu.dul.Describe;
import org.echoscu.dul.Indication;
import org.echoscu.dul.PduLogger;
import org.echoscu.dul.UpperLayer;
import org.echoscu.net.AddressText;
import org.echoscu.net.Deadlines;
import org.echoscu.net.Transport;
import org.echoscu.pdu.AAssociateRj;
import org.echoscu.pdu.AAssociateRq;
import org.echoscu.pdu.PresentationContextAc;

/** One connection to echoscp, from the A-ASSOCIATE-RQ to the close. */
final class AssociationHandler implements Runnable {

    private final Socket socket;
    private final ScpSettings settings;
    private final java.util.concurrent.atomic.AtomicInteger associations;
    private final String peer;

    AssociationHandler(Socket socket, ScpSettings settings, java.util.concurrent.atomic.AtomicInteger associations) {
        this.socket = socket;
        this.settings = settings;
        this.associations = associations;
        this.peer = socket.getInetAddress() == null ? "?" : AddressText.of(socket.getInetAddress());
    }

    @Override
    public void run() {
        UpperLayer ul;
        try {
            Socket s = settings.layer() == null ? socket : settings.layer().wrapAccepted(socket);
            Transport transport = new Transport(s, settings.socketTimeout());
            if (settings.layer() != null) {
                transport.explainFailures(settings.layer());
            }
            ul = UpperLayer.acceptor(transport, settings.acseTimeout(), new PduLogger(LOG));
        } catch (IOException e) {
            LOG.warn("connection from {} failed before any association: {}", peer, e.getMessage());
            EchoScp.closeQuietly(socket);
            return;
        }
        ul.maxPDataLength(settings.policy().maxPduLength());
        Indication first = ul.receive(0, "");
        if (!(first instanceof Indication.AssociateRequested requested)) {
            LOG.info("connection from {} ended without association: {}", peer, Describe.interruption(first));
            ul.awaitClose();
            return;
        }
        AAssociateRq rq = requested.rq();
        LOG.info("Association Received {}: {} -> {}", peer, rq.callingAeTitle(), rq.calledAeTitle());
        if (LOG.isDebugEnabled()) {
            LOG.debug("Parameters:\n{}", AssociationDump.request(rq, false));
        }
        boolean overLimit = associations.incrementAndGet() > settings.maxAssociations();
        try {
            AcceptorPolicy.Decision decision = overLimit
                    ? AcceptorPolicy.limitExceeded(settings.maxAssociations())
                    : settings.policy().decide(rq);
            if (settings.identities() != null && decision instanceof AcceptorPolicy.Accept accept) {
                decision = IdentityGate.judge(settings.identities(), rq, accept, peer);
            }
            respond(ul, rq, decision);
        } finally {
            associations.decrementAndGet();
        }
    }

    private void respond(UpperLayer ul, AAssociateRq rq, AcceptorPolicy.Decision decision) {
        if (decision instanceof AcceptorPolicy.Reject reject) {
            AAssociateRj rj = reject.rj();
            LOG.info("Association Rejected: {} (Result: {}, Source: {}, Reason: {})", reject.why(),
                    RejectReasons.result(rj.result()), RejectReasons.source(rj.source()),
                    RejectReasons.reason(rj.source(), rj.reason()));
            ul.rejectAssociation(rj);
            ul.awaitClose();
            return;
        }
        AcceptorPolicy.Accept accept = (AcceptorPolicy.Accept) decision;
        ul.acceptAssociation(accept.ac());
        long maxPdv = Negotiated.maxSendPdv(rq.userInformation().maxLength());
        Set<Integer> accepted = new HashSet<>();
        for (PresentationContextAc pc : accept.ac().presentationContexts()) {
            if (pc.accepted()) {
                accepted.add(pc.id());
            }
        }
        if (LOG.isDebugEnabled()) {
            LOG.debug("Association Parameters Negotiated:\n{}", AssociationDump.negotiated(rq, accept.ac(), false));
        }
        LOG.info("Association Acknowledged (Max Send PDV: {})", maxPdv);
        serve(ul, new DimseChannel(ul), accepted, maxPdv);
    }

    /** Answers C-ECHO-RQs until the association ends. */
    private void serve(UpperLayer ul, DimseChannel dimse, Set<Integer> accepted, long maxPdv) {
        String idle = "DIMSE timeout (" + settings.dimseTimeout() + " s)";
        while (true) {
            DimseChannel.Received got = dimse.receive(Deadlines.after(settings.dimseTimeout()), idle);
            if (got instanceof DimseChannel.Got g) {
                String problem = answer(dimse, g.message(), accepted, maxPdv);
                if (problem == null) {
                    continue;
                }
                LOG.warn("Aborting association from {}: protocol error: {}", peer, problem);
                ul.abortAndClose();
                return;
            }
            if (got instanceof DimseChannel.Broken b) {
                LOG.warn("Aborting association from {}: protocol error: {}", peer, b.why());
                ul.abortAndClose();
                return;
            }
            Indication ind = ((DimseChannel.Interrupted) got).indication();
            if (ind instanceof Indication.ReleaseRequested) {
                LOG.info("Association Release");
                ul.respondRelease();
                ul.awaitClose();
                return;
            }
            if (ind instanceof Indication.PeerAborted) {
                LOG.info("Association Aborted by {}: {}", peer, Describe.interruption(ind));
            } else {
                LOG.warn("Association with {} ended: {}", peer, Describe.interruption(ind));
            }
            ul.abortAndClose();
            return;
        }
    }

    /** Answers one message; returns a protocol problem that ends the association, or null. */
    private String answer(DimseChannel dimse, Message m, Set<Integer> accepted, long maxPdv) {
        try {
            if (LOG.isDebugEnabled()) {
                LOG.debug(CommandDump.format(false, m.contextId(), m.command()));
            }
            if (!accepted.contains(m.contextId())) {
                return "message on presentation context " + m.contextId() + ", which was not accepted";
            }
            int field = m.commandField();
            if ((field & 0x8000) != 0) {
                return "unexpected " + CommandField.name(field) + ": we sent no request";
            }
            int messageId = m.command().us(Tag.MESSAGE_ID);
            int status = Status.SUCCESS;
            if (field != CommandField.C_ECHO_RQ) {
                status = 0x0211; // Unrecognized operation: we serve C-ECHO only
                LOG.warn("Received {} (MsgID {}) from {}: answering Unrecognized operation",
                        CommandField.name(field), messageId, peer);
            } else if (m.dataSetLength() > 0) {
                status = 0x0212; // Mistyped argument: a C-ECHO-RQ has no data set
                LOG.warn("Received Echo Request (MsgID {}) with a data set: answering Mistyped argument", messageId);
            } else {
                LOG.info("Received Echo Request (MsgID {})", messageId);
            }
            CommandSet rsp = new CommandSet()
                    .putUi(Tag.AFFECTED_SOP_CLASS_UID, sopClass(m))
                    .putUs(Tag.COMMAND_FIELD, field | 0x8000)
                    .putUs(Tag.MESSAGE_ID_BEING_RESPONDED_TO, messageId)
                    .putUs(Tag.COMMAND_DATA_SET_TYPE, CommandField.NO_DATA_SET)
                    .putUs(Tag.STATUS, status);
            LOG.info("Sending Echo Response ({})", Status.describe(status));
            if (LOG.isDebugEnabled()) {
                LOG.debug(CommandDump.format(true, m.contextId(), rsp));
            }
            dimse.sendCommand(m.contextId(), rsp, maxPdv);
            return null;
        } catch (DimseException e) {
            return "invalid request: " + e.getMessage();
        }
    }

    private static String sopClass(Message m) {
        String uid = m.command().text(Tag.AFFECTED_SOP_CLASS_UID);
        return uid == null || uid.isEmpty() ? Uids.VERIFICATION_SOP_CLASS : uid;
    }
}
