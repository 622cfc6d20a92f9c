package org.echoscu.dul;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.echoscu.CapturingLogger;
import org.echoscu.Reference;
import org.echoscu.pdu.AReleaseRq;
import org.echoscu.pdu.Pdu;
import org.echoscu.pdu.PduDecoder;
import org.junit.jupiter.api.Test;
import org.slf4j.event.Level;

/** The debug and trace lines of each PDU: DCMTK's hex layout, of the bytes that really came. */
class PduLoggerTest {

    /** DCMTK 3.6.7's -d lines of the A-ASSOCIATE-AC it received, without their "D: " prefix. */
    private static List<String> dcmtkAcHexLines() {
        List<String> lines = Reference.lines("dcmtk-3.6.7/success-debug.txt");
        int start = lines.indexOf("D: PDU Type: Associate Accept, PDU Length: 184 + 6 bytes PDU header") + 1;
        List<String> hex = new ArrayList<>();
        for (int i = start; lines.get(i).startsWith("D:   "); i++) {
            hex.add(lines.get(i).substring(3));
        }
        return hex;
    }

    private static byte[] bytesOf(List<String> hexLines) {
        return HexFormat.of().parseHex(String.join("", hexLines).replace(" ", ""));
    }

    @Test
    void traceShowsTheReceivedBytesInDcmtksLayout() throws Exception {
        List<String> dcmtk = dcmtkAcHexLines();
        byte[] wire = bytesOf(dcmtk);
        assertThat(wire).hasSize(190);
        Pdu ac = PduDecoder.decode(wire[0] & 0xFF, java.util.Arrays.copyOfRange(wire, 6, wire.length));
        CapturingLogger log = new CapturingLogger(Level.TRACE);

        new PduLogger(log).received(ac, wire);

        List<String> expected = new ArrayList<>(List.of("D: Received A-ASSOCIATE-AC"));
        expected.addAll(dcmtk);
        assertThat(log.messages()).containsExactly(String.join("\n", expected));
    }

    @Test
    void theBytesShownAreThoseReceivedEvenWhereEncodingAgainDiffers() {
        byte[] wire = HexFormat.of().parseHex("05ff000000 04ffffffff".replace(" ", ""));
        CapturingLogger log = new CapturingLogger(Level.TRACE);

        new PduLogger(log).received(new AReleaseRq(), wire);

        assertThat(log.messages()).containsExactly("D: Received A-RELEASE-RQ\n  05  ff  00  00  00  04  ff  ff  ff  ff");
    }

    @Test
    void debugShowsTheNameOnlyAndAsksForNoBytes() {
        CapturingLogger log = new CapturingLogger(Level.DEBUG);
        PduLogger logger = new PduLogger(log);

        logger.received(new AReleaseRq(), null);

        assertThat(logger.wantsBytes()).isFalse();
        assertThat(log.messages()).containsExactly("D: Received A-RELEASE-RQ");
    }

    @Test
    void traceAsksForTheBytes() {
        assertThat(new PduLogger(new CapturingLogger(Level.TRACE)).wantsBytes()).isTrue();
    }

    @Test
    void bytesThatMakeNoPduAreShownAtTrace() {
        CapturingLogger log = new CapturingLogger(Level.TRACE);
        byte[] http = "HTTP/1.1 400 Bad Request\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

        new PduLogger(log).receivedNoPdu(http);

        assertThat(log.messages()).containsExactly("T: Received 26 bytes that make no valid PDU\n"
                + "  48  54  54  50  2f  31  2e  31  20  34  30  30  20  42  61  64\n"
                + "  20  52  65  71  75  65  73  74  0d  0a");
    }

    @Test
    void sentPdusAreShownWithTheirBytesAtTrace() {
        CapturingLogger log = new CapturingLogger(Level.TRACE);
        new PduLogger(log).sent(new AReleaseRq());
        assertThat(log.messages()).containsExactly("D: Sent A-RELEASE-RQ\n  05  00  00  00  00  04  00  00  00  00");
    }
}
