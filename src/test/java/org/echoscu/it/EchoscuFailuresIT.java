package org.echoscu.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

import org.echoscu.dimse.Message;
import org.echoscu.dimse.Tag;
import org.echoscu.pdu.AAbort;
import org.echoscu.pdu.AAssociateAc;
import org.echoscu.pdu.AAssociateRq;
import org.echoscu.pdu.AReleaseRp;
import org.echoscu.pdu.AReleaseRq;
import org.echoscu.pdu.PDataTf;
import org.echoscu.pdu.Pdu;
import org.echoscu.pdu.Pdv;
import org.echoscu.pdu.PresentationContextAc;
import org.junit.jupiter.api.Test;

/**
 * Where DCMTK's echoscu reports success for a failed verification, or hangs, ours must not:
 * each case against a scripted fake peer, with the exit code docs/echoscu.md gives, the message, and
 * a bound on the time taken. Also the four timeouts.
 */
class EchoscuFailuresIT {

    private static Run echoscu(FakePeer peer, String... options) {
        List<String> args = new ArrayList<>(List.of(options));
        args.add("127.0.0.1");
        args.add(String.valueOf(peer.port));
        return Commands.echoscu(args.toArray(new String[0]));
    }

    private static int messageId(Message m) throws Exception {
        return m.command().us(Tag.MESSAGE_ID);
    }

    /**
     * Message IDs are 16 bits (PS3.7 E.1): as DCMTK's (an unsigned short incremented), the 65536th
     * echo carries ID 0, and a run of 70,000 echoes succeeds. The peer checks each ID it is sent.
     */
    @Test
    void seventyThousandEchoesWrapTheMessageIdAtSixteenBitsAsDcmtkDoes() throws Exception {
        int echoes = 70_000;
        int[] seen = new int[1];
        try (FakePeer peer = FakePeer.start(c -> {
            c.associate();
            for (int n = 1; n <= echoes; n++) {
                Message m = c.readMessage();
                int id = messageId(m);
                if (id != (n & 0xFFFF)) {
                    throw new AssertionError("echo " + n + " had message ID " + id + ", expected " + (n & 0xFFFF));
                }
                c.sendCommand(m.contextId(), FakePeer.Conn.echoRsp(id, 0));
                seen[0] = n;
            }
            if (c.read() instanceof AReleaseRq) {
                c.send(new AReleaseRp());
            }
            c.awaitClose();
        })) {
            Run r = echoscu(peer, "--repeat", String.valueOf(echoes));
            peer.assertScriptsPassed();
            assertThat(r.exitCode()).as(r.toString()).isZero();
            assertThat(r.stderr()).isEmpty();
            assertThat(seen[0]).isEqualTo(echoes);
        }
    }

    @Test
    void peerAbortWhileEchoOutstandingIsAFailure() throws Exception {
        try (FakePeer peer = FakePeer.start(c -> {
            c.associate();
            c.readMessage();
            c.send(new AAbort(AAbort.SOURCE_SERVICE_USER, 0));
        })) {
            Run r = echoscu(peer, "-v");
            assertThat(r.exitCode()).as(r.toString()).isEqualTo(70);
            assertThat(r.stderrLines()).contains("E: Echo Failed: peer aborted the association (A-ABORT from the service user)");
            assertThat(r.millis()).isLessThan(10_000);
        }
    }

    @Test
    void connectionDroppedWhileEchoOutstandingIsAFailure() throws Exception {
        try (FakePeer peer = FakePeer.start(c -> {
            c.associate();
            c.readMessage();
            c.close();
        })) {
            Run r = echoscu(peer);
            assertThat(r.exitCode()).as(r.toString()).isEqualTo(70);
            assertThat(r.stderr()).startsWith("E: Echo Failed: connection closed by peer");
        }
    }

    @Test
    void nonSuccessStatusIsAFailureAndNamed() throws Exception {
        try (FakePeer peer = FakePeer.start(c -> {
            c.associate();
            Message m = c.readMessage();
            c.sendCommand(m.contextId(), FakePeer.Conn.echoRsp(messageId(m), 0x0110));
            if (c.read() instanceof AReleaseRq) {
                c.send(new AReleaseRp());
            }
            c.awaitClose();
        })) {
            Run r = echoscu(peer, "-v");
            assertThat(r.exitCode()).as(r.toString()).isEqualTo(70);
            assertThat(r.stderrLines()).contains(
                    "I: Received Echo Response (Unknown Status: 0x0110, Failure: Processing failure)",
                    "E: Echo Failed: peer answered with status 0x0110 (Failure: Processing failure)",
                    "I: Releasing Association");
        }
    }

    @Test
    void releaseRequestWhileEchoOutstandingIsAFailureAndAnsweredProperly() throws Exception {
        List<Pdu> seen = new ArrayList<>();
        try (FakePeer peer = FakePeer.start(c -> {
            c.associate();
            c.readMessage();
            c.send(new AReleaseRq());
            seen.add(c.read());
            c.close();
        })) {
            Run r = echoscu(peer);
            assertThat(r.exitCode()).as(r.toString()).isEqualTo(70);
            assertThat(r.stderr()).contains("E: Echo Failed: peer requested release while the echo (MsgID 1) was outstanding");
            assertThat(seen).containsExactly(new AReleaseRp());
        }
    }

    @Test
    void responseToAnotherMessageIdIsAProtocolError() throws Exception {
        try (FakePeer peer = FakePeer.start(c -> {
            c.associate();
            Message m = c.readMessage();
            c.sendCommand(m.contextId(), FakePeer.Conn.echoRsp(messageId(m) + 6, 0));
            c.awaitClose();
        })) {
            Run r = echoscu(peer);
            assertThat(r.exitCode()).as(r.toString()).isEqualTo(70);
            assertThat(r.stderr()).contains("E: Echo Failed: protocol error: C-ECHO-RSP answers message ID 7, the request had 1");
        }
    }

    @Test
    void responseSplitIntoOneBytePdvsOverManyPdusIsReassembled() throws Exception {
        try (FakePeer peer = FakePeer.start(c -> {
            c.associate();
            for (int i = 0; i < 3; i++) {
                Message m = c.readMessage();
                byte[] rsp = FakePeer.Conn.echoRsp(messageId(m), 0).encode();
                for (int b = 0; b < rsp.length; b += 2) { // two one-byte PDVs per P-DATA-TF
                    List<Pdv> pdvs = new ArrayList<>();
                    for (int k = b; k < Math.min(rsp.length, b + 2); k++) {
                        pdvs.add(new Pdv(m.contextId(), k == rsp.length - 1 ? 3 : 1, new byte[] {rsp[k]}));
                    }
                    c.send(new PDataTf(pdvs));
                }
            }
            if (c.read() instanceof AReleaseRq) {
                c.send(new AReleaseRp());
            }
        })) {
            Run r = echoscu(peer, "-v", "--repeat", "3");
            assertThat(r.exitCode()).as(r.toString()).isZero();
            assertThat(r.stderrLines()).filteredOn(l -> l.equals("I: Received Echo Response (Success)")).hasSize(3);
        }
    }

    @Test
    void noAcceptedContextFailsWithExitCodeOne() throws Exception {
        try (FakePeer peer = FakePeer.start(c -> {
            AAssociateRq rq = c.readRq();
            AAssociateAc all = FakePeer.Conn.acceptAll(rq, 16384);
            List<PresentationContextAc> rejected = new ArrayList<>();
            for (PresentationContextAc pc : all.presentationContexts()) {
                rejected.add(new PresentationContextAc(pc.id(), PresentationContextAc.TRANSFER_SYNTAXES_NOT_SUPPORTED, ""));
            }
            c.send(new AAssociateAc(1, rq.calledAeTitle(), rq.callingAeTitle(), rq.applicationContext(), rejected,
                    all.userInformation()));
            c.awaitClose();
        })) {
            Run r = echoscu(peer, "-ppc", "3");
            assertThat(r.exitCode()).isEqualTo(1);
            assertThat(r.stderrLines()).containsExactly("F: No Acceptable Presentation Contexts");
        }
    }

    @Test
    void acseTimeoutBoundsASilentPeer() throws Exception {
        try (FakePeer peer = FakePeer.start(FakePeer.Conn::holdOpen)) {
            Run r = echoscu(peer, "-ta", "1");
            assertThat(r.exitCode()).isEqualTo(1);
            assertThat(r.stderrLines()).containsExactly(
                    "F: Association Request Failed: no answer within the ACSE timeout (1 s)");
            assertThat(r.millis()).as("the user's timeout plus a second").isLessThan(1_000 + 1_000);
        }
    }

    @Test
    void socketTimeoutBoundsASilentPeer() throws Exception {
        try (FakePeer peer = FakePeer.start(FakePeer.Conn::holdOpen)) {
            Run r = echoscu(peer, "-ta", "30", "-ts", "1");
            assertThat(r.exitCode()).isEqualTo(1);
            assertThat(r.stderrLines()).containsExactly(
                    "F: Association Request Failed: no answer within the socket timeout (1 s)");
            assertThat(r.millis()).as("the user's timeout plus a second").isLessThan(1_000 + 1_000);
        }
    }

    @Test
    void dimseTimeoutBoundsAPeerThatNeverAnswers() throws Exception {
        try (FakePeer peer = FakePeer.start(c -> {
            c.associate();
            c.holdOpen();
        })) {
            Run r = echoscu(peer, "-v", "-td", "1");
            assertThat(r.exitCode()).as(r.toString()).isEqualTo(70);
            assertThat(r.stderrLines()).contains("E: Echo Failed: no answer within the DIMSE timeout (1 s)",
                    "I: Aborting Association");
            assertThat(r.millis()).as("the user's timeout plus a second").isLessThan(1_000 + 1_000);
        }
    }

    /** A listener whose accept queue is full drops SYNs, so the TCP connect itself hangs. */
    @Test
    void connectTimeoutBoundsAConnectThatHangs() throws Exception {
        try (ServerSocket full = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            List<Socket> fillers = new ArrayList<>();
            try {
                for (int i = 0; i < 8; i++) {
                    Socket s = new Socket();
                    try {
                        s.connect(full.getLocalSocketAddress(), 300);
                        fillers.add(s);
                    } catch (IOException e) {
                        s.close();
                        break; // the queue is full now
                    }
                }
                Run r = Commands.echoscu("-to", "1", "127.0.0.1", String.valueOf(full.getLocalPort()));
                assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
                assertThat(r.stderr()).startsWith("F: Association Request Failed: TCP connection to 127.0.0.1 port ")
                        .contains("timed out after 1 s");
                assertThat(r.millis()).as("the user's timeout plus a second").isLessThan(1_000 + 1_000);
            } finally {
                for (Socket s : fillers) {
                    s.close();
                }
            }
        }
    }
}
