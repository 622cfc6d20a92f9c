package org.echoscu.scu;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.echoscu.acse.AcceptorPolicy;
import org.echoscu.acse.AssociationProposal;
import org.echoscu.acse.TransferSyntax;
import org.echoscu.dimse.Message;
import org.echoscu.dimse.Tag;
import org.echoscu.dul.Indication;
import org.echoscu.net.IpFamily;
import org.echoscu.net.MemorySocket;
import org.echoscu.pdu.AAbort;
import org.echoscu.pdu.AAssociateRj;
import org.echoscu.pdu.AAssociateRq;
import org.echoscu.pdu.AReleaseRp;
import org.echoscu.pdu.AReleaseRq;
import org.echoscu.pdu.Pdu;
import org.echoscu.probe.Phase;
import org.echoscu.probe.ProbeResult;
import org.echoscu.probe.Reason;
import org.echoscu.scp.ScpSettings;
import org.junit.jupiter.api.Test;

/**
 * EchoScu against peers at the far end of an in-memory connection: what a run returns (its
 * {@link EchoRun} and the probe model of it) for each way a peer answers, and the deadline and
 * the interrupt that end a run from outside. No network, no timing assertion: a wait that the
 * deadline should end and does not would end by a 60 s timeout instead, which the tests tell
 * apart by the name of the timer.
 */
class EchoScuTest {

    private static final int LONG = 60;

    private static EchoSettings settings(int repeat, int acse, int dimse) {
        return new EchoSettings("pacs.example.org", 104, IpFamily.IPV4,
                new AssociationProposal("ECHOSCU", "ANY-SCP", 16384, 1, 1), 0, 0, acse, dimse, repeat, false, null);
    }

    private static int messageId(Message m) throws Exception {
        return m.command().us(Tag.MESSAGE_ID);
    }

    private static void release(InMemoryPeer p) throws Exception {
        Pdu pdu = p.read();
        if (!(pdu instanceof AReleaseRq)) {
            throw new AssertionError("expected A-RELEASE-RQ, got " + pdu);
        }
        p.send(new AReleaseRp());
    }

    @Test
    void echoesAgainstOurAcceptorSucceedAndTheRunSaysWhatItSaw() throws Exception {
        MemorySocket[] ends = MemorySocket.pair();
        ScpSettings scp = new ScpSettings(0, IpFamily.IPV4, new AcceptorPolicy("ANY-SCP", false, java.util.Set.of(),
                List.of(TransferSyntax.LITTLE_ENDIAN_IMPLICIT.uid()), 16384), 0, LONG, LONG, 10, null);
        Thread acceptor = new Thread(org.echoscu.scp.InMemory.handler(ends[1], scp));
        acceptor.start();

        EchoRun run = new EchoScu(settings(3, LONG, LONG), () -> ends[0]).run();
        acceptor.join(TimeUnit.SECONDS.toMillis(LONG));

        assertThat(run.outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(run.exitCode()).isZero();
        assertThat(run.echoes().sent()).isEqualTo(3);
        assertThat(run.echoes().answered()).isEqualTo(3);
        assertThat(run.status()).isZero();
        assertThat(run.accepted()).isNotNull();
        assertThat(run.context()).isNotNull();
        assertThat(run.failure()).isNull();
        EchoRun.Times t = run.times();
        assertThat(List.of(t.started(), t.transport(), t.answered(), t.echoStart(), t.echoEnd(), t.releaseStart(),
                t.end())).allMatch(n -> n != 0).isSortedAccordingTo((a, b) -> Long.signum(a - b));
        ProbeResult r = ProbeResults.of(run);
        assertThat(r.outcome().reason()).isEqualTo(Reason.OK);
        assertThat(r.peer().implementationVersionName()).isEqualTo(org.echoscu.acse.Uids.IMPLEMENTATION_VERSION_NAME);
    }

    @Test
    void aResponseToAnotherMessageIdIsAProtocolError() throws Exception {
        InMemoryPeer peer = InMemoryPeer.start(p -> {
            p.associate();
            Message rq = p.readMessage();
            p.answer(rq, messageId(rq) + 1, 0);
            assertThat(p.untilClosed()).as("the association is aborted").first().isInstanceOf(AAbort.class);
        });
        EchoRun run = new EchoScu(settings(1, LONG, LONG), peer::dial).run();
        peer.done.get(LONG, TimeUnit.SECONDS);

        assertThat(run.outcome()).isEqualTo(Outcome.ECHO_FAILED);
        assertThat(run.protocolError()).isTrue();
        assertThat(run.failure()).isEqualTo("Echo Failed: protocol error: C-ECHO-RSP answers message ID 2, "
                + "the request had 1");
        assertThat(ProbeResults.of(run).outcome().reason()).isEqualTo(Reason.PROTOCOL_ERROR);
    }

    @Test
    void aResponseToItsOwnMessageIdIsAcceptedForEveryEcho() throws Exception {
        InMemoryPeer peer = InMemoryPeer.start(p -> {
            p.associate();
            for (int n = 1; n <= 3; n++) {
                Message rq = p.readMessage();
                assertThat(messageId(rq)).isEqualTo(n);
                p.answer(rq, messageId(rq), 0);
            }
            release(p);
        });
        EchoRun run = new EchoScu(settings(3, LONG, LONG), peer::dial).run();
        peer.done.get(LONG, TimeUnit.SECONDS);
        assertThat(run.outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(run.protocolError()).isFalse();
    }

    @Test
    void aFailureStatusFailsTheEchoAndTheAssociationIsReleased() throws Exception {
        InMemoryPeer peer = InMemoryPeer.start(p -> {
            p.associate();
            Message rq = p.readMessage();
            p.answer(rq, messageId(rq), 0x0110);
            release(p);
        });
        EchoRun run = new EchoScu(settings(1, LONG, LONG), peer::dial).run();
        peer.done.get(LONG, TimeUnit.SECONDS);
        assertThat(run.outcome()).isEqualTo(Outcome.ECHO_FAILED);
        assertThat(run.status()).isEqualTo(0x0110);
        assertThat(ProbeResults.of(run).outcome().reason()).isEqualTo(Reason.STATUS);
    }

    @Test
    void aRejectionIsKeptWhole() throws Exception {
        InMemoryPeer peer = InMemoryPeer.start(p -> {
            p.read();
            p.send(new AAssociateRj(AAssociateRj.RESULT_PERMANENT, AAssociateRj.SOURCE_SERVICE_USER, 7));
        });
        EchoRun run = new EchoScu(settings(1, LONG, LONG), peer::dial).run();
        peer.done.get(LONG, TimeUnit.SECONDS);
        assertThat(run.outcome()).isEqualTo(Outcome.ASSOCIATION_FAILED);
        assertThat(run.rejected().reason()).isEqualTo(7);
        assertThat(run.accepted()).isNull();
        assertThat(ProbeResults.of(run).outcome().rejection().reason()).isEqualTo(7);
    }

    @Test
    void theDeadlineEndsAnAssociationRequestNoAnswerComesTo() throws Exception {
        InMemoryPeer peer = InMemoryPeer.start(p -> {
            p.read(); // the A-ASSOCIATE-RQ, never answered; then whatever comes until the close
            p.untilClosed();
        });
        EchoRun run = new EchoScu(settings(1, LONG, LONG), peer::dial).run(System.nanoTime() + 200_000_000L);
        peer.done.get(LONG, TimeUnit.SECONDS);
        assertThat(run.outcome()).isEqualTo(Outcome.ASSOCIATION_FAILED);
        assertThat(run.ending()).isEqualTo(new Indication.TimedOut(Requester.DEADLINE_NAME));
        assertThat(run.failure()).isEqualTo("Association Request Failed: no answer within the deadline of the probe");
        ProbeResult r = ProbeResults.of(run);
        assertThat(r.outcome().reason()).isEqualTo(Reason.TIMEOUT_ASSOCIATE);
        assertThat(r.outcome().phase()).isEqualTo(Phase.ASSOCIATE);
    }

    @Test
    void theDeadlineEndsAnEchoAndThePeersCloseIsNotAwaitedPastIt() throws Exception {
        CompletableFuture<List<Pdu>> after = new CompletableFuture<>();
        InMemoryPeer peer = InMemoryPeer.start(p -> {
            p.associate();
            p.readMessage(); // never answered, and the connection is never closed from here
            after.complete(p.untilClosed());
        });
        // no DIMSE timeout at all: only the deadline can end the wait for the answer, and the close
        EchoRun run = new EchoScu(settings(1, LONG, 0), peer::dial).run(System.nanoTime() + 200_000_000L);
        assertThat(run.outcome()).isEqualTo(Outcome.ECHO_FAILED);
        assertThat(run.ending()).isEqualTo(new Indication.TimedOut(Requester.DEADLINE_NAME));
        assertThat(ProbeResults.of(run).outcome().reason()).isEqualTo(Reason.TIMEOUT_ECHO);
        assertThat(after.get(LONG, TimeUnit.SECONDS)).first().isInstanceOf(AAbort.class);
    }

    @Test
    void theDeadlineEndsAReleaseNoAnswerComesTo() throws Exception {
        InMemoryPeer peer = InMemoryPeer.start(p -> {
            p.associate();
            Message rq = p.readMessage();
            p.answer(rq, messageId(rq), 0);
            p.untilClosed(); // the A-RELEASE-RQ is never answered
        });
        EchoRun run = new EchoScu(settings(1, LONG, LONG), peer::dial).run(System.nanoTime() + 300_000_000L);
        peer.done.get(LONG, TimeUnit.SECONDS);
        assertThat(run.echoes().answered()).isEqualTo(1);
        assertThat(run.outcome()).isEqualTo(Outcome.ASSOCIATION_FAILED);
        assertThat(run.failure()).isEqualTo("Association Release Failed: no answer within the deadline of the probe");
        assertThat(ProbeResults.of(run).outcome().reason()).isEqualTo(Reason.TIMEOUT_RELEASE);
    }

    @Test
    void anInterruptFromAnotherThreadAbortsAndSaysSo() throws Exception {
        CompletableFuture<Boolean> echoArrived = new CompletableFuture<>();
        CompletableFuture<List<Pdu>> after = new CompletableFuture<>();
        InMemoryPeer peer = InMemoryPeer.start(p -> {
            p.associate();
            p.readMessage();
            echoArrived.complete(true);
            after.complete(p.untilClosed());
        });
        EchoScu scu = new EchoScu(settings(1, LONG, LONG), peer::dial);
        Thread stopper = new Thread(() -> {
            echoArrived.join();
            scu.interrupt();
        });
        stopper.start();
        EchoRun run = scu.run();
        assertThat(run.interrupted()).isTrue();
        assertThat(run.outcome()).isEqualTo(Outcome.ECHO_FAILED);
        assertThat(run.failure()).isEqualTo("Echo Failed: " + EchoScu.INTERRUPTED);
        assertThat(ProbeResults.of(run).outcome().reason()).isEqualTo(Reason.INTERRUPTED);
        assertThat(after.get(LONG, TimeUnit.SECONDS)).first().isInstanceOf(AAbort.class);
    }

    @Test
    void anEchoScuRunsOnce() {
        InMemoryPeer peer = InMemoryPeer.start(p -> {
            p.read();
            p.send(new AAssociateRj(AAssociateRj.RESULT_PERMANENT, AAssociateRj.SOURCE_SERVICE_USER, 1));
        });
        EchoScu scu = new EchoScu(settings(1, LONG, LONG), peer::dial);
        scu.run();
        org.assertj.core.api.Assertions.assertThatThrownBy(scu::run).isInstanceOf(IllegalStateException.class);
    }

    /** The A-ASSOCIATE-RQ a run sends is its settings' proposal. */
    @Test
    void theRequestIsTheProposal() throws Exception {
        CompletableFuture<AAssociateRq> seen = new CompletableFuture<>();
        InMemoryPeer peer = InMemoryPeer.start(p -> {
            seen.complete((AAssociateRq) p.read());
            p.send(new AAssociateRj(AAssociateRj.RESULT_PERMANENT, AAssociateRj.SOURCE_SERVICE_USER, 1));
        });
        new EchoScu(settings(1, LONG, LONG), peer::dial).run();
        AAssociateRq rq = seen.get(LONG, TimeUnit.SECONDS);
        assertThat(rq.callingAeTitle()).isEqualTo("ECHOSCU");
        assertThat(rq.calledAeTitle()).isEqualTo("ANY-SCP");
    }
}
