package org.echoscu.pdu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.EOFException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Generated valid PDUs survive encoding and decoding unchanged, alone and in streams. */
class PduRoundTripProperties {

    @Provide
    Arbitrary<Pdu> pdus() {
        return PduArbitraries.pdus();
    }

    @Provide
    Arbitrary<List<Pdu>> pduLists() {
        return PduArbitraries.pdus().list().ofMinSize(1).ofMaxSize(5);
    }

    @Provide
    Arbitrary<AAssociateRq> associateRqs() {
        return PduArbitraries.associateRqs();
    }

    @Property(tries = 1000)
    void encodeThenDecodeGivesAnEqualRecord(@ForAll("pdus") Pdu pdu) throws Exception {
        byte[] encoded = PduEncoder.encode(pdu);
        assertThat(encoded[0] & 0xFF).isEqualTo(pdu.type());
        assertThat(encoded[1]).isZero();
        long length = ((long) (encoded[2] & 0xFF) << 24) | ((encoded[3] & 0xFF) << 16)
                | ((encoded[4] & 0xFF) << 8) | (encoded[5] & 0xFF);
        assertThat(length).isEqualTo(encoded.length - 6);

        Pdu decoded = PduDecoder.decode(pdu.type(), Hex.body(encoded));
        assertThat(decoded).isEqualTo(pdu);
        assertThat(decoded.hashCode()).isEqualTo(pdu.hashCode());
        assertThat(PduEncoder.encode(decoded)).isEqualTo(encoded);
    }

    @Property(tries = 500)
    void aeTitlesAreSpacePaddedToSixteenBytes(@ForAll("associateRqs") AAssociateRq rq) {
        byte[] encoded = PduEncoder.encode(rq);
        String called = new String(encoded, 10, 16, StandardCharsets.US_ASCII);
        String calling = new String(encoded, 26, 16, StandardCharsets.US_ASCII);
        assertThat(called).hasSize(16).startsWith(rq.calledAeTitle()).endsWith(" ".repeat(16 - rq.calledAeTitle().length()));
        assertThat(calling).hasSize(16).startsWith(rq.callingAeTitle())
                .endsWith(" ".repeat(16 - rq.callingAeTitle().length()));
        assertThat(Arrays.copyOfRange(encoded, 42, 74)).containsOnly(0);
        assertThat(encoded[6]).isEqualTo((byte) (rq.protocolVersion() >>> 8));
        assertThat(encoded[7]).isEqualTo((byte) rq.protocolVersion());
    }

    @Property(tries = 300)
    void aStreamOfPdusReadsBackInOrder(@ForAll("pduLists") List<Pdu> pdus,
                                       @ForAll @IntRange(min = 1, max = 64) int bytesPerRead) throws Exception {
        byte[] stream = PduArbitraries.join(pdus.stream().map(PduEncoder::encode).toList());
        PduReader reader = new PduReader(new PduReaderTest.CountingStream(stream, false, bytesPerRead));
        for (Pdu pdu : pdus) {
            assertThat(reader.read(0)).isEqualTo(pdu);
        }
        assertThat(catchThrowable(() -> reader.read(0))).isExactlyInstanceOf(PeerClosedException.class);
    }
}
