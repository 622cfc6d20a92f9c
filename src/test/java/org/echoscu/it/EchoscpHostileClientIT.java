package org.echoscu.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.echoscu.acse.AssociationProposal;
import org.echoscu.dimse.CommandField;
import org.echoscu.dimse.CommandSet;
import org.echoscu.dimse.Message;
import org.echoscu.dimse.MessageAssembler;
import org.echoscu.dimse.Tag;
import org.echoscu.pdu.AAbort;
import org.echoscu.pdu.AAssociateAc;
import org.echoscu.pdu.AAssociateRj;
import org.echoscu.pdu.AAssociateRq;
import org.echoscu.pdu.AReleaseRp;
import org.echoscu.pdu.AReleaseRq;
import org.echoscu.pdu.PDataTf;
import org.echoscu.pdu.Pdu;
import org.echoscu.pdu.PduEncoder;
import org.echoscu.pdu.PduReader;
import org.echoscu.pdu.Pdv;
import org.echoscu.pdu.UserInfoSubItem;
import org.echoscu.pdu.UserInformation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * echoscp against a hostile client, one misbehaviour per row, all on one server: each row
 * checks what the server answers (the exact PDU) and that it closes the connection in
 * bounded time; after every row the server must still answer a well-behaved echo.
 */
class EchoscpHostileClientIT {

    private static Server scp;

    @BeforeAll
    static void start() {
        scp = Server.echoscp("-ta", "2");
    }

    @AfterAll
    static void stop() throws InterruptedException {
        scp.close();
    }

    /** A raw client connection. */
    static final class Client implements AutoCloseable {
        final Socket socket;
        final OutputStream out;
        final PduReader reader;

        Client() throws IOException {
            socket = new Socket("127.0.0.1", scp.port);
            socket.setSoTimeout(10_000);
            out = socket.getOutputStream();
            reader = new PduReader(new BufferedInputStream(socket.getInputStream()));
        }

        void raw(byte[] b) throws IOException {
            out.write(b);
            out.flush();
        }

        void send(Pdu p) throws IOException {
            raw(PduEncoder.encode(p));
        }

        Pdu read() throws Exception {
            return reader.read(0);
        }

        AAssociateAc associate() throws Exception {
            send(rq(1, 1));
            return (AAssociateAc) read();
        }

        /** True when the server has closed its side (end of stream) in time. */
        boolean closedByServer() {
            try {
                while (socket.getInputStream().read() >= 0) {
                    // drain
                }
                return true;
            } catch (IOException e) {
                return e.getMessage() != null && e.getMessage().contains("reset");
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    interface Script {
        /** @return the server's answer that matters, or null when only the close matters */
        Object run(Client c) throws Exception;
    }

    record Case(String name, Script script, Object expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    static AAssociateRq rq(int contexts, int syntaxes) {
        return new AssociationProposal("HOSTILE", "ANY-SCP", 16384, contexts, syntaxes).toPdu();
    }

    static byte[] header(int type, long length) {
        return new byte[] {(byte) type, 0, (byte) (length >>> 24), (byte) (length >>> 16), (byte) (length >>> 8),
                (byte) length};
    }

    static CommandSet echoRq(int id) {
        return new CommandSet().putUi(Tag.AFFECTED_SOP_CLASS_UID, "1.2.840.10008.1.1")
                .putUs(Tag.COMMAND_FIELD, CommandField.C_ECHO_RQ).putUs(Tag.MESSAGE_ID, id)
                .putUs(Tag.COMMAND_DATA_SET_TYPE, CommandField.NO_DATA_SET);
    }

    static Message readMessage(Client c) throws Exception {
        MessageAssembler a = new MessageAssembler(1 << 20);
        while (true) {
            Pdu p = c.read();
            if (!(p instanceof PDataTf d)) {
                throw new AssertionError("expected P-DATA-TF, got " + p);
            }
            for (Pdv pdv : d.pdvs()) {
                Message m = a.feed(pdv);
                if (m != null) {
                    return m;
                }
            }
        }
    }

    static int status(Message m) throws Exception {
        return m.command().us(Tag.STATUS);
    }

    static final AAbort USER_ABORT = new AAbort(0, 0);

    static Stream<Case> table() {
        List<Case> t = new ArrayList<>();
        t.add(new Case("silence until the ARTIM timer", c -> null, null));
        t.add(new Case("HTTP request", c -> {
            c.raw("GET / HTTP/1.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            return c.read();
        }, USER_ABORT));
        t.add(new Case("TLS ClientHello", c -> {
            c.raw(new byte[] {0x16, 0x03, 0x01, 0x00, (byte) 0xa5, 0x01, 0x00, 0x00, (byte) 0xa1, 0x03, 0x03});
            return c.read();
        }, USER_ABORT));
        t.add(new Case("unknown PDU type", c -> {
            c.raw(header(0x09, 0));
            return c.read();
        }, USER_ABORT));
        t.add(new Case("A-ASSOCIATE-RQ of length zero", c -> {
            c.raw(header(0x01, 0));
            return c.read();
        }, USER_ABORT));
        t.add(new Case("A-ASSOCIATE-RQ announcing 4 GiB", c -> {
            c.raw(header(0x01, 0xFFFF_FFFFL));
            return c.read();
        }, USER_ABORT));
        t.add(new Case("A-ASSOCIATE-RQ with an item length past the end", c -> {
            byte[] b = PduEncoder.encode(rq(1, 1));
            b[6 + 68 + 2] = 0x7F;
            c.raw(b);
            return c.read();
        }, USER_ABORT));
        t.add(new Case("A-ASSOCIATE-RQ truncated, then close", c -> {
            c.raw(java.util.Arrays.copyOf(PduEncoder.encode(rq(1, 1)), 50));
            c.socket.shutdownOutput();
            return null;
        }, null));
        t.add(new Case("A-ASSOCIATE-RQ dripped byte by byte", c -> {
            for (byte b : PduEncoder.encode(rq(1, 1))) {
                c.raw(new byte[] {b});
            }
            return c.read().type();
        }, Pdu.TYPE_ASSOCIATE_AC));
        t.add(new Case("protocol version without bit 0", c -> {
            AAssociateRq r = rq(1, 1);
            c.send(new AAssociateRq(2, r.calledAeTitle(), r.callingAeTitle(), r.applicationContext(),
                    r.presentationContexts(), r.userInformation()));
            return c.read();
        }, new AAssociateRj(1, 2, 2)));
        t.add(new Case("another application context", c -> {
            AAssociateRq r = rq(1, 1);
            c.send(new AAssociateRq(1, r.calledAeTitle(), r.callingAeTitle(), "1.2.3.4", r.presentationContexts(),
                    r.userInformation()));
            return c.read();
        }, new AAssociateRj(1, 1, 2)));
        t.add(new Case("unknown user-information sub-items and max PDU 0", c -> {
            AAssociateRq r = rq(1, 1);
            c.send(new AAssociateRq(1, r.calledAeTitle(), r.callingAeTitle(), r.applicationContext(),
                    r.presentationContexts(), UserInformation.of(new UserInfoSubItem.MaxLength(0),
                    new UserInfoSubItem.Unknown(0x77, new byte[] {9, 9}))));
            c.read();
            c.send(new PDataTf(List.of(new Pdv(1, 3, echoRq(1).encode()))));
            return status(readMessage(c));
        }, 0));
        t.add(new Case("128 contexts of 53 transfer syntaxes", c -> {
            c.send(rq(128, 53));
            AAssociateAc ac = (AAssociateAc) c.read();
            return ac.presentationContexts().stream().filter(p -> p.accepted()).count();
        }, 128L));
        t.add(new Case("A-ABORT after the association", c -> {
            c.associate();
            c.send(USER_ABORT);
            return null;
        }, null));
        t.add(new Case("A-RELEASE-RQ is answered", c -> {
            c.associate();
            c.send(new AReleaseRq());
            return c.read();
        }, new AReleaseRp()));
        t.add(new Case("C-ECHO-RQ in one-byte PDVs over many PDUs", c -> {
            c.associate();
            byte[] cmd = echoRq(7).encode();
            for (int i = 0; i < cmd.length; i++) {
                c.send(new PDataTf(List.of(new Pdv(1, i == cmd.length - 1 ? 3 : 1, new byte[] {cmd[i]}))));
            }
            Message m = readMessage(c);
            return m.command().us(Tag.MESSAGE_ID_BEING_RESPONDED_TO) * 0x10000 + status(m);
        }, 7 * 0x10000));
        t.add(new Case("C-ECHO-RQ on a context that was not accepted", c -> {
            c.associate();
            c.send(new PDataTf(List.of(new Pdv(3, 3, echoRq(1).encode()))));
            return c.read();
        }, USER_ABORT));
        t.add(new Case("C-STORE-RQ on the Verification context", c -> {
            c.associate();
            c.send(new PDataTf(List.of(new Pdv(1, 3, echoRq(1).putUs(Tag.COMMAND_FIELD, 0x0001).encode()))));
            return status(readMessage(c));
        }, 0x0211));
        t.add(new Case("C-ECHO-RQ with a data set", c -> {
            c.associate();
            c.send(new PDataTf(List.of(new Pdv(1, 3, echoRq(1).putUs(Tag.COMMAND_DATA_SET_TYPE, 0).encode()),
                    new Pdv(1, 2, new byte[] {8, 0, 0x16, 0, 0, 0, 0, 0}))));
            return status(readMessage(c));
        }, 0x0212));
        t.add(new Case("a C-ECHO-RSP from the client", c -> {
            c.associate();
            c.send(new PDataTf(List.of(new Pdv(1, 3, echoRq(1).putUs(Tag.COMMAND_FIELD, 0x8030).encode()))));
            return c.read();
        }, USER_ABORT));
        t.add(new Case("P-DATA-TF before any association", c -> {
            c.send(new PDataTf(List.of(new Pdv(1, 3, echoRq(1).encode()))));
            return c.read();
        }, USER_ABORT));
        t.add(new Case("a second A-ASSOCIATE-RQ", c -> {
            c.associate();
            c.send(rq(1, 1));
            return c.read();
        }, new AAbort(2, 2)));
        t.add(new Case("P-DATA-TF larger than the server's maximum", c -> {
            c.associate();
            c.send(new PDataTf(List.of(new Pdv(1, 3, new byte[20000]))));
            return c.read();
        }, new AAbort(2, 6)));
        t.add(new Case("A-RELEASE-RP out of the blue", c -> {
            c.associate();
            c.send(new AReleaseRp());
            return c.read();
        }, new AAbort(2, 2)));
        t.add(new Case("command that is not a command set", c -> {
            c.associate();
            c.send(new PDataTf(List.of(new Pdv(1, 3, new byte[] {8, 0, 0x16, 0, 2, 0, 0, 0, '1', 0}))));
            return c.read();
        }, USER_ABORT));
        t.add(new Case("connection dropped with an echo half sent", c -> {
            c.associate();
            c.send(new PDataTf(List.of(new Pdv(1, 1, java.util.Arrays.copyOf(echoRq(1).encode(), 10)))));
            return null;
        }, null));
        return t.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void serverAnswersAndSurvives(Case row) throws Exception {
        long start = System.nanoTime();
        try (Client c = new Client()) {
            Object got;
            try {
                got = row.script().run(c);
            } catch (EOFException e) {
                got = "closed";
            }
            if (row.expected() != null) {
                assertThat(got).isEqualTo(row.expected());
            }
            if (!row.name().startsWith("A-RELEASE-RQ") && !row.name().contains("sub-items")
                    && !row.name().contains("dripped") && !row.name().contains("128 contexts")
                    && !row.name().contains("one-byte") && !row.name().contains("C-STORE-RQ")
                    && !row.name().contains("with a data set") && !row.name().contains("dropped")) {
                assertThat(c.closedByServer()).as("server closed the connection").isTrue();
                assertThat((System.nanoTime() - start) / 1_000_000).as("within the ARTIM timer and some").isLessThan(5_000);
            }
        }
        Run healthy = Commands.echoscu("127.0.0.1", String.valueOf(scp.port));
        assertThat(healthy.exitCode()).as("server still serves after: " + row.name()).isZero();
        assertThat(scp.log()).doesNotContain("Exception").doesNotContain("internal error");
    }
}
