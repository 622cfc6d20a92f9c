package org.echoscu.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;

import org.echoscu.acse.AssociationProposal;
import org.echoscu.pdu.PduEncoder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** DCMTK's echoscu against our echoscp, and our echoscu against it too. */
class DcmtkVsEchoscpIT {

    private static Server echoscp;

    @BeforeAll
    static void start() {
        echoscp = Server.echoscp("-v");
    }

    @AfterAll
    static void stop() throws InterruptedException {
        echoscp.close();
    }

    private static String port() {
        return String.valueOf(echoscp.port);
    }

    @Test
    void dcmtkEchoSucceeds() {
        Run theirs = Commands.dcmtk("echoscu", "-v", "--repeat", "3", "127.0.0.1", port());
        assertThat(theirs.exitCode()).as(theirs.toString()).isZero();
        assertThat(theirs.stderrLines()).containsExactly(
                "I: Requesting Association",
                "I: Association Accepted (Max Send PDV: 16372)",
                "I: Sending Echo Request (MsgID 1)",
                "I: Received Echo Response (Success)",
                "I: Sending Echo Request (MsgID 2)",
                "I: Received Echo Response (Success)",
                "I: Sending Echo Request (MsgID 3)",
                "I: Received Echo Response (Success)",
                "I: Releasing Association");
        assertThat(echoscp.log()).contains("I: Received Echo Request (MsgID 3)");
    }

    @Test
    void dcmtkWithLargestProposalAndAbort() {
        Run theirs = Commands.dcmtk("echoscu", "-v", "-pts", "38", "-ppc", "128", "--repeat", "5", "--abort",
                "127.0.0.1", port());
        assertThat(theirs.exitCode()).as(theirs.toString()).isZero();
        assertThat(theirs.stderrLines()).endsWith("I: Aborting Association");
    }

    @Test
    void oursAgainstOurs() {
        Run ours = Commands.echoscu("-v", "-pts", "53", "-ppc", "128", "--repeat", "100", "-pdu", "4096",
                "127.0.0.1", port());
        assertThat(ours.exitCode()).as(ours.toString()).isZero();
        assertThat(ours.stderrLines()).contains("I: Sending Echo Request (MsgID 100)").endsWith("I: Releasing Association");
        Run aborting = Commands.echoscu("--abort", "127.0.0.1", port());
        assertThat(aborting.exitCode()).isZero();
    }

    @Test
    void unknownCallingAeTitleIsRejected() throws Exception {
        try (Server picky = Server.echoscp("+ac", "KNOWN")) {
            Run theirs = Commands.dcmtk("echoscu", "-aet", "STRANGER", "127.0.0.1", String.valueOf(picky.port));
            assertThat(theirs.exitCode()).isEqualTo(1);
            assertThat(theirs.stderrLines()).containsExactly(
                    "F: Association Rejected:",
                    "F: Result: Rejected Permanent, Source: Service User",
                    "F: Reason: Calling AE Title Not Recognized");
            Run known = Commands.dcmtk("echoscu", "-aet", "KNOWN", "127.0.0.1", String.valueOf(picky.port));
            assertThat(known.exitCode()).isZero();
            Run ours = Commands.echoscu("-aet", "STRANGER", "127.0.0.1", String.valueOf(picky.port));
            assertThat(ours.exitCode()).isEqualTo(1);
            assertThat(ours.stderrLines()).startsWith("F: Association Rejected:",
                    "F: Result: Rejected Permanent, Source: Service User",
                    "F: Reason: Calling AE Title Not Recognized");
            assertThat(ours.stderrLines().get(3)).startsWith("F: Hint: ").contains("-aet");
        }
    }

    @Test
    void wrongCalledAeTitleIsRejected() throws Exception {
        try (Server picky = Server.echoscp("+ch", "-aet", "MYSCP")) {
            Run theirs = Commands.dcmtk("echoscu", "-aec", "OTHER", "127.0.0.1", String.valueOf(picky.port));
            assertThat(theirs.exitCode()).isEqualTo(1);
            assertThat(theirs.stderrLines()).contains("F: Reason: Called AE Title Not Recognized");
            Run right = Commands.dcmtk("echoscu", "-aec", "MYSCP", "127.0.0.1", String.valueOf(picky.port));
            assertThat(right.exitCode()).isZero();
        }
    }

    @Test
    void unacceptableTransferSyntaxMeansNoContext() throws Exception {
        try (Server explicitOnly = Server.echoscp("+xs", "1.2.840.10008.1.2.1")) {
            String p = String.valueOf(explicitOnly.port);
            Run theirs = Commands.dcmtk("echoscu", "127.0.0.1", p);
            Run ours = Commands.echoscu("127.0.0.1", p);
            assertThat(theirs.exitCode()).isEqualTo(1);
            assertThat(theirs.stderrLines()).containsExactly("F: No Acceptable Presentation Contexts");
            assertThat(ours.exitCode()).isEqualTo(1);
            assertThat(ours.stderrLines()).containsExactly("F: No Acceptable Presentation Contexts");
            Run two = Commands.echoscu("-pts", "2", "127.0.0.1", p);
            assertThat(two.exitCode()).as(two.toString()).isZero();
        }
    }

    @Test
    void associationLimitRejectsTransiently() throws Exception {
        try (Server one = Server.echoscp("-ma", "1");
             Socket holder = new Socket("127.0.0.1", one.port)) {
            OutputStream out = holder.getOutputStream();
            out.write(PduEncoder.encode(new AssociationProposal("HOLDER", "ANY-SCP", 16384, 1, 1).toPdu()));
            out.flush();
            assertThat(holder.getInputStream().read()).as("A-ASSOCIATE-AC for the first").isEqualTo(2);
            Run theirs = Commands.dcmtk("echoscu", "127.0.0.1", String.valueOf(one.port));
            assertThat(theirs.exitCode()).isEqualTo(1);
            assertThat(theirs.stderrLines()).containsExactly(
                    "F: Association Rejected:",
                    "F: Result: Rejected Transient, Source: Service Provider (Presentation Related)",
                    "F: Reason: Local Limit Exceeded");
        }
    }

    @Test
    void storescusStorageContextIsRejectedAsAbstractSyntaxNotSupported() throws Exception {
        Path dir = Files.createTempDirectory("ct");
        Files.writeString(dir.resolve("ct.dump"),
                "(0008,0016) UI =CTImageStorage\n(0008,0018) UI [1.2.3.4.5.6.7.8]\n(0010,0010) PN [Test^Patient]\n");
        Run made = Commands.dcmtk("dump2dcm", "--write-xfer-little", dir.resolve("ct.dump").toString(),
                dir.resolve("ct.dcm").toString());
        assertThat(made.exitCode()).as(made.toString()).isZero();
        Run theirs = Commands.dcmtk("storescu", "-d", "127.0.0.1", port(), dir.resolve("ct.dcm").toString());
        assertThat(theirs.exitCode()).isEqualTo(1);
        assertThat(theirs.stderrLines()).contains("F: No Acceptable Presentation Contexts");
        assertThat(theirs.stderr()).contains("(Abstract Syntax Not Supported)");
        assertThat(echoscp.alive()).isTrue();
    }
}
