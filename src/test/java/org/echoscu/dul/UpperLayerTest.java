package org.echoscu.dul;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.echoscu.net.Transport;
import org.echoscu.pdu.AAbort;
import org.echoscu.pdu.AAssociateAc;
import org.echoscu.pdu.AAssociateRj;
import org.echoscu.pdu.AAssociateRq;
import org.echoscu.pdu.AReleaseRp;
import org.echoscu.pdu.AReleaseRq;
import org.echoscu.pdu.PDataTf;
import org.echoscu.pdu.Pdu;
import org.echoscu.pdu.PduDecoder;
import org.echoscu.pdu.PduEncoder;
import org.echoscu.pdu.Pdv;
import org.echoscu.pdu.PresentationContextAc;
import org.echoscu.pdu.PresentationContextRq;
import org.echoscu.pdu.UserInfoSubItem;
import org.echoscu.pdu.UserInformation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The upper layer machine over real loopback connections: two machines against each other, or
 * one machine against a raw peer that writes and reads bytes itself. Each test runs in the test
 * thread only (a connect completes from the listen backlog, and PDUs wait in socket buffers);
 * the one exception is the peer that drips bytes, which needs a thread of its own.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class UpperLayerTest {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final String APPLICATION_CONTEXT = "1.2.840.10008.3.1.1.1";
    private static final String VERIFICATION = "1.2.840.10008.1.1";
    private static final String IMPLICIT_LE = "1.2.840.10008.1.2";

    /** A-ABORT, service-user source (AA-1 and the user's A-ABORT request). */
    private static final String ABORT_USER = "07 00 00 00 00 04 00 00 00 00";
    /** A-ABORT, service-provider source, reason 2 unexpected PDU (AA-8 for a valid but unexpected PDU). */
    private static final String ABORT_UNEXPECTED = "07 00 00 00 00 04 00 00 02 02";

    private ServerSocket server;
    private final List<AutoCloseable> toClose = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();

    @BeforeEach
    void listen() throws IOException {
        server = new ServerSocket(0, 50, LOOPBACK);
        server.setSoTimeout(5000);
    }

    @AfterEach
    void cleanUp() throws Exception {
        for (Thread t : threads) {
            t.interrupt();
        }
        for (AutoCloseable c : toClose) {
            try {
                c.close();
            } catch (Exception ignored) {
                // best effort
            }
        }
        server.close();
        for (Thread t : threads) {
            t.join(2000);
        }
    }

    // ---- association establishment, requestor side ----------------------------------------

    @Test
    void requestorAssociationAccepted() throws Exception {
        Recorder rec = new Recorder();
        UpperLayer ul = UpperLayer.requestor(30, rec);
        assertThat(ul.state()).isEqualTo(State.STA1);

        ul.requestAssociation(rq(), connector(0));
        assertThat(ul.state()).isEqualTo(State.STA5);
        assertThat(rec.transitions).containsExactly("Sta1 + Evt1 -> AE-1 -> Sta4", "Sta4 + Evt2 -> AE-2 -> Sta5");
        assertThat(rec.sent).containsExactly(rq());

        RawPeer peer = acceptRaw();
        byte[] bytes = peer.readPdu();
        assertThat(bytes[0]).isEqualTo((byte) Pdu.TYPE_ASSOCIATE_RQ);
        assertThat(bytes).isEqualTo(PduEncoder.encode(rq()));
        AAssociateRq received = (AAssociateRq) decode(bytes);
        assertThat(received.calledAeTitle()).isEqualTo("ANY-SCP");
        assertThat(received.callingAeTitle()).isEqualTo("ECHOSCU");

        peer.send(ac());
        Indication ind = ul.receive(in(5000), "ACSE timeout");
        assertThat(ind).isInstanceOf(Indication.AssociateAccepted.class);
        AAssociateAc got = ((Indication.AssociateAccepted) ind).ac();
        assertThat(got.presentationContexts()).containsExactly(new PresentationContextAc(1, 0, IMPLICIT_LE));
        assertThat(got.userInformation().maxLength()).isEqualTo(16384);
        assertThat(ul.state()).isEqualTo(State.STA6);
        assertThat(rec.transitions).endsWith("Sta5 + Evt3 -> AE-3 -> Sta6");
        assertThat(rec.received).hasSize(1).first().isInstanceOf(AAssociateAc.class);
        assertThat(ul.transport().socket().isClosed()).isFalse();
    }

    @Test
    void requestorAssociationRejected() throws Exception {
        Recorder rec = new Recorder();
        UpperLayer ul = UpperLayer.requestor(30, rec);
        ul.requestAssociation(rq(), connector(0));
        RawPeer peer = acceptRaw();
        peer.readPdu();

        peer.send(hex("03 00 00 00 00 04 00 01 01 07")); // permanent, service user, called AE title not recognized
        Indication ind = ul.receive(in(5000), "ACSE timeout");

        assertThat(ind).isEqualTo(new Indication.AssociateRejected(new AAssociateRj(1, 1, 7)));
        assertThat(ul.state()).isEqualTo(State.STA1);
        assertThat(rec.transitions).endsWith("Sta5 + Evt4 -> AE-4 -> Sta1");
        assertThat(ul.transport().socket().isClosed()).isTrue();
        peer.assertClosedByOtherSide();
        assertThat(ul.receive(in(1000), "ACSE timeout")).isEqualTo(new Indication.Closed());
    }

    @Test
    void connectionRefusedIsAProviderAbortFromSta4() {
        Recorder rec = new Recorder();
        UpperLayer ul = UpperLayer.requestor(30, rec);
        ul.requestAssociation(rq(), () -> {
            throw new IOException("TCP connection to 127.0.0.1 port 1 refused");
        });

        assertThat(ul.state()).isEqualTo(State.STA1);
        assertThat(rec.transitions).containsExactly("Sta1 + Evt1 -> AE-1 -> Sta4", "Sta4 + Evt17 -> AA-4 -> Sta1");
        Indication ind = ul.receive(in(1000), "ACSE timeout");
        assertThat(ind).isInstanceOf(Indication.ProviderAborted.class);
        assertThat(((Indication.ProviderAborted) ind).why()).contains("refused");
        assertThat(((Indication.ProviderAborted) ind).sentAbort()).isFalse();
        assertThat(rec.sent).isEmpty();
    }

    @Test
    void primitivesTheTableDoesNotAllowAreRefused() throws Exception {
        UpperLayer ul = UpperLayer.requestor(30, null);
        assertThatThrownBy(ul::requestRelease).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Evt11").hasMessageContaining("Sta1");
        assertThatThrownBy(() -> ul.sendData(pdata("x"))).isInstanceOf(IllegalStateException.class);
        ul.requestAssociation(rq(), connector(0));
        assertThat(ul.state()).isEqualTo(State.STA5);
        assertThatThrownBy(() -> ul.sendData(pdata("too early"))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Evt9").hasMessageContaining("Sta5");
        assertThatThrownBy(() -> ul.requestAssociation(rq(), connector(0))).isInstanceOf(IllegalStateException.class);
        assertThat(ul.state()).isEqualTo(State.STA5);
    }

    // ---- two machines against each other ----------------------------------------------------

    @Test
    void associationDataAndNormalRelease() throws Exception {
        Recorder reqRec = new Recorder();
        Recorder accRec = new Recorder();
        UpperLayer req = UpperLayer.requestor(30, reqRec);
        req.requestAssociation(rq(), connector(0));
        UpperLayer acc = acceptorOnServer(30, accRec);
        assertThat(acc.state()).isEqualTo(State.STA2);
        assertThat(accRec.transitions).containsExactly("Sta1 + Evt5 -> AE-5 -> Sta2");

        Indication requested = acc.receive(in(5000), "ACSE timeout");
        assertThat(requested).isEqualTo(new Indication.AssociateRequested(rq()));
        assertThat(acc.state()).isEqualTo(State.STA3);
        acc.acceptAssociation(ac());
        assertThat(acc.state()).isEqualTo(State.STA6);
        assertThat(req.receive(in(5000), "ACSE timeout")).isEqualTo(new Indication.AssociateAccepted(ac()));
        assertThat(req.state()).isEqualTo(State.STA6);

        // P-DATA both ways (DT-1, DT-2)
        req.sendData(pdata("C-ECHO-RQ"));
        assertThat(acc.receive(in(5000), "DIMSE timeout")).isEqualTo(new Indication.Data(pdata("C-ECHO-RQ")));
        acc.sendData(pdata("C-ECHO-RSP"));
        assertThat(req.receive(in(5000), "DIMSE timeout")).isEqualTo(new Indication.Data(pdata("C-ECHO-RSP")));
        assertThat(req.state()).isEqualTo(State.STA6);
        assertThat(acc.state()).isEqualTo(State.STA6);

        // release: AR-1, AR-2, AR-7 and AR-6 (late data), AR-4, AR-3, then AR-5
        req.requestRelease();
        assertThat(req.state()).isEqualTo(State.STA7);
        assertThat(acc.receive(in(5000), "ACSE timeout")).isEqualTo(new Indication.ReleaseRequested(false));
        assertThat(acc.state()).isEqualTo(State.STA8);
        acc.sendData(pdata("late"));
        assertThat(acc.state()).isEqualTo(State.STA8);
        assertThat(req.receive(in(5000), "ACSE timeout")).isEqualTo(new Indication.Data(pdata("late")));
        assertThat(req.state()).isEqualTo(State.STA7);
        acc.respondRelease();
        assertThat(acc.state()).isEqualTo(State.STA13);
        assertThat(req.receive(in(5000), "ACSE timeout")).isEqualTo(new Indication.Released());
        assertThat(req.state()).isEqualTo(State.STA1);
        assertThat(req.transport().socket().isClosed()).isTrue();

        acc.awaitClose(); // AR-5 on the peer's close (the transitions below), not the 30 s ARTIM timer
        assertThat(acc.state()).isEqualTo(State.STA1);
        assertThat(acc.receive(in(1000), "ACSE timeout")).isEqualTo(new Indication.Closed());

        assertThat(reqRec.transitions).containsExactly(
                "Sta1 + Evt1 -> AE-1 -> Sta4",
                "Sta4 + Evt2 -> AE-2 -> Sta5",
                "Sta5 + Evt3 -> AE-3 -> Sta6",
                "Sta6 + Evt9 -> DT-1 -> Sta6",
                "Sta6 + Evt10 -> DT-2 -> Sta6",
                "Sta6 + Evt11 -> AR-1 -> Sta7",
                "Sta7 + Evt10 -> AR-6 -> Sta7",
                "Sta7 + Evt13 -> AR-3 -> Sta1");
        assertThat(accRec.transitions).containsExactly(
                "Sta1 + Evt5 -> AE-5 -> Sta2",
                "Sta2 + Evt6 -> AE-6 -> Sta3",
                "Sta3 + Evt7 -> AE-7 -> Sta6",
                "Sta6 + Evt10 -> DT-2 -> Sta6",
                "Sta6 + Evt9 -> DT-1 -> Sta6",
                "Sta6 + Evt12 -> AR-2 -> Sta8",
                "Sta8 + Evt9 -> AR-7 -> Sta8",
                "Sta8 + Evt14 -> AR-4 -> Sta13",
                "Sta13 + Evt17 -> AR-5 -> Sta1");
        assertThat(reqRec.sent).containsExactly(rq(), pdata("C-ECHO-RQ"), new AReleaseRq());
        assertThat(accRec.sent).containsExactly(ac(), pdata("C-ECHO-RSP"), pdata("late"), new AReleaseRp());
    }

    @Test
    void acceptorRejects() throws Exception {
        UpperLayer req = UpperLayer.requestor(30, null);
        req.requestAssociation(rq(), connector(0));
        Recorder accRec = new Recorder();
        UpperLayer acc = acceptorOnServer(30, accRec);
        assertThat(acc.receive(in(5000), "ACSE timeout")).isInstanceOf(Indication.AssociateRequested.class);

        AAssociateRj rj = new AAssociateRj(AAssociateRj.RESULT_TRANSIENT, AAssociateRj.SOURCE_SERVICE_USER, 1);
        acc.rejectAssociation(rj);
        assertThat(acc.state()).isEqualTo(State.STA13);
        assertThat(req.receive(in(5000), "ACSE timeout")).isEqualTo(new Indication.AssociateRejected(rj));
        assertThat(req.state()).isEqualTo(State.STA1);

        acc.awaitClose();
        assertThat(acc.state()).isEqualTo(State.STA1);
        assertThat(accRec.transitions).containsSubsequence("Sta3 + Evt8 -> AE-8 -> Sta13", "Sta13 + Evt17 -> AR-5 -> Sta1");
    }

    @Test
    void releaseCollisionOnBothSides() throws Exception {
        Recorder reqRec = new Recorder();
        Recorder accRec = new Recorder();
        UpperLayer req = UpperLayer.requestor(30, reqRec);
        req.requestAssociation(rq(), connector(0));
        UpperLayer acc = acceptorOnServer(30, accRec);
        acc.receive(in(5000), "ACSE timeout");
        acc.acceptAssociation(ac());
        req.receive(in(5000), "ACSE timeout");
        assertThat(req.state()).isEqualTo(State.STA6);

        // both ask at once; each A-RELEASE-RQ crosses the other
        req.requestRelease();
        acc.requestRelease();
        assertThat(req.state()).isEqualTo(State.STA7);
        assertThat(acc.state()).isEqualTo(State.STA7);

        assertThat(req.receive(in(5000), "ACSE timeout")).isEqualTo(new Indication.ReleaseRequested(true));
        assertThat(req.state()).isEqualTo(State.STA9);
        assertThat(acc.receive(in(5000), "ACSE timeout")).isEqualTo(new Indication.ReleaseRequested(true));
        assertThat(acc.state()).isEqualTo(State.STA10);

        req.respondRelease(); // AR-9
        assertThat(req.state()).isEqualTo(State.STA11);
        assertThat(acc.receive(in(5000), "ACSE timeout")).isEqualTo(new Indication.Released()); // AR-10
        assertThat(acc.state()).isEqualTo(State.STA12);
        assertThat(acc.transport().socket().isClosed()).isFalse();
        acc.respondRelease(); // AR-4
        assertThat(acc.state()).isEqualTo(State.STA13);
        assertThat(req.receive(in(5000), "ACSE timeout")).isEqualTo(new Indication.Released()); // AR-3
        assertThat(req.state()).isEqualTo(State.STA1);
        assertThat(req.transport().socket().isClosed()).isTrue();
        acc.awaitClose(); // AR-5
        assertThat(acc.state()).isEqualTo(State.STA1);

        assertThat(reqRec.transitions).endsWith(
                "Sta6 + Evt11 -> AR-1 -> Sta7",
                "Sta7 + Evt12 -> AR-8 -> Sta9",
                "Sta9 + Evt14 -> AR-9 -> Sta11",
                "Sta11 + Evt13 -> AR-3 -> Sta1");
        assertThat(accRec.transitions).endsWith(
                "Sta6 + Evt11 -> AR-1 -> Sta7",
                "Sta7 + Evt12 -> AR-8 -> Sta10",
                "Sta10 + Evt13 -> AR-10 -> Sta12",
                "Sta12 + Evt14 -> AR-4 -> Sta13",
                "Sta13 + Evt17 -> AR-5 -> Sta1");
    }

    @Test
    void releaseCollisionRequestorSideAgainstRawPeer() throws Exception {
        Associated a = associatedRequestor(30, 0);
        a.ul.requestRelease();
        assertThat(a.peer.readPdu()).isEqualTo(hex("05 00 00 00 00 04 00 00 00 00"));
        a.peer.send(hex("05 00 00 00 00 04 00 00 00 00"));
        assertThat(a.ul.receive(in(5000), "ACSE timeout")).isEqualTo(new Indication.ReleaseRequested(true));
        assertThat(a.ul.state()).isEqualTo(State.STA9);
        a.ul.respondRelease();
        assertThat(a.ul.state()).isEqualTo(State.STA11);
        assertThat(a.peer.readPdu()).isEqualTo(hex("06 00 00 00 00 04 00 00 00 00"));
        a.peer.send(hex("06 00 00 00 00 04 00 00 00 00"));
        assertThat(a.ul.receive(in(5000), "ACSE timeout")).isEqualTo(new Indication.Released());
        assertThat(a.ul.state()).isEqualTo(State.STA1);
        a.peer.assertClosedByOtherSide();
    }

    // ---- aborts --------------------------------------------------------------------------

    enum Stage { STA5, STA6, STA7 }

    /** A requestor against a raw peer, brought to Sta5, Sta6 or Sta7. */
    private Associated requestorAt(Stage stage, Recorder rec) throws Exception {
        UpperLayer ul = UpperLayer.requestor(30, rec);
        ul.requestAssociation(rq(), connector(0));
        RawPeer peer = acceptRaw();
        peer.readPdu();
        if (stage != Stage.STA5) {
            peer.send(ac());
            assertThat(ul.receive(in(5000), "ACSE timeout")).isInstanceOf(Indication.AssociateAccepted.class);
        }
        if (stage == Stage.STA7) {
            ul.requestRelease();
            assertThat(peer.readPdu()[0]).isEqualTo((byte) Pdu.TYPE_RELEASE_RQ);
        }
        assertThat(ul.state().name()).isEqualTo(stage.name());
        return new Associated(ul, peer);
    }

    @ParameterizedTest
    @EnumSource(Stage.class)
    void abortFromThePeer(Stage stage) throws Exception {
        Recorder rec = new Recorder();
        Associated a = requestorAt(stage, rec);
        a.peer.send(hex("07 00 00 00 00 04 00 00 02 06")); // provider source, invalid parameter value

        Indication ind = a.ul.receive(in(5000), "ACSE timeout");

        assertThat(ind).isEqualTo(new Indication.PeerAborted(new AAbort(2, 6)));
        assertThat(a.ul.state()).isEqualTo(State.STA1);
        assertThat(rec.transitions).endsWith("Sta" + stage.name().substring(3) + " + Evt16 -> AA-3 -> Sta1");
        assertThat(a.ul.transport().socket().isClosed()).isTrue();
        a.peer.assertClosedByOtherSide();
    }

    @ParameterizedTest
    @EnumSource(Stage.class)
    void connectionDroppedByThePeer(Stage stage) throws Exception {
        Recorder rec = new Recorder();
        Associated a = requestorAt(stage, rec);
        a.peer.close();

        Indication ind = a.ul.receive(in(5000), "ACSE timeout");

        assertThat(ind).isInstanceOf(Indication.ProviderAborted.class);
        Indication.ProviderAborted pa = (Indication.ProviderAborted) ind;
        assertThat(pa.sentAbort()).isFalse();
        assertThat(pa.why()).contains("closed");
        assertThat(a.ul.state()).isEqualTo(State.STA1);
        assertThat(rec.transitions).endsWith("Sta" + stage.name().substring(3) + " + Evt17 -> AA-4 -> Sta1");
        assertThat(a.ul.transport().socket().isClosed()).isTrue();
    }

    @Test
    void connectionDroppedInsideAPdu() throws Exception {
        Associated a = associatedRequestor(30, 0);
        a.peer.send(hex("04 00 00 00 00 10 00 00 00 0c 01")); // 5 of 16 announced bytes
        a.peer.close();
        Indication ind = a.ul.receive(in(5000), "DIMSE timeout");
        assertThat(ind).isInstanceOf(Indication.ProviderAborted.class);
        assertThat(((Indication.ProviderAborted) ind).why()).contains("P-DATA-TF");
        assertThat(a.ul.state()).isEqualTo(State.STA1);
    }

    @Test
    void userAbortSendsAnAbortAndWaitsForTheClose() throws Exception {
        Recorder rec = new Recorder();
        Associated a = associatedRequestor(30, 0, rec);
        a.ul.abort();
        assertThat(a.ul.state()).isEqualTo(State.STA13);
        assertThat(a.peer.readPdu()).isEqualTo(hex(ABORT_USER));
        assertThat(rec.transitions).endsWith("Sta6 + Evt15 -> AA-1 -> Sta13");
        a.peer.close();
        a.ul.awaitClose();
        assertThat(a.ul.state()).isEqualTo(State.STA1);
        assertThat(rec.transitions).endsWith("Sta13 + Evt17 -> AR-5 -> Sta1");
    }

    @Test
    void abortAnsweredByAnAbortInSta13() throws Exception {
        Recorder rec = new Recorder();
        Associated a = associatedRequestor(30, 0, rec);
        a.ul.abort();
        a.peer.readPdu();
        a.peer.send(hex(ABORT_USER));
        assertThat(a.ul.receive(in(5000), "ACSE timeout")).isEqualTo(new Indication.Closed());
        assertThat(a.ul.state()).isEqualTo(State.STA1);
        assertThat(rec.transitions).endsWith("Sta13 + Evt16 -> AA-2 -> Sta1");
        a.peer.assertClosedByOtherSide();
    }

    @Test
    void abortWhereTheTableHasNoCellJustCloses() throws Exception {
        RawPeer client = connectRaw();
        Recorder rec = new Recorder();
        UpperLayer acc = acceptorOnServer(30, rec);
        assertThat(acc.state()).isEqualTo(State.STA2);
        acc.abort(); // no Evt15 in Sta2
        assertThat(acc.state()).isEqualTo(State.STA1);
        assertThat(acc.transport().socket().isClosed()).isTrue();
        client.assertClosedByOtherSide();

        UpperLayer idle = UpperLayer.requestor(30, null);
        idle.abort();
        assertThat(idle.state()).isEqualTo(State.STA1);
    }

    // ---- invalid and unexpected PDUs -------------------------------------------------------

    @ParameterizedTest(name = "{0}: reason {1}")
    @CsvSource({
            // an unknown PDU type: unrecognized PDU
            "'09 00 00 00 00 04 00 00 00 00', 1, unrecognized PDU type 0x09",
            // an A-RELEASE-RQ longer than its fixed 4 bytes: invalid parameter value
            "'05 00 00 00 00 06 00 00 00 00 00 00', 6, A-RELEASE-RQ length 6",
            // a P-DATA-TF whose PDV item runs past the end of the PDU
            "'04 00 00 00 00 06 00 00 00 10 01 03', 6, PDV item length 16",
            // text where a PDU should be
            "'47 45 54 20 2f 20 48 54 54 50', 1, GET /",
    })
    void invalidPduIsAnsweredWithAnAbortOfTheDecodersReason(String bytes, int reason, String whyContains)
            throws Exception {
        Recorder rec = new Recorder();
        Associated a = associatedRequestor(30, 0, rec);
        a.peer.send(hex(bytes));

        Indication ind = a.ul.receive(in(5000), "DIMSE timeout");

        assertThat(ind).isInstanceOf(Indication.ProviderAborted.class);
        Indication.ProviderAborted pa = (Indication.ProviderAborted) ind;
        assertThat(pa.sentAbort()).isTrue();
        assertThat(pa.why()).contains(whyContains);
        assertThat(a.ul.state()).isEqualTo(State.STA13);
        assertThat(rec.transitions).endsWith("Sta6 + Evt19 -> AA-8 -> Sta13");
        assertThat(a.peer.readPdu()).isEqualTo(hex("07 00 00 00 00 04 00 00 02 0" + reason));
        assertThat(rec.sent).last().isEqualTo(new AAbort(2, reason));

        a.peer.close();
        a.ul.awaitClose();
        assertThat(a.ul.state()).isEqualTo(State.STA1);
    }

    @Test
    void pDataLongerThanWeAnnouncedIsInvalid() throws Exception {
        Associated a = associatedRequestor(30, 0);
        a.ul.maxPDataLength(16);
        byte[] big = PduEncoder.encode(pdata("seventeen bytes, and then some more"));
        a.peer.send(big);
        Indication ind = a.ul.receive(in(5000), "DIMSE timeout");
        assertThat(ind).isInstanceOf(Indication.ProviderAborted.class);
        assertThat(((Indication.ProviderAborted) ind).why()).contains("exceeds the limit of 16");
        assertThat(a.peer.readPdu()).isEqualTo(hex("07 00 00 00 00 04 00 00 02 06"));
        assertThat(a.ul.state()).isEqualTo(State.STA13);
    }

    @Test
    void associateAcInSta6IsAnUnexpectedPdu() throws Exception {
        Recorder rec = new Recorder();
        Associated a = associatedRequestor(30, 0, rec);
        a.peer.send(ac());

        Indication ind = a.ul.receive(in(5000), "DIMSE timeout");

        assertThat(ind).isInstanceOf(Indication.ProviderAborted.class);
        Indication.ProviderAborted pa = (Indication.ProviderAborted) ind;
        assertThat(pa.sentAbort()).isTrue();
        assertThat(pa.why()).contains("A-ASSOCIATE-AC").contains("Sta6");
        assertThat(a.ul.state()).isEqualTo(State.STA13);
        assertThat(rec.transitions).endsWith("Sta6 + Evt3 -> AA-8 -> Sta13");
        assertThat(a.peer.readPdu()).isEqualTo(hex(ABORT_UNEXPECTED));
    }

    @Test
    void unexpectedPdusInOtherStates() throws Exception {
        // P-DATA-TF while awaiting the A-ASSOCIATE-AC: Evt10 in Sta5, AA-8
        Recorder rec = new Recorder();
        Associated a = requestorAt(Stage.STA5, rec);
        a.peer.send(pdata("too soon"));
        assertThat(a.ul.receive(in(5000), "ACSE timeout")).isInstanceOf(Indication.ProviderAborted.class);
        assertThat(rec.transitions).endsWith("Sta5 + Evt10 -> AA-8 -> Sta13");
        assertThat(a.peer.readPdu()).isEqualTo(hex(ABORT_UNEXPECTED));

        // in Sta13 PDUs are ignored (AA-6) but an A-ASSOCIATE-RQ gets another A-ABORT (AA-7)
        a.peer.send(pdata("ignored"));
        a.peer.send(hex("06 00 00 00 00 04 00 00 00 00"));
        a.peer.send(rq());
        a.peer.send(hex("08 00 00 00 00 00")); // unrecognized: AA-7 with the decoder's reason
        // none of these issues an indication: the wait ends only with the user's deadline
        assertThat(a.ul.receive(in(1000), "ACSE timeout")).isEqualTo(new Indication.TimedOut("ACSE timeout"));
        assertThat(a.ul.state()).isEqualTo(State.STA13);
        assertThat(a.peer.readPdu()).isEqualTo(hex(ABORT_UNEXPECTED));
        assertThat(a.peer.readPdu()).isEqualTo(hex("07 00 00 00 00 04 00 00 02 01"));
        a.peer.close();
        a.ul.awaitClose();
        assertThat(a.ul.state()).isEqualTo(State.STA1);
        assertThat(rec.transitions).endsWith(
                "Sta13 + Evt10 -> AA-6 -> Sta13",
                "Sta13 + Evt13 -> AA-6 -> Sta13",
                "Sta13 + Evt6 -> AA-7 -> Sta13",
                "Sta13 + Evt19 -> AA-7 -> Sta13",
                "Sta13 + Evt17 -> AR-5 -> Sta1");
    }

    @Test
    void pduOtherThanAnAssociateRqInSta2() throws Exception {
        // AA-1: the standard has the acceptor answer with an A-ABORT of service-user source
        RawPeer client = connectRaw();
        Recorder rec = new Recorder();
        UpperLayer acc = acceptorOnServer(30, rec);
        client.send(hex("05 00 00 00 00 04 00 00 00 00"));
        Indication ind = acc.receive(in(5000), "ACSE timeout");
        assertThat(ind).isInstanceOf(Indication.ProviderAborted.class);
        assertThat(((Indication.ProviderAborted) ind).sentAbort()).isTrue();
        assertThat(acc.state()).isEqualTo(State.STA13);
        assertThat(rec.transitions).endsWith("Sta2 + Evt12 -> AA-1 -> Sta13");
        assertThat(client.readPdu()).isEqualTo(hex(ABORT_USER));
        client.close();
        acc.awaitClose();
        assertThat(acc.state()).isEqualTo(State.STA1);
    }

    @Test
    void unsupportedProtocolVersionIsRejectedByTheProvider() throws Exception {
        RawPeer client = connectRaw();
        Recorder rec = new Recorder();
        UpperLayer acc = acceptorOnServer(30, rec);
        AAssociateRq v2 = new AAssociateRq(2, "ANY-SCP", "ECHOSCU", APPLICATION_CONTEXT,
                rq().presentationContexts(), rq().userInformation());
        client.send(v2);
        // the provider's rejection is reported to the user, so the log can say why the association failed
        assertThat(acc.receive(in(500), "ACSE timeout")).isEqualTo(new Indication.ProviderAborted(AbortCause.UNSUPPORTED_PROTOCOL_VERSION,
                "A-ASSOCIATE-RQ rejected by the service provider: protocol version 2 not supported", false));
        assertThat(acc.state()).isEqualTo(State.STA13);
        // AE-6, otherwise-branch: A-ASSOCIATE-RJ permanent, service-provider (ACSE), protocol version not supported
        assertThat(client.readPdu()).isEqualTo(hex("03 00 00 00 00 04 00 01 02 02"));
        client.close();
        assertThat(acc.receive(in(5000), "ACSE timeout")).isEqualTo(new Indication.Closed());
        assertThat(acc.state()).isEqualTo(State.STA1);
        assertThat(rec.transitions).containsExactly(
                "Sta1 + Evt5 -> AE-5 -> Sta2",
                "Sta2 + Evt6 -> AE-6 -> Sta13",
                "Sta13 + Evt17 -> AR-5 -> Sta1");
    }

    // ---- timers and deadlines --------------------------------------------------------------

    @Test
    void acceptorWithoutAssociateRqEndsWithinArtim() throws Exception {
        RawPeer client = connectRaw(); // connects and says nothing
        Recorder rec = new Recorder();
        UpperLayer acc = acceptorOnServer(1, rec); // ARTIM starts with AE-5, in acceptor()

        Indication ind = acc.receive(0, ""); // no deadline of the user's: ARTIM alone bounds Sta2

        assertThat(ind).isInstanceOf(Indication.ProviderAborted.class);
        assertThat(((Indication.ProviderAborted) ind).sentAbort()).isFalse();
        assertThat(((Indication.ProviderAborted) ind).why()).contains("ARTIM");
        assertThat(acc.state()).isEqualTo(State.STA1);
        assertThat(rec.transitions).containsExactly("Sta1 + Evt5 -> AE-5 -> Sta2", "Sta2 + Evt18 -> AA-2 -> Sta1");
        assertThat(acc.transport().socket().isClosed()).isTrue();
        client.assertClosedByOtherSide();
    }

    @Test
    void artimBindsWhenTheUsersDeadlineIsLater() throws Exception {
        connectRaw();
        UpperLayer acc = acceptorOnServer(1, null);
        Indication ind = acc.receive(in(30_000), "ACSE timeout (30 s)");
        // had the user's deadline bound, this would be a TimedOut naming it
        assertThat(ind).isInstanceOf(Indication.ProviderAborted.class);
        assertThat(((Indication.ProviderAborted) ind).why()).isEqualTo("no A-ASSOCIATE-RQ within the ARTIM timer");
        assertThat(acc.state()).isEqualTo(State.STA1);
    }

    @Test
    void requestorInSta13WhosePeerNeverClosesEndsWithinArtim() throws Exception {
        Recorder rec = new Recorder();
        Associated a = associatedRequestor(1, 0, rec);
        a.ul.abort(); // AA-1 starts ARTIM
        assertThat(a.ul.state()).isEqualTo(State.STA13);
        assertThat(a.peer.readPdu()).isEqualTo(hex(ABORT_USER));
        a.peer.send(pdata("ignored in Sta13")); // the peer talks on but never closes

        a.ul.awaitClose();

        // ended by the ARTIM timer (Evt18), the only limit on this wait: the peer never closes
        assertThat(a.ul.state()).isEqualTo(State.STA1);
        assertThat(rec.transitions).endsWith("Sta13 + Evt10 -> AA-6 -> Sta13", "Sta13 + Evt18 -> AA-2 -> Sta1");
        assertThat(a.ul.transport().socket().isClosed()).isTrue();
        a.peer.assertClosedByOtherSide();
    }

    @Test
    void requestorInSta13AfterAnInvalidPduEndsWithinArtim() throws Exception {
        Associated a = associatedRequestor(1, 0);
        a.peer.send(hex("0a 00 00 00 00 00"));
        assertThat(a.ul.receive(in(5000), "DIMSE timeout")).isInstanceOf(Indication.ProviderAborted.class);
        assertThat(a.ul.state()).isEqualTo(State.STA13);
        a.ul.awaitClose();
        assertThat(a.ul.state()).isEqualTo(State.STA1);
    }

    @Test
    void usersDeadlineRunsOut() throws Exception {
        Recorder rec = new Recorder();
        Associated a = associatedRequestor(30, 0, rec);
        int before = rec.transitions.size();

        Indication ind = a.ul.receive(in(300), "DIMSE timeout (0.3 s)");

        assertThat(ind).isEqualTo(new Indication.TimedOut("DIMSE timeout (0.3 s)"));
        assertThat(a.ul.state()).as("a timeout is no DUL event: the user decides").isEqualTo(State.STA6);
        assertThat(rec.transitions).hasSize(before);

        // the association is still usable
        a.peer.send(pdata("after all"));
        assertThat(a.ul.receive(in(5000), "DIMSE timeout")).isEqualTo(new Indication.Data(pdata("after all")));
    }

    /**
     * Where reads block and the watchdog ends them (echoscp, the exporter, a long series), a
     * wait that ran out has ended the input: nothing more is read, every later wait times out
     * at once, an abort still reaches the peer, and the close wait after it ends at once (Evt18)
     * rather than waiting for a close it could not see.
     */
    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void whereReadsBlockAWaitThatRanOutEndsTheInput() throws Exception {
        Transport.blockOnReads(true);
        try {
            Recorder rec = new Recorder();
            Associated a = associatedRequestor(60, 0, rec);
            assertThat(a.ul.receive(in(200), "DIMSE timeout (0.2 s)"))
                    .isEqualTo(new Indication.TimedOut("DIMSE timeout (0.2 s)"));

            a.peer.send(pdata("too late"));
            assertThat(a.ul.receive(in(5000), "DIMSE timeout")).isEqualTo(new Indication.TimedOut("DIMSE timeout"));
            a.ul.abort();
            assertThat(a.peer.readPdu()[0]).isEqualTo((byte) Pdu.TYPE_ABORT);
            a.ul.awaitClose();
            assertThat(rec.transitions).endsWith("Sta6 + Evt15 -> AA-1 -> Sta13", "Sta13 + Evt18 -> AA-2 -> Sta1");
        } finally {
            Transport.blockOnReads(false);
        }
    }

    @Test
    void deadlineAlreadyPast() throws Exception {
        Associated a = associatedRequestor(30, 0);
        Indication ind = a.ul.receive(System.nanoTime() - 1, "ACSE timeout");
        assertThat(ind).isEqualTo(new Indication.TimedOut("ACSE timeout"));
        assertThat(a.ul.state()).isEqualTo(State.STA6);
    }

    @Test
    void socketTimeoutBindsEachReadWhenShorterThanTheDeadline() throws Exception {
        Associated a = associatedRequestor(30, 1); // -ts 1
        Indication ind = a.ul.receive(in(10_000), "DIMSE timeout (10 s)");
        assertThat(ind).isInstanceOf(Indication.TimedOut.class);
        assertThat(((Indication.TimedOut) ind).which()).contains("socket timeout");
    }

    @Test
    void peerDrippingAPduIsBoundedByTheDeadline() throws Exception {
        // a socket timeout of 5 s per read never fires: a byte comes every 100 ms
        Associated a = associatedRequestor(30, 5);
        byte[] pdu = PduEncoder.encode(pdata("a P-DATA-TF that takes more than four seconds to arrive"));
        assertThat(pdu.length).isGreaterThan(40);
        drip(a.peer, pdu, 100);

        Indication ind = a.ul.receive(in(1000), "DIMSE timeout (1 s)");

        // not the PDU, which takes seconds to come whole, nor the socket timeout, which never fires
        assertThat(ind).isEqualTo(new Indication.TimedOut("DIMSE timeout (1 s)"));
    }

    @Test
    void peerDrippingAnAssociateRqIsBoundedByArtim() throws Exception {
        RawPeer client = connectRaw();
        UpperLayer acc = acceptorOnServer(1, null);
        byte[] pdu = PduEncoder.encode(rq());
        drip(client, pdu, 50);

        Indication ind = acc.receive(0, "");

        assertThat(ind).isInstanceOf(Indication.ProviderAborted.class);
        assertThat(((Indication.ProviderAborted) ind).why()).contains("ARTIM");
        assertThat(acc.state()).isEqualTo(State.STA1);
    }

    @Test
    void aSocketTimeoutShorterThanArtimIsNamedInSta2() throws Exception {
        connectRaw(); // says nothing
        Socket s = server.accept();
        toClose.add(s);
        UpperLayer acc = UpperLayer.acceptor(new Transport(s, 1), 60, null); // -ts 1, ARTIM 60 s

        Indication ind = acc.receive(0, "");

        assertThat(ind).isEqualTo(new Indication.ProviderAborted(AbortCause.ARTIM_EXPIRED,
                "no A-ASSOCIATE-RQ within the socket timeout (1 s)", false));
        assertThat(acc.state()).isEqualTo(State.STA1);
    }

    @Test
    void theArtimTimerIsNamedWhenItExpiresInSta2() throws Exception {
        connectRaw();
        UpperLayer acc = acceptorOnServer(1, null);
        assertThat(acc.receive(0, "")).isEqualTo(new Indication.ProviderAborted(AbortCause.ARTIM_EXPIRED,
                "no A-ASSOCIATE-RQ within the ARTIM timer", false));
    }

    /**
     * The user's timer ran out, so we abort; a peer that never closes must not keep us for the
     * ARTIM timer (60 s here): the close wait is a short grace. Guarded by a timeout well under
     * ARTIM (a hang shows as a failure) rather than a timed assertion.
     */
    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void afterTheUsersTimerRanOutTheCloseWaitIsShort() throws Exception {
        Recorder rec = new Recorder();
        Associated a = associatedRequestor(60, 0, rec);
        assertThat(a.ul.receive(in(200), "DIMSE timeout (0.2 s)")).isInstanceOf(Indication.TimedOut.class);

        a.ul.abort();
        a.ul.awaitClose(); // the peer reads nothing and never closes

        assertThat(rec.transitions).endsWith("Sta6 + Evt15 -> AA-1 -> Sta13", "Sta13 + Evt18 -> AA-2 -> Sta1");
        assertThat(a.ul.transport().socket().isClosed()).isTrue();
    }

    /** An abort for another reason waits for the close no longer than the user's wait that was running. */
    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void theCloseWaitEndsWithTheUsersDeadline() throws Exception {
        Recorder rec = new Recorder();
        Associated a = associatedRequestor(60, 0, rec);
        a.peer.send(pdata("an answer we do not like"));
        assertThat(a.ul.receive(in(1000), "DIMSE timeout (1 s)")).isInstanceOf(Indication.Data.class);

        a.ul.abort();
        a.ul.awaitClose();

        assertThat(rec.transitions).endsWith("Sta13 + Evt18 -> AA-2 -> Sta1");
        assertThat(a.ul.state()).isEqualTo(State.STA1);
    }

    /** Without a deadline of the user's, the close wait is the ARTIM timer's, and a peer that closes ends it. */
    @Test
    void withoutAUserDeadlineThePeersCloseEndsTheWait() throws Exception {
        Recorder rec = new Recorder();
        Associated a = associatedRequestor(60, 0, rec);
        a.peer.send(pdata("data"));
        assertThat(a.ul.receive(0, "")).isInstanceOf(Indication.Data.class);
        a.ul.abort();
        assertThat(a.peer.readPdu()).isEqualTo(hex(ABORT_USER));
        a.peer.close();

        a.ul.awaitClose();

        assertThat(rec.transitions).endsWith("Sta13 + Evt17 -> AR-5 -> Sta1");
    }

    // ---- the bytes as they came off the wire (trace) ------------------------------------------

    /** Reserved fields are ignored when decoding and written as zeros: the listener sees what really came. */
    @Test
    void theListenerGetsTheBytesThatCameNotTheDecodedPduEncodedAgain() throws Exception {
        Recorder rec = new Recorder(true);
        Associated a = associatedRequestor(30, 0, rec);
        String wire = "05 ff 00 00 00 04 ff ff ff ff"; // A-RELEASE-RQ with its reserved bytes set

        a.peer.send(hex(wire));

        assertThat(a.ul.receive(in(5000), "DIMSE timeout")).isEqualTo(new Indication.ReleaseRequested(false));
        assertThat(rec.received).last().isEqualTo(new AReleaseRq());
        assertThat(rec.receivedBytes).last().isEqualTo(wire);
        assertThat(HexFormat.ofDelimiter(" ").formatHex(PduEncoder.encode(new AReleaseRq()))).isNotEqualTo(wire);
    }

    @Test
    void withoutTraceTheListenerGetsNoBytes() throws Exception {
        Recorder rec = new Recorder(false);
        Associated a = associatedRequestor(30, 0, rec);
        a.peer.send(pdata("x"));
        assertThat(a.ul.receive(in(5000), "DIMSE timeout")).isInstanceOf(Indication.Data.class);
        assertThat(rec.receivedBytes).containsOnly("null");
    }

    /** An unknown type is refused after its header; a body that fails to decode is shown whole. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "0a 00 00 00 00 02 be ef          | 0a 00 00 00 00 02",
            "04 00 00 00 00 05 00 00 00 01 01 | 04 00 00 00 00 05 00 00 00 01 01"}) // a PDV item of length 1
    void anInvalidPduIsShownBeforeTheAbortItCauses(String wire, String shown) throws Exception {
        Recorder rec = new Recorder(true);
        Associated a = associatedRequestor(30, 0, rec);

        a.peer.send(hex(wire));

        assertThat(a.ul.receive(in(5000), "DIMSE timeout")).isInstanceOf(Indication.ProviderAborted.class);
        assertThat(rec.transitions).endsWith("no PDU: " + shown, "Sta6 + Evt19 -> AA-8 -> Sta13");
    }

    @Test
    void aPduCutShortByTheClosesIsShownAsFarAsItCame() throws Exception {
        Recorder rec = new Recorder(true);
        Associated a = associatedRequestor(30, 0, rec);

        a.peer.send(hex("04 00 00 00 00 10 00 00"));
        a.peer.socket.shutdownOutput();

        assertThat(a.ul.receive(in(5000), "DIMSE timeout")).isInstanceOf(Indication.ProviderAborted.class);
        assertThat(rec.transitions).endsWith("no PDU: 04 00 00 00 00 10 00 00", "Sta6 + Evt17 -> AA-4 -> Sta1");
    }

    // ---- fixtures --------------------------------------------------------------------------

    private static AAssociateRq rq() {
        return new AAssociateRq(1, "ANY-SCP", "ECHOSCU", APPLICATION_CONTEXT,
                List.of(new PresentationContextRq(1, VERIFICATION, List.of(IMPLICIT_LE))),
                UserInformation.of(new UserInfoSubItem.MaxLength(16384),
                        new UserInfoSubItem.ImplementationClassUid("1.2.826.0.1.3680043.9.7433.1")));
    }

    private static AAssociateAc ac() {
        return new AAssociateAc(1, "ANY-SCP", "ECHOSCU", APPLICATION_CONTEXT,
                List.of(new PresentationContextAc(1, PresentationContextAc.ACCEPTANCE, IMPLICIT_LE)),
                UserInformation.of(new UserInfoSubItem.MaxLength(16384),
                        new UserInfoSubItem.ImplementationClassUid("1.2.826.0.1.3680043.9.7433.2")));
    }

    private static PDataTf pdata(String text) {
        return new PDataTf(List.of(new Pdv(1, Pdv.COMMAND | Pdv.LAST, text.getBytes(StandardCharsets.US_ASCII))));
    }

    private static byte[] hex(String spaced) {
        return HexFormat.of().parseHex(spaced.replace(" ", ""));
    }

    private static Pdu decode(byte[] whole) throws Exception {
        return PduDecoder.decode(whole[0] & 0xFF, Arrays.copyOfRange(whole, 6, whole.length));
    }

    private static long in(long millis) {
        return System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
    }


    private UpperLayer.Connector connector(int socketTimeoutSeconds) {
        return () -> {
            Socket s = new Socket(LOOPBACK, server.getLocalPort());
            toClose.add(s);
            return new Transport(s, socketTimeoutSeconds);
        };
    }

    private RawPeer acceptRaw() throws IOException {
        return track(new RawPeer(server.accept()));
    }

    private RawPeer connectRaw() throws IOException {
        return track(new RawPeer(new Socket(LOOPBACK, server.getLocalPort())));
    }

    private UpperLayer acceptorOnServer(long artimSeconds, Recorder rec) throws IOException {
        Socket s = server.accept();
        toClose.add(s);
        return UpperLayer.acceptor(new Transport(s, 0), artimSeconds, rec);
    }

    private <T extends AutoCloseable> T track(T c) {
        toClose.add(c);
        return c;
    }

    private record Associated(UpperLayer ul, RawPeer peer) {
    }

    private Associated associatedRequestor(long artimSeconds, int socketTimeoutSeconds) throws Exception {
        return associatedRequestor(artimSeconds, socketTimeoutSeconds, null);
    }

    /** A requestor in Sta6, associated with a raw peer. */
    private Associated associatedRequestor(long artimSeconds, int socketTimeoutSeconds, Recorder rec)
            throws Exception {
        UpperLayer ul = UpperLayer.requestor(artimSeconds, rec);
        ul.requestAssociation(rq(), connector(socketTimeoutSeconds));
        RawPeer peer = acceptRaw();
        assertThat(peer.readPdu()[0]).isEqualTo((byte) Pdu.TYPE_ASSOCIATE_RQ);
        peer.send(ac());
        assertThat(ul.receive(in(5000), "ACSE timeout")).isInstanceOf(Indication.AssociateAccepted.class);
        assertThat(ul.state()).isEqualTo(State.STA6);
        return new Associated(ul, peer);
    }

    /** Writes one byte every {@code intervalMillis} from a thread of its own. */
    private void drip(RawPeer peer, byte[] bytes, long intervalMillis) {
        Thread t = new Thread(() -> {
            try {
                for (byte b : bytes) {
                    peer.out.write(b);
                    peer.out.flush();
                    Thread.sleep(intervalMillis);
                }
            } catch (IOException | InterruptedException e) {
                // the machine gave up on us, as it should
            }
        }, "dripping peer");
        t.setDaemon(true);
        threads.add(t);
        t.start();
    }

    /** Records what the machine reports to its listener. */
    private static final class Recorder implements UpperLayer.Listener {
        final List<String> transitions = new CopyOnWriteArrayList<>();
        final List<Pdu> sent = new CopyOnWriteArrayList<>();
        final List<Pdu> received = new CopyOnWriteArrayList<>();
        /** The raw bytes of each received PDU, in hex ("null" when not asked for). */
        final List<String> receivedBytes = new CopyOnWriteArrayList<>();
        private final boolean wantsBytes;

        Recorder() {
            this(false);
        }

        Recorder(boolean wantsBytes) {
            this.wantsBytes = wantsBytes;
        }

        @Override
        public void sent(Pdu pdu) {
            sent.add(pdu);
        }

        @Override
        public void received(Pdu pdu, byte[] raw) {
            received.add(pdu);
            receivedBytes.add(raw == null ? "null" : HexFormat.ofDelimiter(" ").formatHex(raw));
        }

        /** In the list of transitions, so that a test sees it comes before the error's (Evt17, Evt19). */
        @Override
        public void receivedNoPdu(byte[] raw) {
            transitions.add("no PDU: " + HexFormat.ofDelimiter(" ").formatHex(raw));
        }

        @Override
        public boolean wantsBytes() {
            return wantsBytes;
        }

        @Override
        public void transition(State from, Event event, Action action, State to) {
            transitions.add(from + " + " + event + " -> " + action + " -> " + to);
        }
    }

    /** The other end, speaking raw bytes. Every read is bounded so that nothing can hang. */
    private static final class RawPeer implements AutoCloseable {
        final Socket socket;
        final DataInputStream in;
        final OutputStream out;

        RawPeer(Socket socket) throws IOException {
            this.socket = socket;
            socket.setSoTimeout(5000);
            socket.setTcpNoDelay(true);
            this.in = new DataInputStream(socket.getInputStream());
            this.out = socket.getOutputStream();
        }

        /** Reads one whole PDU, header included. */
        byte[] readPdu() throws IOException {
            byte[] header = new byte[6];
            in.readFully(header);
            long length = ((header[2] & 0xFFL) << 24) | ((header[3] & 0xFF) << 16)
                    | ((header[4] & 0xFF) << 8) | (header[5] & 0xFF);
            assertThat(length).isLessThan(1 << 20);
            byte[] whole = Arrays.copyOf(header, 6 + (int) length);
            in.readFully(whole, 6, (int) length);
            return whole;
        }

        void send(byte[] bytes) throws IOException {
            out.write(bytes);
            out.flush();
        }

        void send(Pdu pdu) throws IOException {
            send(PduEncoder.encode(pdu));
        }

        /** The machine closed its end: end of stream, or a reset if it left bytes unread. */
        void assertClosedByOtherSide() throws IOException {
            try {
                int b = in.read();
                assertThat(b).as("end of stream, nothing more").isEqualTo(-1);
            } catch (SocketTimeoutException e) {
                fail("the machine did not close the connection within 5 s");
            } catch (EOFException | SocketException e) {
                // connection reset: closed too
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
