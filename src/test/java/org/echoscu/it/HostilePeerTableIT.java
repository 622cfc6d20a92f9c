package org.echoscu.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.echoscu.it.FakePeer.afterEcho;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.echoscu.dimse.CommandField;
import org.echoscu.dimse.CommandSet;
import org.echoscu.dimse.Message;
import org.echoscu.dimse.Tag;
import org.echoscu.acse.Uids;
import org.echoscu.pdu.AAbort;
import org.echoscu.pdu.AAssociateAc;
import org.echoscu.pdu.AAssociateRj;
import org.echoscu.pdu.AAssociateRq;
import org.echoscu.pdu.AReleaseRp;
import org.echoscu.pdu.AReleaseRq;
import org.echoscu.pdu.PDataTf;
import org.echoscu.pdu.Pdu;
import org.echoscu.pdu.PduEncoder;
import org.echoscu.pdu.Pdv;
import org.echoscu.pdu.PresentationContextAc;
import org.echoscu.pdu.UserInfoSubItem;
import org.echoscu.pdu.UserInformation;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The hostile-peer table: a scripted fake SCP misbehaves in one way per row, and echoscu
 * must end with the expected exit code, print the expected message, and take no longer
 * than the bound. docs/dcmtk.md lists these outcomes.
 */
class HostilePeerTableIT {

    /** One row: what the peer does, echoscu's options, and what must come of it. */
    record Case(String name, FakePeer.Script peer, List<String> options, int exit, String message, long maxMillis) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static Case row(String name, int exit, String message, long maxMillis, FakePeer.Script peer,
                            String... options) {
        return new Case(name, peer, List.of(options), exit, message, maxMillis);
    }

    /**
     * The bound of a row that a timeout of the user's ends: that timeout plus one second, JVM
     * start and our wait for the peer's close (PS3.8 Sta13) included, whatever the peer does.
     */
    private static long timeoutPlusOneSecond(int seconds) {
        return seconds * 1000L + 1000;
    }

    /** The bound of a row that the peer's own action ends: no timer of ours is reached. */
    private static final long PROMPT = 4_000;
    /** Rows slow by design (the peer sleeps between bytes) are bounded by their own pace. */
    private static final long DRIPPED = 15_000;
    private static final long ONE_BYTE_PDUS = 6_000;

    // ---- building blocks of the scripts --------------------------------------------------

    private static byte[] header(int type, long length) {
        return new byte[] {(byte) type, 0, (byte) (length >>> 24), (byte) (length >>> 16), (byte) (length >>> 8),
                (byte) length};
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static AAssociateAc withContexts(AAssociateRq rq, List<PresentationContextAc> pcs, UserInformation ui) {
        return new AAssociateAc(1, rq.calledAeTitle(), rq.callingAeTitle(), rq.applicationContext(), pcs, ui);
    }

    private static UserInformation info(long maxPdu, UserInfoSubItem... extra) {
        List<UserInfoSubItem> items = new ArrayList<>(List.of(new UserInfoSubItem.MaxLength(maxPdu),
                new UserInfoSubItem.ImplementationClassUid("1.2.3.4")));
        items.addAll(List.of(extra));
        return new UserInformation(items);
    }

    private static FakePeer.Script rejectWith(int result, int source, int reason) {
        return c -> {
            c.readRq();
            c.send(new AAssociateRj(result, source, reason));
            c.awaitClose();
        };
    }

    private static FakePeer.Script answerWith(CommandSet rsp) {
        return afterEcho((c, m) -> c.sendCommand(m.contextId(), rsp));
    }

    private static int id(Message m) throws Exception {
        return m.command().us(Tag.MESSAGE_ID);
    }

    /** Answers the echo well, then handles the release as {@code release} says. */
    private static FakePeer.Script echoThen(FakePeer.AfterEcho release) {
        return afterEcho((c, m) -> {
            c.sendCommand(m.contextId(), FakePeer.Conn.echoRsp(id(m), 0));
            Pdu next = c.read();
            assertThat(next).isEqualTo(new AReleaseRq());
            release.run(c, m);
        });
    }

    static Stream<Case> table() {
        String requestFailed = "F: Association Request Failed: ";
        List<Case> t = new ArrayList<>();
        // -- before any association
        // -- each of the user's timers ends the run within it plus a second, though the peer never closes
        t.add(row("accepts the connection, then silence", 1, requestFailed + "no answer within the ACSE timeout (2 s)",
                timeoutPlusOneSecond(2), FakePeer.Conn::holdOpen, "-ta", "2"));
        t.add(row("accepts the connection, then silence (socket timeout)", 1,
                requestFailed + "no answer within the socket timeout (2 s)", timeoutPlusOneSecond(2),
                FakePeer.Conn::holdOpen, "-ts", "2"));
        t.add(row("accepts the connection, then silence (every timer 2 s)", 1,
                requestFailed + "no answer within the ACSE timeout (2 s)", timeoutPlusOneSecond(2),
                FakePeer.Conn::holdOpen, "-ta", "2", "-td", "2", "-ts", "2"));
        t.add(row("closes the connection at once", 1, requestFailed
                + "connection closed by peer without answering our A-ASSOCIATE-RQ (does the peer expect TLS?", PROMPT,
                FakePeer.Conn::close));
        t.add(row("answers like an HTTP server", 1, "unrecognized PDU type 0x48 (the peer sent text \"HTTP/1...\"",
                PROMPT, c -> {
                    c.readRq();
                    c.sendRaw("HTTP/1.1 400 Bad Request\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    c.awaitClose();
                }));
        t.add(row("answers like a TLS server", 1, "this looks like TLS: is TLS enabled on one side only?", PROMPT, c -> {
            c.readRq();
            c.sendRaw(new byte[] {0x15, 0x03, 0x03, 0x00, 0x02, 0x02, 0x28});
            c.awaitClose();
        }));
        t.add(row("unknown PDU type 0x08", 1, "unrecognized PDU type 0x08", PROMPT, c -> {
            c.readRq();
            c.sendRaw(concat(header(0x08, 4), new byte[4]));
            c.awaitClose();
        }));
        t.add(row("A-ASSOCIATE-AC of length zero", 1, "A-ASSOCIATE PDU of 0 bytes is shorter than its 68 fixed bytes",
                PROMPT, c -> {
                    c.readRq();
                    c.sendRaw(header(0x02, 0));
                    c.awaitClose();
                }));
        t.add(row("A-ASSOCIATE-AC announcing 4 GiB", 1, "A-ASSOCIATE-AC length 4294967295 exceeds the limit", PROMPT,
                c -> {
                    c.readRq();
                    c.sendRaw(header(0x02, 0xFFFF_FFFFL));
                    c.awaitClose();
                }));
        t.add(row("A-ASSOCIATE-AC item length past the end", 1, "runs past the end of A-ASSOCIATE-AC", PROMPT, c -> {
            AAssociateRq rq = c.readRq();
            byte[] ac = PduEncoder.encode(FakePeer.Conn.acceptAll(rq, 16384));
            ac[6 + 68 + 3] = (byte) 0xF0; // application context item length, low byte
            ac[6 + 68 + 2] = (byte) 0x7F;
            c.sendRaw(ac);
            c.awaitClose();
        }));
        t.add(row("A-ASSOCIATE-AC with an odd length, truncated", 1, "connection closed by peer inside a A-ASSOCIATE-AC",
                PROMPT, c -> {
                    AAssociateRq rq = c.readRq();
                    byte[] ac = PduEncoder.encode(FakePeer.Conn.acceptAll(rq, 16384));
                    byte[] cut = java.util.Arrays.copyOf(ac, 101);
                    c.sendRaw(cut);
                    c.close();
                }));
        t.add(row("A-ASSOCIATE-AC dripped byte by byte", 0, "I: Received Echo Response (Success)", DRIPPED, c -> {
            AAssociateRq rq = c.readRq();
            for (byte b : PduEncoder.encode(FakePeer.Conn.acceptAll(rq, 16384))) {
                c.sendRaw(new byte[] {b});
                Thread.sleep(2);
            }
            Message m = c.readMessage();
            c.sendCommand(m.contextId(), FakePeer.Conn.echoRsp(id(m), 0));
            c.read();
            c.send(new AReleaseRp());
        }, "-v"));
        t.add(row("A-ASSOCIATE-AC with no presentation context", 1, "F: No Acceptable Presentation Contexts", PROMPT, c -> {
            AAssociateRq rq = c.readRq();
            c.send(withContexts(rq, List.of(), info(16384)));
            c.awaitClose();
        }));
        t.add(row("A-ASSOCIATE-AC accepting only contexts we did not propose", 1, "F: No Acceptable Presentation Contexts",
                PROMPT, c -> {
                    AAssociateRq rq = c.readRq();
                    c.send(withContexts(rq, List.of(new PresentationContextAc(99, 0, "1.2.840.10008.1.2"),
                            new PresentationContextAc(2, 0, "1.2.840.10008.1.2")), info(16384)));
                    c.awaitClose();
                }));
        t.add(row("A-ASSOCIATE-AC accepting with a transfer syntax we did not offer", 1,
                "F: No Acceptable Presentation Contexts", PROMPT, c -> {
                    AAssociateRq rq = c.readRq();
                    c.send(withContexts(rq, List.of(new PresentationContextAc(1, 0, "1.2.840.10008.1.2.4.50")),
                            info(16384)));
                    c.awaitClose();
                }));
        t.add(row("A-ASSOCIATE-AC with unknown user-information sub-items", 0, "I: Received Echo Response (Success)",
                PROMPT, c -> {
                    AAssociateRq rq = c.readRq();
                    AAssociateAc ok = FakePeer.Conn.acceptAll(rq, 16384);
                    c.send(withContexts(rq, ok.presentationContexts(), info(16384,
                            new UserInfoSubItem.Unknown(0x5F, new byte[] {1, 2, 3}),
                            new UserInfoSubItem.Unknown(0xEE, new byte[0]))));
                    Message m = c.readMessage();
                    c.sendCommand(m.contextId(), FakePeer.Conn.echoRsp(id(m), 0));
                    c.read();
                    c.send(new AReleaseRp());
                }, "-v"));
        t.add(row("A-ASSOCIATE-AC with a maximum PDU length of 0 (unlimited)", 0, "I: Association Accepted (Max Send PDV: 0)",
                PROMPT, c -> {
                    AAssociateRq rq = c.readRq();
                    c.send(FakePeer.Conn.acceptAll(rq, 0));
                    Message m = c.readMessage();
                    c.sendCommand(m.contextId(), FakePeer.Conn.echoRsp(id(m), 0));
                    c.read();
                    c.send(new AReleaseRp());
                }, "-v"));
        // -- rejections, every result/source/reason of PS3.8 table 9-21, and invalid values
        int[][] rejects = {{1, 1, 1}, {1, 1, 2}, {1, 1, 3}, {1, 1, 7}, {2, 1, 1}, {1, 2, 1}, {1, 2, 2}, {2, 3, 1},
                {2, 3, 2}};
        String[] reasons = {"No Reason", "App Context Name Not Supported", "Calling AE Title Not Recognized",
                "Called AE Title Not Recognized", "No Reason", "No Reason", "Protocol Version Not Supported",
                "Temporary Congestion", "Local Limit Exceeded"};
        for (int i = 0; i < rejects.length; i++) {
            int[] r = rejects[i];
            t.add(row("A-ASSOCIATE-RJ " + r[0] + "/" + r[1] + "/" + r[2], 1, "F: Reason: " + reasons[i], PROMPT,
                    rejectWith(r[0], r[1], r[2])));
        }
        t.add(row("A-ASSOCIATE-RJ with invalid values", 1,
                "F: Result: Invalid Result (9), Source: Invalid Source (9)\nF: Reason: Invalid Reason (9)", PROMPT,
                rejectWith(9, 9, 9)));
        t.add(row("A-ASSOCIATE-RJ with a reserved reason", 1, "F: Reason: Reserved (5)", PROMPT, rejectWith(1, 1, 5)));
        // -- aborts and connection loss at each step
        t.add(row("A-ABORT instead of an answer", 1,
                requestFailed + "peer aborted the association (A-ABORT from the service provider: unexpected PDU)",
                PROMPT, c -> {
                    c.readRq();
                    c.send(new AAbort(2, 2));
                    c.awaitClose();
                }));
        String[] abortReasons = {"reason not specified", "unrecognized PDU", "unexpected PDU", null,
                "unrecognized PDU parameter", "unexpected PDU parameter", "invalid PDU parameter value"};
        for (int reason = 0; reason < abortReasons.length; reason++) {
            if (abortReasons[reason] != null) {
                int r = reason;
                t.add(row("A-ABORT from the provider, reason " + reason, 70,
                        "E: Echo Failed: peer aborted the association (A-ABORT from the service provider: "
                                + abortReasons[reason] + ")", PROMPT, afterEcho((c, m) -> c.send(new AAbort(2, r)))));
            }
        }
        t.add(row("A-ABORT with invalid source and reason", 70,
                "E: Echo Failed: peer aborted the association (A-ABORT from the invalid source 9)", PROMPT,
                afterEcho((c, m) -> c.send(new AAbort(9, 9)))));
        t.add(row("A-ABORT from the provider with an invalid reason", 70, "service provider: invalid reason 3)", PROMPT,
                afterEcho((c, m) -> c.send(new AAbort(2, 3)))));
        t.add(row("A-ABORT right after the A-ASSOCIATE-AC", 70, "E: Echo Failed: peer aborted the association", PROMPT,
                c -> {
                    c.associate();
                    c.send(new AAbort(0, 0));
                    c.awaitClose();
                }));
        t.add(row("A-ABORT while the echo is outstanding", 70,
                "E: Echo Failed: peer aborted the association (A-ABORT from the service user)", PROMPT,
                afterEcho((c, m) -> c.send(new AAbort(0, 0)))));
        t.add(row("connection lost while the echo is outstanding", 70, "E: Echo Failed: connection closed by peer", PROMPT,
                afterEcho((c, m) -> c.close())));
        t.add(row("A-RELEASE-RQ from the peer while the echo is outstanding", 70,
                "E: Echo Failed: peer requested release while the echo (MsgID 1) was outstanding", PROMPT,
                afterEcho((c, m) -> {
                    c.send(new AReleaseRq());
                    assertThat(c.read()).isEqualTo(new AReleaseRp());
                })));
        t.add(row("release collision", 0, "I: Releasing Association", PROMPT, echoThen((c, m) -> {
            c.send(new AReleaseRq());
            assertThat(c.read()).isEqualTo(new AReleaseRp());
            c.send(new AReleaseRp());
        }), "-v"));
        t.add(row("A-ABORT instead of A-RELEASE-RP", 1,
                "F: Association Release Failed: peer aborted the association", PROMPT,
                echoThen((c, m) -> c.send(new AAbort(2, 0)))));
        t.add(row("no A-RELEASE-RP", 1, "F: Association Release Failed: no answer within the ACSE timeout (2 s)",
                timeoutPlusOneSecond(2), echoThen((c, m) -> c.holdOpen()), "-ta", "2"));
        t.add(row("connection lost instead of A-RELEASE-RP", 1,
                "F: Association Release Failed: connection closed by peer", PROMPT, echoThen((c, m) -> c.close())));
        // -- bad C-ECHO-RSPs
        t.add(row("C-ECHO-RSP to another message ID", 70,
                "E: Echo Failed: protocol error: C-ECHO-RSP answers message ID 2, the request had 1", PROMPT,
                answerWith(FakePeer.Conn.echoRsp(2, 0))));
        t.add(row("C-ECHO-RSP on another presentation context", 70,
                "E: Echo Failed: protocol error: C-ECHO-RSP on presentation context 3, the request went on 1", PROMPT,
                afterEcho((c, m) -> c.sendCommand(3, FakePeer.Conn.echoRsp(id(m), 0))), "-ppc", "2"));
        t.add(row("C-ECHO-RSP without command field", 70,
                "E: Echo Failed: protocol error: invalid C-ECHO-RSP: command lacks element (0000,0100)", PROMPT,
                answerWith(new CommandSet().putUi(Tag.AFFECTED_SOP_CLASS_UID, Uids.VERIFICATION_SOP_CLASS)
                        .putUs(Tag.MESSAGE_ID_BEING_RESPONDED_TO, 1).putUs(Tag.COMMAND_DATA_SET_TYPE, 0x0101)
                        .putUs(Tag.STATUS, 0))));
        t.add(row("C-STORE-RSP instead of C-ECHO-RSP", 70,
                "E: Echo Failed: protocol error: expected C-ECHO-RSP, received C-STORE-RSP", PROMPT,
                answerWith(FakePeer.Conn.echoRsp(1, 0).putUs(Tag.COMMAND_FIELD, 0x8001))));
        t.add(row("C-ECHO-RSP without status", 70,
                "E: Echo Failed: protocol error: invalid C-ECHO-RSP: command lacks element (0000,0900)", PROMPT,
                answerWith(new CommandSet().putUs(Tag.COMMAND_FIELD, CommandField.C_ECHO_RSP)
                        .putUs(Tag.MESSAGE_ID_BEING_RESPONDED_TO, 1).putUs(Tag.COMMAND_DATA_SET_TYPE, 0x0101))));
        t.add(row("C-ECHO-RSP with failure status 0x0122", 70,
                "E: Echo Failed: peer answered with status 0x0122 (Failure: Refused: SOP Class not supported)", PROMPT,
                echoStatusThenRelease(0x0122)));
        t.add(row("C-ECHO-RSP with warning status 0x0001", 70,
                "E: Echo Failed: peer answered with status 0x0001 (Warning: Requested optional Attributes are not supported)",
                PROMPT, echoStatusThenRelease(0x0001)));
        t.add(row("C-ECHO-RSP with a data set attached", 70,
                "E: Echo Failed: protocol error: C-ECHO-RSP carries a data set, which C-ECHO never has", PROMPT,
                afterEcho((c, m) -> {
                    c.sendCommand(m.contextId(), FakePeer.Conn.echoRsp(id(m), 0).putUs(Tag.COMMAND_DATA_SET_TYPE, 0));
                    c.send(new PDataTf(List.of(new Pdv(m.contextId(), 0x02, new byte[] {8, 0, 0x16, 0, 0, 0, 0, 0}))));
                })));
        t.add(row("C-ECHO-RSP in one-byte PDVs, one PDV per PDU", 0, "I: Received Echo Response (Success)", ONE_BYTE_PDUS,
                afterEcho((c, m) -> {
                    byte[] rsp = FakePeer.Conn.echoRsp(id(m), 0).encode();
                    for (int i = 0; i < rsp.length; i++) {
                        c.send(new PDataTf(List.of(new Pdv(m.contextId(), i == rsp.length - 1 ? 3 : 1,
                                new byte[] {rsp[i]}))));
                    }
                    c.read();
                    c.send(new AReleaseRp());
                }), "-v"));
        t.add(row("C-ECHO-RSP never sent", 70, "E: Echo Failed: no answer within the DIMSE timeout (2 s)",
                timeoutPlusOneSecond(2), afterEcho((c, m) -> c.holdOpen()), "-td", "2"));
        t.add(row("C-ECHO-RSP never sent (socket timeout)", 70, "E: Echo Failed: no answer within the socket timeout (2 s)",
                timeoutPlusOneSecond(2), afterEcho((c, m) -> c.holdOpen()), "-ts", "2"));
        t.add(row("C-ECHO-RSP never sent (every timer 2 s)", 70,
                "E: Echo Failed: no answer within the DIMSE timeout (2 s)", timeoutPlusOneSecond(2),
                afterEcho((c, m) -> c.holdOpen()), "-ta", "2", "-td", "2", "-ts", "2"));
        t.add(row("C-ECHO-RSP to another message ID, then the connection held open", 70,
                "E: Echo Failed: protocol error: C-ECHO-RSP answers message ID 2", timeoutPlusOneSecond(2),
                afterEcho((c, m) -> {
                    c.sendCommand(m.contextId(), FakePeer.Conn.echoRsp(2, 0));
                    c.holdOpen();
                }), "-td", "2"));
        t.add(row("P-DATA-TF larger than our maximum PDU", 70, "P-DATA-TF length 20006 exceeds the limit of 16384 bytes",
                PROMPT, afterEcho((c, m) -> c.send(new PDataTf(List.of(new Pdv(m.contextId(), 0x03, new byte[20000])))))));
        t.add(row("PDV item of length 1", 70, "PDV item length 1 does not fit the P-DATA-TF", PROMPT,
                afterEcho((c, m) -> c.sendRaw(concat(header(0x04, 5), new byte[] {0, 0, 0, 1, 1})))));
        t.add(row("A-ASSOCIATE-AC again while the echo is outstanding", 70,
                "E: Echo Failed: unexpected A-ASSOCIATE-AC PDU in state Sta6", PROMPT,
                afterEcho((c, m) -> c.send(FakePeer.Conn.acceptAll(new org.echoscu.acse.AssociationProposal(
                        "ECHOSCU", "ANY-SCP", 16384, 1, 1).toPdu(), 16384)))));
        t.add(row("command that is not a command set", 70,
                "E: Echo Failed: protocol error: element (0008,0016) outside the command group 0000", PROMPT,
                afterEcho((c, m) -> c.send(new PDataTf(List.of(new Pdv(m.contextId(), 0x03,
                        new byte[] {8, 0, 0x16, 0, 2, 0, 0, 0, '1', 0})))))));
        return t.stream();
    }

    private static FakePeer.Script echoStatusThenRelease(int status) {
        return afterEcho((c, m) -> {
            c.sendCommand(m.contextId(), FakePeer.Conn.echoRsp(id(m), status));
            if (c.read() instanceof AReleaseRq) {
                c.send(new AReleaseRp());
            }
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void echoscuEndsAsTheTableSays(Case row) throws Exception {
        try (FakePeer peer = FakePeer.start(row.peer())) {
            List<String> args = new ArrayList<>(row.options());
            args.add("127.0.0.1");
            args.add(String.valueOf(peer.port));
            Run r = Commands.echoscu(args.toArray(new String[0]));
            assertThat(r.exitCode()).as(r.toString()).isEqualTo(row.exit());
            assertThat(r.stderr()).as(r.toString()).contains(row.message());
            assertThat(r.stderr()).as("no stack trace").doesNotContain("\tat ").doesNotContain("Exception");
            assertThat(r.millis()).as(r.toString()).isLessThan(row.maxMillis());
            peer.assertScriptsPassed();
        }
    }
}
