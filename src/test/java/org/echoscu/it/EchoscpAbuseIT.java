package org.echoscu.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

import org.echoscu.acse.AssociationProposal;
import org.echoscu.dimse.CommandField;
import org.echoscu.dimse.CommandSet;
import org.echoscu.dimse.Tag;
import org.echoscu.pdu.PDataTf;
import org.echoscu.pdu.Pdv;
import org.echoscu.pdu.AAssociateAc;
import org.echoscu.pdu.PduEncoder;
import org.echoscu.pdu.PduReader;
import org.junit.jupiter.api.Test;

/** echoscp under load and abuse: many associations, liars about lengths, leaks. */
class EchoscpAbuseIT {

    private static Socket associate(int port, String calling) throws Exception {
        Socket s = new Socket("127.0.0.1", port);
        s.setSoTimeout(30_000);
        OutputStream out = s.getOutputStream();
        out.write(PduEncoder.encode(new AssociationProposal(calling, "ANY-SCP", 16384, 1, 1).toPdu()));
        out.flush();
        assertThat(new PduReader(new BufferedInputStream(s.getInputStream())).read(0)).isInstanceOf(AAssociateAc.class);
        return s;
    }

    private static void closeAll(List<Socket> sockets) throws IOException {
        for (Socket s : sockets) {
            s.close();
        }
    }

    private static void awaitBelow(java.util.function.IntSupplier what, int limit) {
        long end = System.currentTimeMillis() + 20_000;
        while (what.getAsInt() > limit && System.currentTimeMillis() < end) {
            Ports.sleep(100);
        }
    }

    @Test
    void fiveHundredAssociationsAndAWellBehavedClientStillAnsweredWithinASecond() throws Exception {
        try (Server scp = Server.echoscp()) {
            int threadsBefore = scp.threads();
            int socketsBefore = scp.sockets();
            List<Socket> held = new ArrayList<>();
            try {
                for (int i = 0; i < 500; i++) {
                    held.add(associate(scp.port, "HOLD" + i));
                }
                // a thread each (one that has ended an association may serve a later one, so the
                // count of all the process's threads says less than their names do)
                assertThat(scp.threadsNamed("echoscp-assoc")).as("association threads").isGreaterThanOrEqualTo(500);
                Run r = Commands.echoscu("-v", "127.0.0.1", String.valueOf(scp.port));
                assertThat(r.exitCode()).as(r.toString()).isZero();
                assertThat(r.millis()).as("a whole echoscu run, JVM start included").isLessThan(1_000 + 1_000);
                long t0 = System.nanoTime();
                try (Socket one = associate(scp.port, "TIMED")) {
                    CommandSet rq = new CommandSet().putUi(Tag.AFFECTED_SOP_CLASS_UID, "1.2.840.10008.1.1")
                            .putUs(Tag.COMMAND_FIELD, CommandField.C_ECHO_RQ).putUs(Tag.MESSAGE_ID, 1)
                            .putUs(Tag.COMMAND_DATA_SET_TYPE, CommandField.NO_DATA_SET);
                    one.getOutputStream().write(PduEncoder.encode(new PDataTf(List.of(new Pdv(1, 3, rq.encode())))));
                    PDataTf rsp = (PDataTf) new PduReader(new BufferedInputStream(one.getInputStream())).read(0);
                    long ms = (System.nanoTime() - t0) / 1_000_000;
                    assertThat(CommandSet.decode(rsp.pdvs().get(0).data()).us(Tag.STATUS)).isZero();
                    assertThat(ms).as("association and echo of the 501st, in ms").isLessThan(1_000);
                }
            } finally {
                closeAll(held);
            }
            awaitBelow(scp::threads, threadsBefore + 2);
            assertThat(scp.threads()).as("threads back to where they were").isLessThanOrEqualTo(threadsBefore + 2);
            awaitBelow(scp::sockets, socketsBefore);
            assertThat(scp.sockets()).as("no socket left behind").isEqualTo(socketsBefore);
        }
    }

    @Test
    void liesAboutLengthsCostNoMemory() throws Exception {
        try (Server scp = Server.echoscpWithJvmOptions("-Xmx48m")) {
            List<Socket> liars = new ArrayList<>();
            try {
                for (int i = 0; i < 300; i++) {
                    Socket s = new Socket("127.0.0.1", scp.port);
                    // an A-ASSOCIATE-RQ header announcing 1 MiB (the largest allowed), then ten bytes
                    s.getOutputStream().write(new byte[] {1, 0, 0, 0x10, 0, 0, 0, 1, 0, 0, 'L', 'I', 'A', 'R', ' ', ' '});
                    liars.add(s);
                }
                Run r = Commands.echoscu("127.0.0.1", String.valueOf(scp.port));
                assertThat(r.exitCode()).as(r.toString()).isZero();
                assertThat(scp.alive()).isTrue();
                assertThat(scp.log()).doesNotContain("OutOfMemoryError");
            } finally {
                closeAll(liars);
            }
        }
    }

    @Test
    void associationLimitHoldsAndFreesItsSlots() throws Exception {
        try (Server scp = Server.echoscp("-ma", "3")) {
            int socketsBefore = scp.sockets();
            List<Socket> held = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                held.add(associate(scp.port, "HOLD" + i));
            }
            Run refused = Commands.echoscu("127.0.0.1", String.valueOf(scp.port));
            assertThat(refused.exitCode()).isEqualTo(1);
            assertThat(refused.stderr()).contains("F: Reason: Local Limit Exceeded");
            closeAll(held);
            awaitBelow(scp::sockets, socketsBefore);
            Run ok = Commands.echoscu("127.0.0.1", String.valueOf(scp.port));
            assertThat(ok.exitCode()).as(ok.toString()).isZero();
        }
    }

    @Test
    void silentConnectionsBeyondTheLimitAreClosedNotQueued() throws Exception {
        try (Server scp = Server.echoscp("-ma", "2", "-ta", "60")) {
            int socketsBefore = scp.sockets();
            List<Socket> silent = new ArrayList<>();
            try {
                for (int i = 0; i < 2 + 64 + 20; i++) {
                    silent.add(new Socket("127.0.0.1", scp.port));
                }
                awaitBelow(scp::sockets, socketsBefore + 2 + 64);
                assertThat(scp.sockets()).as("bounded: limit + 64 waiting").isLessThanOrEqualTo(socketsBefore + 2 + 64);
            } finally {
                closeAll(silent);
            }
        }
    }
}
