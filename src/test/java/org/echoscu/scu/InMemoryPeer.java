package org.echoscu.scu;

import java.io.BufferedInputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.echoscu.acse.Uids;
import org.echoscu.dimse.CommandField;
import org.echoscu.dimse.CommandSet;
import org.echoscu.dimse.Message;
import org.echoscu.dimse.MessageAssembler;
import org.echoscu.dimse.Tag;
import org.echoscu.net.MemorySocket;
import org.echoscu.pdu.AAssociateAc;
import org.echoscu.pdu.AAssociateRq;
import org.echoscu.pdu.PDataTf;
import org.echoscu.pdu.Pdu;
import org.echoscu.pdu.PduEncoder;
import org.echoscu.pdu.PduReader;
import org.echoscu.pdu.Pdv;
import org.echoscu.pdu.PresentationContextAc;
import org.echoscu.pdu.PresentationContextRq;
import org.echoscu.pdu.UserInfoSubItem;
import org.echoscu.pdu.UserInformation;

/**
 * A scripted peer on the far end of an in-memory connection: the script runs on a thread of its
 * own and decides every PDU it sends. {@link #dial} is the EchoScu's way to it; {@link #done}
 * completes with the script's failure, if any, once it ends.
 */
final class InMemoryPeer {

    @FunctionalInterface
    interface Script {
        void run(InMemoryPeer peer) throws Exception;
    }

    private final MemorySocket[] ends = MemorySocket.pair();
    private final PduReader reader;
    private final OutputStream out;
    private final MessageAssembler assembler = new MessageAssembler(1 << 20);
    final CompletableFuture<Void> done = new CompletableFuture<>();

    private InMemoryPeer(Script script) {
        reader = new PduReader(new BufferedInputStream(ends[1].getInputStream()));
        out = ends[1].getOutputStream();
        Thread t = new Thread(() -> {
            try {
                script.run(this);
                done.complete(null);
            } catch (Throwable e) {
                done.completeExceptionally(e);
            } finally {
                ends[1].close();
            }
        }, "in-memory-peer");
        t.setDaemon(true);
        t.start();
    }

    static InMemoryPeer start(Script script) {
        return new InMemoryPeer(script);
    }

    /** The requestor's end, for {@code new EchoScu(settings, peer::dial)}. */
    Socket dial() {
        return ends[0];
    }

    Pdu read() throws Exception {
        return reader.read(0);
    }

    void send(Pdu pdu) throws Exception {
        out.write(PduEncoder.encode(pdu));
        out.flush();
    }

    /** Reads the A-ASSOCIATE-RQ and accepts every Verification context with its first transfer syntax. */
    AAssociateRq associate() throws Exception {
        AAssociateRq rq = (AAssociateRq) read();
        List<PresentationContextAc> pcs = new java.util.ArrayList<>();
        for (PresentationContextRq pc : rq.presentationContexts()) {
            boolean ok = pc.abstractSyntax().equals(Uids.VERIFICATION_SOP_CLASS);
            pcs.add(new PresentationContextAc(pc.id(), ok ? 0 : 3, pc.transferSyntaxes().get(0)));
        }
        send(new AAssociateAc(1, rq.calledAeTitle(), rq.callingAeTitle(), Uids.APPLICATION_CONTEXT, pcs,
                UserInformation.of(new UserInfoSubItem.MaxLength(16384),
                        new UserInfoSubItem.ImplementationClassUid("1.2.3.4"),
                        new UserInfoSubItem.ImplementationVersionName("MEMORY"))));
        return rq;
    }

    /** Reads PDUs until one whole DIMSE message is in. */
    Message readMessage() throws Exception {
        while (true) {
            Pdu p = read();
            if (!(p instanceof PDataTf d)) {
                throw new IllegalStateException("expected P-DATA-TF, got " + p);
            }
            for (Pdv pdv : d.pdvs()) {
                Message m = assembler.feed(pdv);
                if (m != null) {
                    return m;
                }
            }
        }
    }

    /** Answers a C-ECHO-RQ with {@code status}, for message ID {@code answers}. */
    void answer(Message rq, int answers, int status) throws Exception {
        CommandSet rsp = new CommandSet()
                .putUi(Tag.AFFECTED_SOP_CLASS_UID, Uids.VERIFICATION_SOP_CLASS)
                .putUs(Tag.COMMAND_FIELD, CommandField.C_ECHO_RSP)
                .putUs(Tag.MESSAGE_ID_BEING_RESPONDED_TO, answers)
                .putUs(Tag.COMMAND_DATA_SET_TYPE, CommandField.NO_DATA_SET)
                .putUs(Tag.STATUS, status);
        send(new PDataTf(List.of(new Pdv(rq.contextId(), 0x03, rsp.encode()))));
    }

    /** Reads until the requestor closes its end; the PDUs it sent before. */
    List<Pdu> untilClosed() {
        List<Pdu> seen = new java.util.ArrayList<>();
        try {
            while (true) {
                seen.add(read());
            }
        } catch (Exception e) {
            return seen; // the end of the stream
        }
    }
}
