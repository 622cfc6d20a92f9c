package org.echoscu.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;

import org.echoscu.Reference;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Our echoscu against DCMTK's storescp, side by side with DCMTK's own echoscu on the same peer. */
class EchoscuVsStorescpIT {

    private static Server storescp;

    @BeforeAll
    static void start() {
        storescp = Server.storescp();
    }

    @AfterAll
    static void stop() throws InterruptedException {
        storescp.close();
    }

    private static String port() {
        return String.valueOf(storescp.port);
    }

    @Test
    void verboseRunPrintsExactlyWhatDcmtkPrints() {
        Run ours = Commands.echoscu("-v", "--repeat", "3", "127.0.0.1", port());
        Run theirs = Commands.dcmtk("echoscu", "-v", "--repeat", "3", "127.0.0.1", port());
        assertThat(theirs.exitCode()).isZero();
        assertThat(ours.exitCode()).as(ours.toString()).isZero();
        assertThat(ours.stderrLines()).isEqualTo(theirs.stderrLines());
        assertThat(ours.stderrLines()).containsExactly(
                "I: Requesting Association",
                "I: Association Accepted (Max Send PDV: 16372)",
                "I: Sending Echo Request (MsgID 1)",
                "I: Received Echo Response (Success)",
                "I: Sending Echo Request (MsgID 2)",
                "I: Received Echo Response (Success)",
                "I: Sending Echo Request (MsgID 3)",
                "I: Received Echo Response (Success)",
                "I: Releasing Association");
    }

    @Test
    void quietSuccessPrintsNothing() {
        Run ours = Commands.echoscu("127.0.0.1", port());
        assertThat(ours.exitCode()).isZero();
        assertThat(ours.stdout() + ours.stderr()).isEmpty();
    }

    /**
     * Every -pts value DCMTK 3.6.7's storescp answers, with a growing number of contexts, up to
     * the largest request it takes (128 x 50): it keeps at most 50 syntaxes per context (3.6.9
     * and 3.7.0 take 128, see Dcmtk370IT for -pts 53).
     */
    @ParameterizedTest
    @MethodSource("everyPts")
    void everyTransferSyntaxCountIsAccepted(int pts) {
        int ppc = Math.min(128, pts * 4 - 3);
        Run ours = Commands.echoscu("-v", "-pts", String.valueOf(pts), "-ppc", String.valueOf(ppc), "127.0.0.1", port());
        assertThat(ours.exitCode()).as(ours.toString()).isZero();
        assertThat(ours.stderrLines()).contains("I: Received Echo Response (Success)");
    }

    static IntStream everyPts() {
        return IntStream.rangeClosed(1, 50);
    }

    /**
     * -pts 51 to 53: DCMTK 3.6.7's storescp drops the request without an answer (as it does
     * DCMTK 3.7.0's echoscu's); we end at the ACSE timeout and say why.
     */
    @ParameterizedTest
    @ValueSource(ints = {51, 53})
    void moreThan50SyntaxesAreNotAnsweredByDcmtk367(int pts) {
        Run ours = Commands.echoscu("-v", "-ta", "2", "-pts", String.valueOf(pts), "127.0.0.1", port());
        assertThat(ours.exitCode()).as(ours.toString()).isEqualTo(1);
        assertThat(ours.stderrLines()).containsExactly("I: Requesting Association",
                "F: Association Request Failed: no answer within the ACSE timeout (2 s) (DCMTK 3.6.8 and older never"
                        + " answer a context of more than 50 transfer syntaxes: try -pts 50)");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 64, 127, 128})
    void everyContextCountIsAccepted(int ppc) {
        Run ours = Commands.echoscu("-v", "-pts", "50", "-ppc", String.valueOf(ppc), "127.0.0.1", port());
        assertThat(ours.exitCode()).as(ours.toString()).isZero();
    }

    @Test
    void debugShowsTheNegotiatedParametersInDcmtkLayout() {
        Run ours = Commands.echoscu("-d", "127.0.0.1", port());
        assertThat(ours.exitCode()).as(ours.toString()).isZero();
        assertThat(ours.stderrLines()).contains(
                "D: ====================== BEGIN A-ASSOCIATE-AC =====================",
                "D: Their Implementation Class UID:    1.2.276.0.7230010.3.0.3.6.7",
                "D: Their Max PDU Receive Size:  16384",
                "D:   Context ID:        1 (Accepted)",
                "D:     Accepted Transfer Syntax: =LittleEndianImplicit");
    }

    @Test
    void abortEndsLikeDcmtk() throws Exception {
        Run ours = Commands.echoscu("-v", "--abort", "127.0.0.1", port());
        Run theirs = Commands.dcmtk("echoscu", "-v", "--abort", "127.0.0.1", port());
        assertThat(ours.exitCode()).isZero();
        assertThat(ours.stderrLines()).isEqualTo(theirs.stderrLines());
        List<String> reference = Reference.lines("dcmtk-3.6.7/pts-ppc-abort.txt");
        assertThat(ours.stderrLines()).isEqualTo(reference.subList(0, reference.size() - 1));
    }

    @Test
    void smallMaxPduIsAnnounced() {
        Run ours = Commands.echoscu("-d", "-pdu", "4096", "127.0.0.1", port());
        assertThat(ours.exitCode()).isZero();
        assertThat(ours.stderrLines()).contains("D: Our Max PDU Receive Size:    4096");
    }

    @Test
    void argumentsAreLoggedAfterCommandFileExpansion() throws Exception {
        Path file = Files.createTempFile("args", ".txt");
        Files.writeString(file, "--verbose\n  \"127.0.0.1\"\n");
        Run ours = Commands.echoscu("--arguments", "@" + file, port());
        assertThat(ours.exitCode()).as(ours.toString()).isZero();
        assertThat(ours.stderrLines().get(0))
                .isEqualTo("I: calling 'echoscu' with 4 arguments: '--arguments' '--verbose' '127.0.0.1' '"
                        + port() + "' ");
        assertThat(ours.stderrLines()).contains("I: Received Echo Response (Success)");
    }

    @Test
    void rejectionPrintsDcmtksLines() throws Exception {
        try (Server refusing = Server.storescp("--refuse")) {
            String p = String.valueOf(refusing.port);
            Run ours = Commands.echoscu("-v", "127.0.0.1", p);
            Run theirs = Commands.dcmtk("echoscu", "-v", "127.0.0.1", p);
            assertThat(theirs.exitCode()).isEqualTo(1);
            assertThat(ours.exitCode()).isEqualTo(1);
            assertThat(ours.stderrLines()).isEqualTo(theirs.stderrLines());
            List<String> reference = Reference.lines("dcmtk-3.6.7/assoc-rejected.txt");
            assertThat(ours.stderrLines()).isEqualTo(reference.subList(0, reference.size() - 1));
        }
    }

    @Test
    void refusedConnectionFailsWithExitCodeOne() {
        int closed = Ports.free();
        Run ours = Commands.echoscu("127.0.0.1", String.valueOf(closed));
        assertThat(ours.exitCode()).isEqualTo(1);
        assertThat(ours.stderrLines()).hasSize(1);
        assertThat(ours.stderrLines().get(0)).startsWith("F: Association Request Failed: ").contains("refused");
    }
}
