package org.echoscu.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.echoscu.it.FakePeer.afterEcho;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.echoscu.acse.Uids;
import org.echoscu.dimse.CommandSet;
import org.echoscu.dimse.Message;
import org.echoscu.dimse.Tag;
import org.echoscu.pdu.AAbort;
import org.echoscu.pdu.AAssociateRj;
import org.echoscu.pdu.AAssociateRq;
import org.echoscu.pdu.AReleaseRp;
import org.echoscu.pdu.AReleaseRq;
import org.echoscu.pdu.PDataTf;
import org.echoscu.pdu.Pdu;
import org.echoscu.pdu.Pdv;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * README's "How it differs from DCMTK's echoscu", row by row: DCMTK 3.6.7's echoscu (Debian's),
 * DCMTK 3.7.0's when {@code DCMTK370_BIN} names its folder (CI sets it), and ours, each against
 * the same scripted fake peer, with both columns asserted, so that the table cannot claim what
 * DCMTK does not do. The one row a fake peer cannot show (the delayed-ACK stall, a matter of
 * timing) says so in the README.
 */
class DcmtkDifferencesIT {

    @TempDir
    Path dir;

    /** The echoscus of the table's two columns: DCMTK's (3.6.7, and 3.7.0 when named) and ours. */
    private static Map<String, String> dcmtks() {
        Map<String, String> tools = new LinkedHashMap<>();
        tools.put("DCMTK 3.6.7", Commands.dcmtkBinary("echoscu"));
        String named = System.getenv("DCMTK370_BIN");
        if (named != null && !named.isBlank()) {
            tools.put("DCMTK 3.7.0", Commands.ROOT.resolve(named).resolve("echoscu").normalize().toString());
        }
        return tools;
    }

    private static Run run(String binary, List<String> args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(binary);
        cmd.addAll(args);
        return Commands.run(cmd, Duration.ofSeconds(60));
    }

    private static Run ours(List<String> args) {
        return run(Commands.ROOT.resolve("bin/echoscu").toString(), args);
    }

    /** Each of DCMTK's echoscus with {@code args}, then {@code port} appended when not null. */
    private static Map<String, Run> dcmtk(List<String> args) {
        Map<String, Run> runs = new LinkedHashMap<>();
        for (Map.Entry<String, String> t : dcmtks().entrySet()) {
            Run r = run(t.getValue(), args);
            runs.put(t.getKey(), r);
        }
        return runs;
    }

    private static List<String> withPeer(FakePeer peer, String... options) {
        List<String> args = new ArrayList<>(List.of(options));
        args.add("127.0.0.1");
        args.add(String.valueOf(peer.port));
        return args;
    }

    private static int id(Message m) throws Exception {
        return m.command().us(Tag.MESSAGE_ID);
    }

    /** Answers the echo with {@code rsp}, then answers a release request if one comes. */
    private static FakePeer.Script answer(RspOf rsp) {
        return afterEcho((c, m) -> {
            c.sendCommand(m.contextId(), rsp.of(m));
            releaseIfAsked(c);
        });
    }

    private interface RspOf {
        CommandSet of(Message rq) throws Exception;
    }

    /** The PDU each client sent after the fake peer's answer, in order of the runs (null: it closed). */
    private static final List<String> AFTER = new java.util.concurrent.CopyOnWriteArrayList<>();

    /**
     * Reads what the client sends after our answer (recorded in {@link #AFTER}): answers an
     * A-RELEASE-RQ, and closes after an A-ABORT as PS3.8 asks (DCMTK would otherwise wait its
     * ARTIM timer for the close).
     */
    private static void releaseIfAsked(FakePeer.Conn c) throws Exception {
        try {
            Pdu next = c.read();
            AFTER.add(next.getClass().getSimpleName());
            if (next instanceof AReleaseRq) {
                c.send(new AReleaseRp());
            } else if (next instanceof AAbort) {
                c.close();
            }
        } catch (Exception e) {
            AFTER.add("closed");
        }
    }

    // ---- the rows ----------------------------------------------------------------------

    @Test
    void abortOrDropWhileTheEchoIsOutstanding() throws Exception {
        Map<String, FakePeer.Script> cases = new LinkedHashMap<>();
        cases.put("E: Echo Failed: peer aborted the association", afterEcho((c, m) -> c.send(new AAbort(0, 0))));
        cases.put("E: Echo Failed: connection closed by peer", afterEcho((c, m) -> c.close()));
        for (Map.Entry<String, FakePeer.Script> e : cases.entrySet()) {
            try (FakePeer peer = FakePeer.start(e.getValue())) {
                dcmtk(withPeer(peer)).forEach((v, r) -> {
                    assertThat(r.exitCode()).as(v + " " + r).isEqualTo(0);
                    assertThat(r.stderrLines()).as(v).containsExactly(
                            "E: Echo Failed: 0006:0317 Peer aborted Association (or never connected)");
                });
                Run r = ours(withPeer(peer));
                assertThat(r.exitCode()).as(r.toString()).isEqualTo(70);
                assertThat(r.stderrLines()).as(r.toString()).anyMatch(l -> l.startsWith(e.getKey()));
            }
        }
    }

    @Test
    void statusOtherThanSuccess() throws Exception {
        try (FakePeer peer = FakePeer.start(answer(m -> FakePeer.Conn.echoRsp(id(m), 0x0110)))) {
            dcmtk(withPeer(peer, "-v")).forEach((v, r) -> {
                assertThat(r.exitCode()).as(v + " " + r).isEqualTo(0);
                assertThat(r.stderrLines()).as(v).contains("I: Received Echo Response (Unknown Status: 0x110)")
                        .noneMatch(l -> l.startsWith("E: ") || l.startsWith("F: "));
            });
            Run r = ours(withPeer(peer, "-v"));
            assertThat(r.exitCode()).as(r.toString()).isEqualTo(70);
            assertThat(r.stderrLines()).contains("I: Received Echo Response (Unknown Status: 0x0110, Failure: Processing failure)")
                    .anyMatch(l -> l.startsWith("E: Echo Failed: peer answered with status 0x0110"));
        }
    }

    @Test
    void releaseRequestedWhileTheEchoIsOutstanding() throws Exception {
        try (FakePeer peer = FakePeer.start(afterEcho((c, m) -> {
            c.send(new AReleaseRq());
            releaseIfAsked(c);
        }))) {
            AFTER.clear();
            dcmtk(withPeer(peer)).forEach((v, r) -> {
                assertThat(r.exitCode()).as(v + " " + r).isEqualTo(70);
                assertThat(r.stderrLines()).as(v).containsExactly("E: Echo Failed: 0006:0319 DUL Peer Requested Release",
                        "F: Protocol Error: Peer requested release (Aborting)");
            });
            assertThat(AFTER).as("DCMTK aborts instead of answering the release").containsOnly("AAbort");
            AFTER.clear();
            Run r = ours(withPeer(peer));
            assertThat(r.exitCode()).as(r.toString()).isEqualTo(70);
            assertThat(r.stderrLines()).contains(
                    "E: Echo Failed: peer requested release while the echo (MsgID 1) was outstanding");
            assertThat(AFTER).as("we answer the release").containsExactly("AReleaseRp");
        }
    }

    private record Wrong(FakePeer.Script script, int dcmtkExit, String dcmtkLine) {
    }

    @Test
    void responsesToSomethingElse() throws Exception {
        Map<String, Wrong> cases = new LinkedHashMap<>();
        cases.put("another message ID", new Wrong(answer(m -> FakePeer.Conn.echoRsp(id(m) + 1, 0)), 70,
                "E: Echo Failed: 0006:0211 DIMSE: Unexpected Response MsgId: 2 (expected: 1)"));
        cases.put("another presentation context", new Wrong(afterEcho((c, m) -> {
            c.sendCommand(3, FakePeer.Conn.echoRsp(id(m), 0));
            releaseIfAsked(c);
        }), 0, null));
        cases.put("a data set attached", new Wrong(afterEcho((c, m) -> {
            c.sendCommand(m.contextId(), FakePeer.Conn.echoRsp(id(m), 0).putUs(Tag.COMMAND_DATA_SET_TYPE, 0));
            c.send(new PDataTf(List.of(new Pdv(m.contextId(), 0x02, new byte[] {8, 0, 0x16, 0, 0, 0, 0, 0}))));
            releaseIfAsked(c);
        }), 70, "E: Echo Failed: 0006:0203 DIMSE Badly formed message"));
        cases.put("another command", new Wrong(answer(m -> FakePeer.Conn.echoRsp(id(m), 0)
                .putUs(Tag.COMMAND_FIELD, 0x8001)), 70,
                "E: Echo Failed: 0006:0211 DIMSE: Unexpected Response Command Field: 0x8001"));
        for (Map.Entry<String, Wrong> e : cases.entrySet()) {
            Wrong w = e.getValue();
            try (FakePeer peer = FakePeer.start(w.script())) {
                dcmtk(withPeer(peer, "-ppc", "2")).forEach((v, r) -> {
                    assertThat(r.exitCode()).as(v + " " + e.getKey() + " " + r).isEqualTo(w.dcmtkExit());
                    if (w.dcmtkLine() == null) {
                        assertThat(r.stderr()).as(v + " accepts it silently").isEmpty();
                    } else {
                        assertThat(r.stderrLines()).as(v + " " + e.getKey()).contains(w.dcmtkLine());
                    }
                });
                AFTER.clear();
                Run r = ours(withPeer(peer, "-ppc", "2"));
                assertThat(r.exitCode()).as(e.getKey() + " " + r).isEqualTo(70);
                assertThat(r.stderrLines()).as(e.getKey()).anyMatch(l -> l.startsWith("E: Echo Failed: protocol error: "));
                assertThat(AFTER).as(e.getKey() + ": we abort").containsExactly("AAbort");
            }
        }
    }

    @Test
    void commandSplitIntoOneBytePdus() throws Exception {
        try (FakePeer peer = FakePeer.start(afterEcho((c, m) -> {
            byte[] rsp = FakePeer.Conn.echoRsp(id(m), 0).encode();
            for (int i = 0; i < rsp.length; i++) {
                c.send(new PDataTf(List.of(new Pdv(m.contextId(), i == rsp.length - 1 ? 3 : 1, new byte[] {rsp[i]}))));
            }
            releaseIfAsked(c);
        }))) {
            dcmtk(withPeer(peer, "-v")).forEach((v, r) -> {
                assertThat(r.exitCode()).as(v + " " + r).isEqualTo(70);
                assertThat(r.stderrLines()).as(v)
                        .contains("E: Echo Failed: 0006:020b DIMSE_parseCmdObject: Missing CommandField");
            });
            Run r = ours(withPeer(peer, "-v"));
            assertThat(r.exitCode()).as(r.toString()).isZero();
            assertThat(r.stderrLines()).contains("I: Received Echo Response (Success)");
        }
    }

    @Test
    void aeTitlesTooLongOrEmpty() throws Exception {
        List<String> called = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (FakePeer peer = FakePeer.start(c -> {
            AAssociateRq rq = c.readRq();
            called.add(rq.calledAeTitle());
            c.send(FakePeer.Conn.acceptAll(rq, 16384));
            Message m = c.readMessage();
            c.sendCommand(m.contextId(), FakePeer.Conn.echoRsp(id(m), 0));
            releaseIfAsked(c);
            c.awaitClose();
        })) {
            Map<String, Run> truncated = dcmtk(withPeer(peer, "-aec", "ABCDEFGHIJKLMNOPQ"));
            truncated.forEach((v, r) -> {
                assertThat(r.exitCode()).as(v + " " + r).isZero();
                assertThat(r.stderr()).as(v + ": silently").isEmpty();
            });
            assertThat(called).as("the called AE title DCMTK sent").hasSize(truncated.size())
                    .containsOnly("ABCDEFGHIJKLMNOP");
            Run r = ours(withPeer(peer, "-aec", "ABCDEFGHIJKLMNOPQ"));
            assertThat(r.exitCode()).isEqualTo(1);
            assertThat(r.stderrLines()).anyMatch(l -> l.startsWith("error: Invalid value for option --call ("));
            dcmtk(withPeer(peer, "-aec", "")).forEach((v, d) -> {
                assertThat(d.exitCode()).as(v + " " + d).isEqualTo(1);
                assertThat(d.stderrLines()).as(v).containsExactly("E: Illegal service parameter: Called AP Title",
                        "F: Association Request Failed: 0006:030c Illegal service parameter: Called AP Title");
            });
            Run empty = ours(withPeer(peer, "-aec", ""));
            assertThat(empty.exitCode()).isEqualTo(1);
            assertThat(empty.stderrLines()).anyMatch(l -> l.startsWith("error: Invalid value for option --call ("));
        }
    }

    @Test
    void nestedCommandFiles() throws Exception {
        Path inner = dir.resolve("inner.txt");
        Files.writeString(inner, "-v");
        Path outer = dir.resolve("outer.txt");
        Files.writeString(outer, "@" + inner);
        dcmtk(List.of("@" + outer, "127.0.0.1", String.valueOf(Ports.free()))).forEach((v, r) -> {
            // the nested @file is taken as one more parameter
            assertThat(r.exitCode()).as(v + " " + r).isEqualTo(1);
            assertThat(r.stderrLines()).as(v).contains("error: Too many parameters");
        });
        Run r = ours(List.of("@" + outer, "127.0.0.1", String.valueOf(Ports.free())));
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.stderrLines()).anyMatch(l -> l.startsWith("error: Command file '" + outer + "' names another"));
    }

    @Test
    void associationRejected() throws Exception {
        try (FakePeer peer = FakePeer.start(c -> {
            c.readRq();
            c.send(new AAssociateRj(1, 1, 3));
            c.awaitClose();
        })) {
            List<String> lines = List.of("F: Association Rejected:", "F: Result: Rejected Permanent, Source: Service User",
                    "F: Reason: Calling AE Title Not Recognized");
            dcmtk(withPeer(peer)).forEach((v, r) -> {
                assertThat(r.exitCode()).as(v + " " + r).isEqualTo(1);
                assertThat(r.stderrLines()).as(v).containsExactlyElementsOf(lines);
            });
            Run r = ours(withPeer(peer));
            assertThat(r.exitCode()).isEqualTo(1);
            assertThat(r.stderrLines()).as(r.toString()).startsWith(lines.toArray(new String[0]))
                    .anyMatch(l -> l.startsWith("F: Hint: "));
        }
    }

    @Test
    void connectionRefused() {
        String port = String.valueOf(Ports.free());
        dcmtk(List.of("127.0.0.1", port)).forEach((v, r) -> {
            assertThat(r.exitCode()).as(v + " " + r).isEqualTo(1);
            assertThat(r.stderrLines()).as(v).containsExactly("F: Association Request Failed: 0006:031c TCP Initialization Error: Connection refused");
        });
        Run r = ours(List.of("127.0.0.1", port));
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.stderrLines()).containsExactly("F: Association Request Failed: TCP connection to 127.0.0.1 port "
                + port + " refused: Connection refused (is the peer running and listening on this port?)");
    }
}
