package org.echoscu.it;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.echoscu.acse.Uids;
import org.echoscu.dimse.CommandField;
import org.echoscu.dimse.CommandSet;
import org.echoscu.dimse.Message;
import org.echoscu.dimse.MessageAssembler;
import org.echoscu.dimse.Tag;
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
 * A scriptable fake SCP on a loopback port: each connection runs the script, which may
 * read PDUs and send any bytes at any point. Built on the project's own codec for
 * convenience, but the script decides every byte that goes out.
 */
final class FakePeer implements AutoCloseable {

    @FunctionalInterface
    interface Script {
        void run(Conn c) throws Exception;
    }

    /** What a script does once it holds the echo request (HostilePeerTableIT, DcmtkDifferencesIT). */
    interface AfterEcho {
        void run(Conn c, Message rq) throws Exception;
    }

    /** Associates, reads the echo request, lets {@code then} answer it, then waits for the close. */
    static Script afterEcho(AfterEcho then) {
        return c -> {
            c.associate();
            Message m = c.readMessage();
            then.run(c, m);
            c.awaitClose();
        };
    }

    final int port;
    private final ServerSocket server;
    private final List<Throwable> failures = new CopyOnWriteArrayList<>();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final List<Thread> scripts = new CopyOnWriteArrayList<>();

    private FakePeer(Script script) throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        port = server.getLocalPort();
        Thread t = new Thread(() -> {
            while (!server.isClosed()) {
                try {
                    Socket s = server.accept();
                    sockets.add(s);
                    Thread h = new Thread(() -> {
                        try (Conn c = new Conn(s)) {
                            script.run(c);
                        } catch (Exception | AssertionError e) { // a script's own checks fail with AssertionError
                            failures.add(e);
                        }
                    }, "fake-peer-conn");
                    h.setDaemon(true);
                    scripts.add(h);
                    h.start();
                } catch (IOException e) {
                    return;
                }
            }
        }, "fake-peer");
        t.setDaemon(true);
        t.start();
    }

    static FakePeer start(Script script) {
        try {
            return new FakePeer(script);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Ends the scripts and fails if one of them failed: a check in a script runs on another
     * thread, where nothing else would see it fail. {@link #close} does the same, so every test
     * that uses a fake peer in try-with-resources fails with its script; this is for a test that
     * wants the scripts' verdict before its own checks.
     */
    void assertScriptsPassed() throws IOException {
        close();
    }

    /**
     * Closes the listener and the connections, waits for the scripts to end, and throws the
     * first failure of a script: an assertion, or any exception that is not the connection's
     * (an IllegalStateException, a PDU of the wrong type, one that does not decode). A script
     * still reading when echoscu left, or reading a connection closed here, ends with an
     * IOException, which is no failure.
     */
    @Override
    public void close() throws IOException {
        server.close();
        for (Socket s : sockets) {
            s.close();
        }
        for (Thread t : scripts) {
            try {
                t.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        AssertionError failed = null;
        for (Throwable f : failures) {
            if (f instanceof IOException) {
                continue;
            }
            if (failed == null) {
                failed = new AssertionError("fake peer's script failed: " + f, f);
            } else {
                failed.addSuppressed(f);
            }
        }
        if (failed != null) {
            throw failed;
        }
    }

    /** One accepted connection. */
    static final class Conn implements AutoCloseable {
        final Socket socket;
        private final PduReader reader;
        private final OutputStream out;
        private final MessageAssembler assembler = new MessageAssembler(1 << 20);

        Conn(Socket socket) throws IOException {
            this.socket = socket;
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(30_000);
            this.reader = new PduReader(new BufferedInputStream(socket.getInputStream()));
            this.out = socket.getOutputStream();
        }

        Pdu read() throws Exception {
            return reader.read(0);
        }

        AAssociateRq readRq() throws Exception {
            return (AAssociateRq) read();
        }

        void send(Pdu pdu) throws IOException {
            sendRaw(PduEncoder.encode(pdu));
        }

        void sendRaw(byte[] bytes) throws IOException {
            out.write(bytes);
            out.flush();
        }

        /** An A-ASSOCIATE-AC accepting every Verification context with its first transfer syntax. */
        static AAssociateAc acceptAll(AAssociateRq rq, long maxPdu) {
            List<PresentationContextAc> pcs = new ArrayList<>();
            for (PresentationContextRq pc : rq.presentationContexts()) {
                boolean ok = pc.abstractSyntax().equals(Uids.VERIFICATION_SOP_CLASS);
                pcs.add(new PresentationContextAc(pc.id(), ok ? 0 : 3, pc.transferSyntaxes().get(0)));
            }
            return new AAssociateAc(1, rq.calledAeTitle(), rq.callingAeTitle(), Uids.APPLICATION_CONTEXT, pcs,
                    UserInformation.of(new UserInfoSubItem.MaxLength(maxPdu),
                            new UserInfoSubItem.ImplementationClassUid("1.2.3.4"),
                            new UserInfoSubItem.ImplementationVersionName("FAKE")));
        }

        /** Reads the A-ASSOCIATE-RQ and accepts it. */
        AAssociateRq associate() throws Exception {
            AAssociateRq rq = readRq();
            send(acceptAll(rq, 16384));
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

        static CommandSet echoRsp(int messageId, int status) {
            return new CommandSet()
                    .putUi(Tag.AFFECTED_SOP_CLASS_UID, Uids.VERIFICATION_SOP_CLASS)
                    .putUs(Tag.COMMAND_FIELD, CommandField.C_ECHO_RSP)
                    .putUs(Tag.MESSAGE_ID_BEING_RESPONDED_TO, messageId)
                    .putUs(Tag.COMMAND_DATA_SET_TYPE, CommandField.NO_DATA_SET)
                    .putUs(Tag.STATUS, status);
        }

        /** Sends a command in one PDV, last fragment. */
        void sendCommand(int contextId, CommandSet cs) throws IOException {
            send(new PDataTf(List.of(new Pdv(contextId, 0x03, cs.encode()))));
        }

        /**
         * Keeps the connection open, reading nothing and never closing, until the test ends: a
         * peer that ignores our A-ABORT and our close, so only our own timers end the run.
         */
        void holdOpen() throws InterruptedException {
            while (!socket.isClosed()) {
                Thread.sleep(50);
            }
        }

        void awaitClose() throws IOException {
            try {
                while (socket.getInputStream().read() >= 0) {
                    // discard whatever comes before the close
                }
            } catch (IOException e) {
                // reset or timeout: closed enough
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
