package org.echoscu.dimse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.List;

import org.echoscu.pdu.Hex;
import org.echoscu.pdu.PDataTf;
import org.echoscu.pdu.PduEncoder;
import org.echoscu.pdu.Pdv;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Outgoing commands cut into PDVs of at most the peer's size, one PDV per P-DATA-TF. */
class DimseChannelFragmentTest {

    private static final byte[] ECHO_RQ = Hex.bytes(CommandSetTest.C_ECHO_RQ);

    private static List<Pdv> pdvs(List<PDataTf> pdus) {
        return pdus.stream().peek(p -> assertThat(p.pdvs()).hasSize(1)).map(p -> p.pdvs().get(0)).toList();
    }

    private static byte[] joined(List<Pdv> pdvs) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        pdvs.forEach(p -> out.writeBytes(p.data()));
        return out.toByteArray();
    }

    @ParameterizedTest
    @ValueSource(longs = {0, -1, 68, 69, 16372, Long.MAX_VALUE})
    void oneLastCommandPdvWhenTheCommandFits(long maxPdv) {
        List<Pdv> pdvs = pdvs(DimseChannel.fragment(1, ECHO_RQ, maxPdv));
        assertThat(pdvs).containsExactly(new Pdv(1, 0x03, ECHO_RQ));
    }

    @Test
    void theWholePduIsByteExact() {
        // One P-DATA-TF: length 4 + 2 + 68 = 74 = 4aH, PDV length 70 = 46H, context 1, header 03H.
        List<PDataTf> pdus = DimseChannel.fragment(1, ECHO_RQ, 16372);
        assertThat(Hex.string(PduEncoder.encode(pdus.get(0))))
                .isEqualTo(Hex.string(Hex.bytes("04 00 00 00 00 4a | 00 00 00 46 | 01 03 |" + CommandSetTest.C_ECHO_RQ)));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 7, 10, 33, 34, 67})
    void splitsToTheGivenSizeWithOnlyTheLastFlaggedLast(int maxPdv) {
        List<Pdv> pdvs = pdvs(DimseChannel.fragment(5, ECHO_RQ, maxPdv));
        int expectedCount = (ECHO_RQ.length + maxPdv - 1) / maxPdv;
        assertThat(pdvs).hasSize(expectedCount);
        for (int i = 0; i < pdvs.size(); i++) {
            Pdv p = pdvs.get(i);
            assertThat(p.contextId()).isEqualTo(5);
            assertThat(p.data().length).isLessThanOrEqualTo(maxPdv).isPositive();
            if (i < pdvs.size() - 1) {
                assertThat(p.messageControlHeader()).isEqualTo(0x01);
                assertThat(p.data()).hasSize(maxPdv);
            } else {
                assertThat(p.messageControlHeader()).isEqualTo(0x03);
            }
        }
        assertThat(Hex.string(joined(pdvs))).isEqualTo(Hex.string(ECHO_RQ));
    }

    @Test
    void splitAtSixteenBytes() {
        // 68 = 16 + 16 + 16 + 16 + 4.
        List<Pdv> pdvs = pdvs(DimseChannel.fragment(1, ECHO_RQ, 16));
        assertThat(pdvs).extracting(p -> p.data().length).containsExactly(16, 16, 16, 16, 4);
        assertThat(pdvs).extracting(Pdv::messageControlHeader).containsExactly(1, 1, 1, 1, 3);
        assertThat(pdvs.get(4).data()).containsExactly(0x00, 0x00, 0x01, 0x01);
    }

    @Test
    void fragmentsReassemble() throws Exception {
        for (int max = 1; max <= ECHO_RQ.length + 1; max++) {
            MessageAssembler assembler = new MessageAssembler(0);
            Message m = null;
            for (PDataTf pdu : DimseChannel.fragment(9, ECHO_RQ, max)) {
                assertThat(m).as("message complete before the last fragment").isNull();
                m = assembler.feed(pdu.pdvs().get(0));
            }
            assertThat(m).isNotNull();
            assertThat(m.contextId()).isEqualTo(9);
            assertThat(Hex.string(m.command().encode())).isEqualTo(Hex.string(ECHO_RQ));
        }
    }

    @Test
    void anEmptyCommandIsOneEmptyLastPdv() {
        assertThat(pdvs(DimseChannel.fragment(1, new byte[0], 0))).containsExactly(new Pdv(1, 0x03, new byte[0]));
        assertThat(pdvs(DimseChannel.fragment(1, new byte[0], 16))).containsExactly(new Pdv(1, 0x03, new byte[0]));
    }
}
