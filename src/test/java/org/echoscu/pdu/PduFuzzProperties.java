package org.echoscu.pdu;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.EOFException;
import java.io.IOException;
import java.util.List;
import java.util.Set;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * Whatever the bytes, decoding ends in a {@link Pdu} or a {@link PduFormatException} with a
 * reason of PS3.8 table 9-26; reading a stream may also end in {@link EOFException}. Any other
 * exception escaping fails the property.
 */
class PduFuzzProperties {

    private static final Set<Integer> REASONS = Set.of(0, 1, 2, 4, 5, 6);

    private static void decodeOrFormatError(int type, byte[] body) {
        try {
            Pdu pdu = PduDecoder.decode(type, body);
            assertThat(pdu.type()).isEqualTo(type);
        } catch (PduFormatException e) {
            assertThat(e.abortReason()).isIn(REASONS);
            assertThat(e.getMessage()).isNotBlank();
        }
    }

    /** Reads until the stream gives out; only PDUs, format errors and end of stream are allowed. */
    private static void readOrFail(byte[] stream, long maxPData) throws IOException {
        PduReader reader = new PduReader(new PduReaderTest.CountingStream(stream, false, 97));
        for (int i = 0; i <= stream.length; i++) {
            try {
                reader.read(maxPData);
            } catch (PduFormatException e) {
                assertThat(e.abortReason()).isIn(REASONS);
                return;
            } catch (EOFException e) {
                return;
            }
        }
        throw new AssertionError("the reader did not consume its stream");
    }

    @Provide
    Arbitrary<Integer> types() {
        return PduArbitraries.pduTypes();
    }

    @Provide
    Arbitrary<byte[]> noise() {
        return PduArbitraries.bytes(300);
    }

    @Provide
    Arbitrary<Pdu> pdus() {
        return PduArbitraries.pdus();
    }

    @Provide
    Arbitrary<List<Pdu>> pduLists() {
        return PduArbitraries.pdus().list().ofMinSize(1).ofMaxSize(3);
    }

    @Provide
    Arbitrary<List<PduArbitraries.Mutation>> mutations() {
        return PduArbitraries.mutations();
    }

    @Provide
    Arbitrary<byte[]> associateNoise() {
        return PduArbitraries.associateNoise();
    }

    @Provide
    Arbitrary<Long> limits() {
        return Arbitraries.of(0L, 1L, 16L, 16384L, 0x7FFF_FFF7L, 0x8000_0000L, 0xFFFF_FFFFL);
    }

    /** A PDU header of a likely type and a small, edge or random length, then some bytes. */
    @Provide
    Arbitrary<byte[]> headedStreams() {
        Arbitrary<Long> length = Arbitraries.frequencyOf(
                Tuple.of(5, Arbitraries.longs().between(0, 300)),
                Tuple.of(1, Arbitraries.of(0xFFFF_FFFFL, 0xFFFF_FFF0L, 0x8000_0000L, 0x7FFF_FFFFL, 0x0010_0000L,
                        0x0010_0001L)),
                Tuple.of(1, Arbitraries.longs().between(0, 0xFFFF_FFFFL)));
        return Combinators.combine(PduArbitraries.pduTypes(), length, PduArbitraries.bytes(300))
                .as((type, len, rest) -> {
                    byte[] header = {(byte) (int) type, 0, (byte) (len >>> 24), (byte) (len >>> 16),
                            (byte) (len >>> 8), (byte) (long) len};
                    return PduArbitraries.join(List.of(header, rest));
                });
    }

    @Property
    void decodeOfRandomBytes(@ForAll("types") int type, @ForAll("noise") byte[] body) {
        decodeOrFormatError(type, body);
    }

    @Property
    void decodeOfMutatedValidPdus(@ForAll("pdus") Pdu pdu, @ForAll("mutations") List<PduArbitraries.Mutation> edits) {
        byte[] body = PduArbitraries.mutate(Hex.body(PduEncoder.encode(pdu)), edits);
        decodeOrFormatError(pdu.type(), body);
    }

    @Property
    void decodeOfItemShapedNoise(@ForAll("associateNoise") byte[] body, @ForAll("types") int type) {
        decodeOrFormatError(type, body);
        decodeOrFormatError(Pdu.TYPE_ASSOCIATE_RQ, body);
        decodeOrFormatError(Pdu.TYPE_ASSOCIATE_AC, body);
    }

    @Property
    void readerOverRandomStreams(@ForAll("noise") byte[] stream, @ForAll("limits") long maxPData) throws IOException {
        readOrFail(stream, maxPData);
    }

    @Property
    void readerOverStreamsWithPlausibleHeaders(@ForAll("headedStreams") byte[] stream, @ForAll("limits") long maxPData)
            throws IOException {
        readOrFail(stream, maxPData);
    }

    @Property
    void readerOverMutatedValidStreams(@ForAll("pduLists") List<Pdu> pdus,
                                       @ForAll("mutations") List<PduArbitraries.Mutation> edits,
                                       @ForAll("limits") long maxPData) throws IOException {
        byte[] stream = PduArbitraries.join(pdus.stream().map(PduEncoder::encode).toList());
        readOrFail(PduArbitraries.mutate(stream, edits), maxPData);
    }
}
