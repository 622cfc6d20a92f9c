package org.echoscu.scp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedInputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.echoscu.acse.AcceptorPolicy;
import org.echoscu.acse.AssociationProposal;
import org.echoscu.acse.TransferSyntax;
import org.echoscu.acse.Uids;
import org.echoscu.dimse.CommandField;
import org.echoscu.dimse.CommandSet;
import org.echoscu.dimse.Message;
import org.echoscu.dimse.MessageAssembler;
import org.echoscu.dimse.Tag;
import org.echoscu.net.IpFamily;
import org.echoscu.net.MemorySocket;
import org.echoscu.pdu.AAbort;
import org.echoscu.pdu.AAssociateAc;
import org.echoscu.pdu.AAssociateRj;
import org.echoscu.pdu.AReleaseRp;
import org.echoscu.pdu.AReleaseRq;
import org.echoscu.pdu.PDataTf;
import org.echoscu.pdu.Pdu;
import org.echoscu.pdu.PduEncoder;
import org.echoscu.pdu.PduReader;
import org.echoscu.pdu.Pdv;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * echoscp's handling of one connection, against a requestor scripted here at the other end of
 * an in-memory connection: the answers to an echo and to other requests, the association's end,
 * and the refusals (AE title, the association limit, a context never accepted).
 */
class AssociationHandlerTest {

    private static final int LONG = 60;
    private final MemorySocket[] ends = MemorySocket.pair();
    private final PduReader reader = new PduReader(new BufferedInputStream(ends[0].getInputStream()));
    private final OutputStream out = ends[0].getOutputStream();
    private final AtomicInteger associations = new AtomicInteger();
    private Thread handler;

    @AfterEach
    void end() throws InterruptedException {
        ends[0].close();
        handler.join(LONG * 1000L);
    }

    private void serve(boolean checkCalledAe, int maxAssociations) {
        AcceptorPolicy policy = new AcceptorPolicy("ECHOSCP", checkCalledAe, Set.of(),
                List.of(TransferSyntax.LITTLE_ENDIAN_IMPLICIT.uid()), 16384);
        ScpSettings settings = new ScpSettings(0, IpFamily.IPV4, policy, 0, LONG, LONG, maxAssociations, null);
        handler = new Thread(new AssociationHandler(ends[1], settings, associations));
        handler.start();
    }

    private void send(Pdu pdu) throws Exception {
        out.write(PduEncoder.encode(pdu));
        out.flush();
    }

    private Pdu read() throws Exception {
        return reader.read(0);
    }

    private AAssociateAc associate() throws Exception {
        send(new AssociationProposal("ECHOSCU", "ECHOSCP", 16384, 1, 1).toPdu());
        return (AAssociateAc) read();
    }

    private void sendCommand(int contextId, CommandSet cs) throws Exception {
        send(new PDataTf(List.of(new Pdv(contextId, 0x03, cs.encode()))));
    }

    private Message readMessage() throws Exception {
        MessageAssembler assembler = new MessageAssembler(1 << 20);
        while (true) {
            PDataTf d = (PDataTf) read();
            for (Pdv pdv : d.pdvs()) {
                Message m = assembler.feed(pdv);
                if (m != null) {
                    return m;
                }
            }
        }
    }

    private static CommandSet request(int field, String sopClass, int messageId) {
        return new CommandSet()
                .putUi(Tag.AFFECTED_SOP_CLASS_UID, sopClass)
                .putUs(Tag.COMMAND_FIELD, field)
                .putUs(Tag.MESSAGE_ID, messageId)
                .putUs(Tag.COMMAND_DATA_SET_TYPE, CommandField.NO_DATA_SET);
    }

    @Test
    void anEchoIsAnsweredForItsMessageIdAndTheReleaseConfirmed() throws Exception {
        serve(false, 10);
        AAssociateAc ac = associate();
        int context = ac.presentationContexts().get(0).id();
        assertThat(ac.presentationContexts().get(0).accepted()).isTrue();
        assertThat(ac.userInformation().implementationVersionName()).isEqualTo(Uids.IMPLEMENTATION_VERSION_NAME);

        for (int id : new int[] {1, 65_535, 0}) {
            sendCommand(context, request(CommandField.C_ECHO_RQ, Uids.VERIFICATION_SOP_CLASS, id));
            Message rsp = readMessage();
            assertThat(rsp.commandField()).isEqualTo(CommandField.C_ECHO_RSP);
            assertThat(rsp.contextId()).isEqualTo(context);
            assertThat(rsp.command().us(Tag.MESSAGE_ID_BEING_RESPONDED_TO)).isEqualTo(id);
            assertThat(rsp.command().us(Tag.STATUS)).isZero();
        }
        send(new AReleaseRq());
        assertThat(read()).isEqualTo(new AReleaseRp());
        handler.join(LONG * 1000L);
        assertThat(associations).as("the association is counted out again").hasValue(0);
    }

    @Test
    void anotherRequestIsAnsweredUnrecognizedOperation() throws Exception {
        serve(false, 10);
        int context = associate().presentationContexts().get(0).id();
        sendCommand(context, request(0x0020, Uids.VERIFICATION_SOP_CLASS, 7)); // a C-FIND-RQ
        Message rsp = readMessage();
        assertThat(rsp.commandField()).isEqualTo(0x8020);
        assertThat(rsp.command().us(Tag.MESSAGE_ID_BEING_RESPONDED_TO)).isEqualTo(7);
        assertThat(rsp.command().us(Tag.STATUS)).isEqualTo(0x0211);
    }

    @Test
    void aMessageOnAContextNeverAcceptedAbortsTheAssociation() throws Exception {
        serve(false, 10);
        associate();
        sendCommand(99, request(CommandField.C_ECHO_RQ, Uids.VERIFICATION_SOP_CLASS, 1));
        assertThat(read()).isInstanceOf(AAbort.class);
    }

    @Test
    void aResponseWhereNoRequestWasSentAbortsTheAssociation() throws Exception {
        serve(false, 10);
        int context = associate().presentationContexts().get(0).id();
        sendCommand(context, request(CommandField.C_ECHO_RSP, Uids.VERIFICATION_SOP_CLASS, 1));
        assertThat(read()).isInstanceOf(AAbort.class);
    }

    @Test
    void anotherCalledAeTitleIsRejectedWhenChecked() throws Exception {
        serve(true, 10);
        send(new AssociationProposal("ECHOSCU", "SOMEONE", 16384, 1, 1).toPdu());
        AAssociateRj rj = (AAssociateRj) read();
        assertThat(rj.result()).isEqualTo(AAssociateRj.RESULT_PERMANENT);
        assertThat(rj.reason()).isEqualTo(7);
    }

    @Test
    void anAssociationPastTheLimitIsRejectedForNow() throws Exception {
        associations.set(1); // one association open elsewhere
        serve(false, 1);
        send(new AssociationProposal("ECHOSCU", "ECHOSCP", 16384, 1, 1).toPdu());
        AAssociateRj rj = (AAssociateRj) read();
        assertThat(rj.result()).isEqualTo(AAssociateRj.RESULT_TRANSIENT);
        ends[0].close(); // as a requestor does after an A-ASSOCIATE-RJ: the handler's Sta13 ends with it
        handler.join(LONG * 1000L);
        assertThat(handler.isAlive()).isFalse();
        assertThat(associations).as("the rejected one is counted out again").hasValue(1);
    }
}
