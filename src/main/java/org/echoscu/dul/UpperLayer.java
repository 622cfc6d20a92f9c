package org.echoscu.dul;

import static org.echoscu.dul.State.*;

import java.io.EOFException;
import java.io.IOException;
import java.util.concurrent.TimeUnit;

import org.echoscu.net.Deadlines;
import org.echoscu.net.TimeoutExpiredException;
import org.echoscu.net.Transport;
import org.echoscu.pdu.AAbort;
import org.echoscu.pdu.AAssociateAc;
import org.echoscu.pdu.AAssociateRj;
import org.echoscu.pdu.AAssociateRq;
import org.echoscu.pdu.AReleaseRp;
import org.echoscu.pdu.AReleaseRq;
import org.echoscu.pdu.PDataTf;
import org.echoscu.pdu.Pdu;
import org.echoscu.pdu.PduFormatException;
import org.echoscu.pdu.PeerClosedException;

/**
 * The upper layer protocol machine of PS3.8 §9.2 for one association, driven by one
 * thread. User primitives are methods; network events come from {@link #receive}, which
 * reads one PDU at a time, runs the action that {@link StateTable} names for it, and
 * returns the indication that action issued. Timers are deadlines on those reads: the
 * ARTIM timer bounds waits in Sta2 and Sta13; the user's own waits (ACSE, DIMSE) are
 * passed to {@link #receive} and end in {@link Indication.TimedOut}, not in a DUL event.
 * Where reads block (net.Transport.blockOnReads: echoscp, the exporter, a long series) a wait
 * cut short that way has ended the connection's input on plain TCP (net.ReadWatchdog): every
 * later receive times out at once, and the user's answer is to abort, which can still be sent
 * (it always is); elsewhere the association could still be used.
 * Waiting for the peer's close in Sta13 never outlasts the user's wait that led there: see
 * {@link #awaitClose}.
 */
public final class UpperLayer {

    /** Opens the transport connection for AE-1. */
    @FunctionalInterface
    public interface Connector {
        Transport connect() throws IOException;
    }

    /** Sees every PDU and transition, for debug dumps. */
    public interface Listener {
        default void sent(Pdu pdu) {
        }

        /** @param raw the PDU's bytes as they came off the wire when {@link #wantsBytes()}, else null */
        default void received(Pdu pdu, byte[] raw) {
        }

        /**
         * Bytes that did not make a PDU (invalid, or cut short by the peer's close), as far as they
         * came; called only when {@link #wantsBytes()}, before the failure is reported.
         */
        default void receivedNoPdu(byte[] raw) {
        }

        /** Whether {@link #received} should get the raw bytes: copying them costs, so only for trace. */
        default boolean wantsBytes() {
            return false;
        }

        default void transition(State from, Event event, Action action, State to) {
        }
    }

    /**
     * How long we still wait for the peer's close when a timer of the user's has already run out:
     * long enough for a peer on the other side of a WAN to read our A-ABORT and close, short
     * enough that the run ends well within a second of the user's timeout.
     */
    static final long CLOSE_GRACE_NANOS = TimeUnit.MILLISECONDS.toNanos(200);

    private final boolean requestor;
    private final long artimNanos;
    private final Listener listener;
    private State state = STA1;
    private volatile Transport transport; // volatile: interruptWithAbort reads it from another thread
    private Connector connector;
    private AAssociateRq request;
    private long artimDeadline;
    /** The deadline no wait outlasts ({@link #limit}), 0 for none, and its name for a timeout. */
    private long limit;
    private String limitName = "";
    /** The deadline of the user's latest wait ({@link #receive}), 0 for none: the close wait stays within it. */
    private long userDeadline;
    /** Whether the user's latest wait ended because a timer ran out. */
    private boolean userWaitExpired;
    private long maxPDataLength;
    private Indication pending;
    /** The transport's answer to AE-1 when it failed, handed at once to the Evt17 it causes; null otherwise. */
    private Trouble connectFailure;
    /** After an invalid PDU the stream has lost its framing: what follows is not parsed, only drained. */
    private boolean unframed;

    private UpperLayer(boolean requestor, long artimSeconds, Listener listener) {
        this.requestor = requestor;
        this.artimNanos = TimeUnit.SECONDS.toNanos(Math.max(1, artimSeconds));
        this.listener = listener == null ? new Listener() { } : listener;
    }

    /** A machine for the association-requestor, idle until {@link #requestAssociation}. */
    public static UpperLayer requestor(long artimSeconds, Listener listener) {
        return new UpperLayer(true, artimSeconds, listener);
    }

    /** A machine for the association-acceptor on a connection just accepted (Evt5, AE-5). */
    public static UpperLayer acceptor(Transport transport, long artimSeconds, Listener listener) {
        UpperLayer ul = new UpperLayer(false, artimSeconds, listener);
        ul.transport = transport;
        ul.fire(Event.EVT5, null, null);
        return ul;
    }

    public State state() {
        return state;
    }

    public Transport transport() {
        return transport;
    }

    /** The largest P-DATA-TF we accept: what our A-ASSOCIATE-RQ or -AC announced; 0 for no limit. */
    public void maxPDataLength(long length) {
        this.maxPDataLength = length;
    }

    /**
     * Bounds every wait of this machine by {@code deadlineNanos} (a {@link System#nanoTime()}
     * deadline, 0 for none): the user's waits ({@link #receive}), the ARTIM timer and the wait for
     * the peer's close in Sta13. Set before the first primitive; the connector bounds its own.
     *
     * @param name how a user's wait that this deadline ends names it, e.g. "deadline of the probe"
     */
    public void limit(long deadlineNanos, String name) {
        this.limit = deadlineNanos;
        this.limitName = name;
    }

    // ---- user primitives -------------------------------------------------------------

    public void requestAssociation(AAssociateRq rq, Connector connector) {
        this.connector = connector;
        this.request = rq;
        fire(Event.EVT1, rq, null); // AE-1 connects, Sta4
        // Evt2 (transport connect confirm) or Evt17 (it never opened, and why), once Evt1's transition is complete
        Trouble failed = connectFailure;
        connectFailure = null;
        fire(transport != null ? Event.EVT2 : Event.EVT17, null, failed);
    }

    public void acceptAssociation(AAssociateAc ac) {
        fire(Event.EVT7, ac, null);
    }

    public void rejectAssociation(AAssociateRj rj) {
        fire(Event.EVT8, rj, null);
    }

    public void sendData(PDataTf data) {
        fire(Event.EVT9, data, null);
    }

    public void requestRelease() {
        fire(Event.EVT11, new AReleaseRq(), null);
    }

    public void respondRelease() {
        fire(Event.EVT14, new AReleaseRp(), null);
    }

    /**
     * A-ABORT request, then the wait for the peer's close (Sta13, {@link #awaitClose}): the one
     * way the service users (echoscu, echoscp) abandon an association.
     */
    public void abortAndClose() {
        abort();
        awaitClose();
    }

    /** A-ABORT request; where the table has no cell for it (no association yet or any more) it just closes. */
    public void abort() {
        if (StateTable.action(state, Event.EVT15).isPresent()) {
            fire(Event.EVT15, new AAbort(AAbort.SOURCE_SERVICE_USER, AAbort.REASON_NOT_SPECIFIED), null);
        } else {
            closeTransport();
            state = STA1;
        }
    }

    /**
     * From another thread (a signal handler): tells the peer with an A-ABORT, if a connection is
     * open, and closes it, so that the owning thread's wait ends at once with the connection
     * closed. The socket's own write lock keeps each PDU whole if the owner is writing too.
     */
    public void interruptWithAbort() {
        Transport t = transport;
        if (t == null) {
            return;
        }
        try {
            t.send(new AAbort(AAbort.SOURCE_SERVICE_USER, AAbort.REASON_NOT_SPECIFIED));
        } catch (IOException ignored) {
            // the connection is already gone: closing is all that is left
        }
        t.close();
    }

    // ---- network events --------------------------------------------------------------

    /**
     * Waits for the next indication.
     *
     * @param deadlineNanos  a {@link System#nanoTime()} deadline for this wait, 0 for none
     * @param deadlineName   how to name that deadline if it runs out, e.g. "ACSE timeout (30 s)"
     */
    public Indication receive(long deadlineNanos, String deadlineName) {
        if (limit != 0 && (deadlineNanos == 0 || Deadlines.notAfter(limit, deadlineNanos))) {
            deadlineNanos = limit;
            deadlineName = limitName;
        }
        userDeadline = deadlineNanos;
        Indication result = next(deadlineNanos, deadlineName);
        userWaitExpired = result instanceof Indication.TimedOut;
        return result;
    }

    private Indication next(long deadlineNanos, String deadlineName) {
        while (pending == null) {
            if (state == STA1) {
                return new Indication.Closed();
            }
            boolean artimBinds = artimDeadline != 0
                    && (deadlineNanos == 0 || Deadlines.notAfter(artimDeadline, deadlineNanos));
            if (unframed && state == STA13) { // nothing left to parse: wait for the close (Evt17) or a timer
                Indication timedOut = drainToClose(artimBinds, deadlineNanos, deadlineName);
                if (timedOut != null) {
                    return timedOut;
                }
                continue;
            }
            try {
                Pdu pdu = artimBinds
                        ? transport.receive(artimDeadline, "ARTIM timer", maxPDataLength)
                        : transport.receive(deadlineNanos, deadlineName, maxPDataLength);
                listener.received(pdu, listener.wantsBytes() ? transport.lastPduBytes() : null);
                fire(eventFor(pdu), pdu, null);
            } catch (IOException e) {
                Indication timedOut = readFailed(e, artimBinds);
                if (timedOut != null) {
                    return timedOut;
                }
            } catch (PduFormatException e) {
                invalidPdu(e);
            }
        }
        Indication result = pending;
        pending = null;
        return result;
    }

    /**
     * A read that failed: the user's wait timed out (returned), or the event it is for the machine
     * (ARTIM's Evt18, the connection's end Evt17) has been fired (null). Apart from {@link #next},
     * which a long series runs for every PDU: C1 compiles it without this.
     */
    private Indication readFailed(IOException e, boolean artimBinds) {
        if (e instanceof TimeoutExpiredException) {
            if (!artimBinds) {
                return new Indication.TimedOut(e.getMessage());
            }
            // ARTIM, or a socket timeout shorter than it: either way Sta2/Sta13's wait is over
            fire(Event.EVT18, null, Trouble.timer(e.getMessage()));
        } else if (e instanceof EOFException) {
            showUnread();
            AbortCause cause = e instanceof PeerClosedException c && c.betweenPdus()
                    ? AbortCause.CLOSED_BY_PEER : AbortCause.CONNECTION_LOST;
            fire(Event.EVT17, null, Trouble.closed(cause, e.getMessage(), e));
        } else {
            closeTransport();
            fire(Event.EVT17, null, Trouble.closed(AbortCause.CONNECTION_LOST, "connection lost: " + e.getMessage(), e));
        }
        return null;
    }

    /** An invalid PDU: the stream has lost its framing (Evt19); apart from {@link #next}, as above. */
    private void invalidPdu(PduFormatException e) {
        showUnread();
        unframed = true;
        fire(Event.EVT19, null, new Trouble(AbortCause.INVALID_PDU, "invalid PDU received: " + e.getMessage(),
                e, e.abortReason(), null));
    }

    /**
     * In Sta13 with nothing left to parse (the stream lost its framing): reads until the peer
     * closes (Evt17) or a timer runs out; the user's wait ending first is returned. Apart from
     * {@link #next}, which a long series runs for every PDU: C1 compiles it without this.
     */
    private Indication drainToClose(boolean artimBinds, long deadlineNanos, String deadlineName) {
        try {
            transport.drain(artimBinds ? artimDeadline : deadlineNanos);
            fire(Event.EVT17, null, null);
        } catch (TimeoutExpiredException e) {
            if (!artimBinds) {
                return new Indication.TimedOut(e.socketTimeout() ? e.getMessage() : deadlineName);
            }
            fire(Event.EVT18, null, Trouble.timer(e.getMessage())); // ARTIM, or a shorter socket timeout
        } catch (IOException e) {
            fire(Event.EVT17, null, null);
        }
        return null;
    }

    /**
     * Ends the connection the way the standard wants: in Sta13 waits for the peer to close
     * (PS3.8 §9.2.3, ARTIM timer); then closes our side whatever the state. The wait never
     * outlasts the deadline of the user's latest wait, and when that wait ended because a timer
     * ran out (which is why we abort) it is only {@link #CLOSE_GRACE_NANOS}: a run ends within
     * the time the user gave it, however the peer behaves.
     */
    public void awaitClose() {
        if (state == STA13 && transport != null) {
            transport.shutdownOutput();
            long bound = closeBound(System.nanoTime());
            if (bound != 0) {
                artimDeadline = Deadlines.earlier(artimDeadline, bound);
            }
        }
        while (state == STA13) {
            Indication ignored = next(0, "");
        }
        closeTransport();
        state = STA1;
    }

    /** The latest time the close wait may end, by the user's timers; 0 when only ARTIM bounds it. */
    private long closeBound(long now) {
        long grace = now + CLOSE_GRACE_NANOS;
        if (userWaitExpired) {
            return Deadlines.earlier(grace, limit);
        }
        if (userDeadline == 0) {
            return limit;
        }
        return Deadlines.earlier(Deadlines.notAfter(userDeadline, grace) ? grace : userDeadline, limit);
    }

    /** Hands the listener what came of a PDU that could not be read, if anything came. */
    private void showUnread() {
        if (listener.wantsBytes()) {
            byte[] raw = transport.lastPduBytes();
            if (raw.length > 0) {
                listener.receivedNoPdu(raw);
            }
        }
    }

    private static Event eventFor(Pdu pdu) {
        return switch (pdu.type()) {
            case Pdu.TYPE_ASSOCIATE_AC -> Event.EVT3;
            case Pdu.TYPE_ASSOCIATE_RJ -> Event.EVT4;
            case Pdu.TYPE_ASSOCIATE_RQ -> Event.EVT6;
            case Pdu.TYPE_P_DATA_TF -> Event.EVT10;
            case Pdu.TYPE_RELEASE_RQ -> Event.EVT12;
            case Pdu.TYPE_RELEASE_RP -> Event.EVT13;
            default -> Event.EVT16;
        };
    }

    // ---- the machine -----------------------------------------------------------------

    /**
     * What an event brings besides a PDU, handed to its action: why the connection ended (Evt17),
     * which timer ran out (Evt18), what was wrong with a PDU (Evt19). Null for an event without any.
     *
     * @param cause       what ended the connection, for the A-P-ABORT indication that reports it
     * @param why         the same in words, for the log
     * @param error       the exception behind it, if there was one
     * @param abortReason the A-ABORT reason for an invalid PDU (PS3.8 table 9-26)
     * @param timer       the timer whose expiry ended a wait in Sta2 or Sta13: the ARTIM timer, or a shorter socket timeout
     */
    private record Trouble(AbortCause cause, String why, Exception error, int abortReason, String timer) {

        static Trouble closed(AbortCause cause, String why, Exception error) {
            return new Trouble(cause, why, error, AAbort.REASON_NOT_SPECIFIED, null);
        }

        static Trouble timer(String name) {
            return new Trouble(AbortCause.ARTIM_EXPIRED, "", null, AAbort.REASON_NOT_SPECIFIED, name);
        }
    }

    /** What an event without data stands for where its action reports it. */
    private static final Trouble NO_TROUBLE = new Trouble(AbortCause.CONNECTION_LOST, "", null,
            AAbort.REASON_NOT_SPECIFIED, "ARTIM timer");

    private void fire(Event event, Pdu pdu, Trouble trouble) {
        Action action = StateTable.cell(state, event); // not action(): no Optional for each PDU
        if (action == null) {
            throw notAllowed(event);
        }
        State from = state;
        state = perform(action, from, event, pdu, trouble == null ? NO_TROUBLE : trouble);
        listener.transition(from, event, action, state);
    }

    private IllegalStateException notAllowed(Event event) {
        return new IllegalStateException(event + " (" + event.description() + ") is not allowed in " + state
                + " (" + state.description() + ")");
    }

    /**
     * The data transfer actions, the only ones an echo runs once associated, apart from the rest
     * ({@link #performOther}): a long series then has C1 compile this small method, not the
     * whole table's (a shorter warm-up, docs/PERFORMANCE.md).
     */
    private State perform(Action action, State from, Event event, Pdu pdu, Trouble t) {
        switch (action) {
            case DT_1:
                return send(pdu, STA6);
            case DT_2:
                pending = new Indication.Data((PDataTf) pdu);
                return STA6;
            default:
                return performOther(action, from, event, pdu, t);
        }
    }

    private State performOther(Action action, State from, Event event, Pdu pdu, Trouble t) {
        switch (action) {
            case AE_1:
                return connect();
            case AE_2: // the request given with Evt1, now that the transport is up (Evt2)
                return send(request, STA5);
            case AE_3:
                pending = new Indication.AssociateAccepted((AAssociateAc) pdu);
                return STA6;
            case AE_4:
                pending = new Indication.AssociateRejected((AAssociateRj) pdu);
                closeTransport();
                return STA1;
            case AE_5:
                startArtim();
                return STA2;
            case AE_6:
                artimDeadline = 0;
                AAssociateRq rq = (AAssociateRq) pdu;
                if ((rq.protocolVersion() & 1) == 0) { // PS3.8 §9.3.2: bit 0 is version 1
                    startArtim();
                    pending = new Indication.ProviderAborted(AbortCause.UNSUPPORTED_PROTOCOL_VERSION,
                            "A-ASSOCIATE-RQ rejected by the service provider: "
                            + "protocol version " + rq.protocolVersion() + " not supported", false);
                    return send(new AAssociateRj(AAssociateRj.RESULT_PERMANENT,
                            AAssociateRj.SOURCE_PROVIDER_ACSE, 2), STA13);
                }
                pending = new Indication.AssociateRequested(rq);
                return STA3;
            case AE_7:
                return send(pdu, STA6);
            case AE_8:
                startArtim();
                return send(pdu, STA13);
            case AR_1:
                return send(pdu, STA7);
            case AR_2:
                pending = new Indication.ReleaseRequested(false);
                return STA8;
            case AR_3:
                pending = new Indication.Released();
                closeTransport();
                return STA1;
            case AR_4:
                startArtim();
                return send(pdu, STA13);
            case AR_5:
                artimDeadline = 0;
                closeTransport();
                pending = new Indication.Closed();
                return STA1;
            case AR_6:
                pending = new Indication.Data((PDataTf) pdu);
                return STA7;
            case AR_7:
                return send(pdu, STA8);
            case AR_8:
                pending = new Indication.ReleaseRequested(true);
                return requestor ? STA9 : STA10;
            case AR_9:
                return send(pdu, STA11);
            case AR_10:
                pending = new Indication.Released();
                return STA12;
            case AA_1: {
                AAbort abort = event == Event.EVT15 ? (AAbort) pdu
                        : new AAbort(AAbort.SOURCE_SERVICE_USER, AAbort.REASON_NOT_SPECIFIED);
                startArtim();
                if (event != Event.EVT15) {
                    pending = new Indication.ProviderAborted(causeOf(event), unexpected(event, from, t), true, t.error());
                }
                return send(abort, STA13);
            }
            case AA_2:
                artimDeadline = 0;
                closeTransport();
                pending = event == Event.EVT18 && from == STA2
                        ? new Indication.ProviderAborted(AbortCause.ARTIM_EXPIRED,
                                "no A-ASSOCIATE-RQ within the " + t.timer(), false)
                        : new Indication.Closed();
                return STA1;
            case AA_3:
                pending = new Indication.PeerAborted((AAbort) pdu);
                closeTransport();
                return STA1;
            case AA_4:
                pending = new Indication.ProviderAborted(from == STA4 ? AbortCause.CONNECT_FAILED : t.cause(), t.why(),
                        false, t.error());
                closeTransport();
                return STA1;
            case AA_5:
                artimDeadline = 0;
                closeTransport();
                pending = new Indication.ProviderAborted(AbortCause.CLOSED_BY_PEER,
                        "connection closed before any A-ASSOCIATE-RQ", false, t.error());
                return STA1;
            case AA_6:
                return STA13;
            case AA_7:
                return send(new AAbort(AAbort.SOURCE_SERVICE_PROVIDER, reasonFor(event, t)), STA13);
            case AA_8: {
                pending = new Indication.ProviderAborted(causeOf(event), unexpected(event, from, t), true, t.error());
                startArtim();
                return send(new AAbort(AAbort.SOURCE_SERVICE_PROVIDER, reasonFor(event, t)), STA13);
            }
            default:
                throw new AssertionError(action);
        }
    }

    private State connect() {
        try {
            transport = connector.connect();
        } catch (IOException e) {
            transport = null;
            connectFailure = Trouble.closed(AbortCause.CONNECT_FAILED, e.getMessage() == null ? e.toString()
                    : e.getMessage(), e);
        }
        return STA4;
    }

    /** Sends a PDU; a failed write is the transport closing under us (Evt17 semantics). */
    private State send(Pdu pdu, State next) {
        try {
            transport.send(pdu);
            listener.sent(pdu);
            return next;
        } catch (IOException e) {
            return sendFailed(e);
        }
    }

    /** The transport closed under a send: apart from {@link #send}, which a long series runs for every PDU. */
    private State sendFailed(IOException e) {
        closeTransport();
        artimDeadline = 0;
        if (pending == null) {
            pending = new Indication.ProviderAborted(AbortCause.CONNECTION_LOST,
                    "connection lost while sending: " + e.getMessage(), false, e);
        }
        return STA1;
    }

    private static String unexpected(Event event, State from, Trouble t) {
        return event == Event.EVT19 ? t.why()
                : "unexpected " + event.description().replace(" received", "") + " in state " + from
                + " (" + from.description() + ")";
    }

    private static AbortCause causeOf(Event event) {
        return event == Event.EVT19 ? AbortCause.INVALID_PDU : AbortCause.UNEXPECTED_PDU;
    }

    private static int reasonFor(Event event, Trouble t) {
        return event == Event.EVT19 ? t.abortReason() : AAbort.REASON_UNEXPECTED_PDU;
    }

    private void startArtim() {
        artimDeadline = Deadlines.earlier(System.nanoTime() + artimNanos, limit);
    }

    private void closeTransport() {
        if (transport != null) {
            transport.close();
        }
    }
}
