package org.echoscu.dimse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.echoscu.pdu.PDataTf;
import org.echoscu.pdu.PduArbitraries;
import org.echoscu.pdu.Pdv;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * Command sets, their reassembly and their fragmentation under generated input: decoding ends
 * in a command set or a {@link DimseException}, never in anything else; valid commands survive
 * encoding, any fragmentation and reassembly unchanged.
 */
class CommandSetProperties {

    /** One element put into a command set: element number, kind (US, UI, LO) and value. */
    record Put(int element, int kind, int us, String text) {
        void applyTo(CommandSet cs) {
            int tag = element; // group 0000
            switch (kind) {
                case 0 -> cs.putUs(tag, us);
                case 1 -> cs.putUi(tag, text);
                default -> cs.putLo(tag, text);
            }
        }
    }

    @Provide
    Arbitrary<List<Put>> puts() {
        Arbitrary<Put> put = Combinators.combine(
                Arbitraries.integers().between(1, 0xFFFF),
                Arbitraries.integers().between(0, 2),
                Arbitraries.integers().between(0, 0xFFFF),
                Arbitraries.strings().withCharRange('!', '~').ofMaxLength(40)).as(Put::new);
        return put.list().ofMaxSize(10);
    }

    @Provide
    Arbitrary<byte[]> noise() {
        return PduArbitraries.bytes(200);
    }

    /** Element-shaped noise: mostly group 0000, lengths right, a little off, or huge. */
    @Provide
    Arbitrary<byte[]> elementNoise() {
        Arbitrary<Integer> group = Arbitraries.frequencyOf(Tuple.of(8, Arbitraries.just(0)),
                Tuple.of(1, Arbitraries.integers().between(0, 0xFFFF)));
        Arbitrary<Long> lengthError = Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.just(0L)),
                Tuple.of(2, Arbitraries.longs().between(-2, 2)),
                Tuple.of(1, Arbitraries.of(0xFFFF_FFFFL, 0x8000_0000L, 0x7FFF_FFFFL)));
        Arbitrary<byte[]> element = Combinators.combine(group, Arbitraries.integers().between(0, 0xFFFF), lengthError,
                PduArbitraries.bytes(20)).as((g, e, err, value) -> {
                    long len = err > 2 ? err : Math.max(0, value.length + err);
                    byte[] out = new byte[8 + value.length];
                    out[0] = (byte) (int) g;
                    out[1] = (byte) (g >>> 8);
                    out[2] = (byte) (int) e;
                    out[3] = (byte) (e >>> 8);
                    out[4] = (byte) len;
                    out[5] = (byte) (len >>> 8);
                    out[6] = (byte) (len >>> 16);
                    out[7] = (byte) (len >>> 24);
                    System.arraycopy(value, 0, out, 8, value.length);
                    return out;
                });
        return Combinators.combine(element.list().ofMaxSize(6), Arbitraries.integers().between(0, 3))
                .as((elements, cut) -> {
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    elements.forEach(out::writeBytes);
                    byte[] b = out.toByteArray();
                    return cut == 0 || b.length == 0 ? b : java.util.Arrays.copyOf(b, b.length - cut % b.length);
                });
    }

    /** PDVs on a couple of contexts with every header combination, some holding a valid C-ECHO-RQ. */
    @Provide
    Arbitrary<List<Pdv>> pdvSequences() {
        byte[] echo = CommandSetTest.echoRq(1).encode();
        Arbitrary<byte[]> data = Arbitraries.frequencyOf(Tuple.of(3, PduArbitraries.bytes(40)),
                Tuple.of(1, Arbitraries.just(echo)),
                Tuple.of(1, Arbitraries.integers().between(0, echo.length)
                        .map(n -> java.util.Arrays.copyOfRange(echo, n, echo.length))));
        Arbitrary<Pdv> pdv = Combinators.combine(Arbitraries.of(1, 3), Arbitraries.integers().between(0, 3), data)
                .as(Pdv::new);
        return pdv.list().ofMaxSize(12);
    }

    @Property
    void decodeOfRandomBytesIsACommandSetOrADimseException(@ForAll("noise") byte[] b) {
        decodeOrDimseException(b);
    }

    @Property
    void decodeOfElementShapedNoiseIsACommandSetOrADimseException(@ForAll("elementNoise") byte[] b) {
        decodeOrDimseException(b);
    }

    private static void decodeOrDimseException(byte[] b) {
        try {
            CommandSet cs = CommandSet.decode(b);
            int total = 0;
            for (byte[] v : cs.elements().values()) {
                total += 8 + v.length;
            }
            assertThat(total).isLessThanOrEqualTo(b.length);
        } catch (DimseException e) {
            assertThat(e.getMessage()).isNotBlank();
        }
    }

    @Property(tries = 1000)
    void encodeThenDecodeKeepsEveryElement(@ForAll("puts") List<Put> puts) throws DimseException {
        CommandSet cs = new CommandSet();
        puts.forEach(p -> p.applyTo(cs));
        byte[] encoded = cs.encode();

        CommandSet decoded = CommandSet.decode(encoded);
        Map<Integer, byte[]> expected = new TreeMap<>(cs.elements());
        Map<Integer, byte[]> actual = new TreeMap<>(decoded.elements());
        byte[] groupLength = actual.remove(Tag.COMMAND_GROUP_LENGTH);
        assertThat(groupLength).hasSize(4);
        long announced = (groupLength[0] & 0xFF) | (groupLength[1] & 0xFF) << 8 | (groupLength[2] & 0xFF) << 16
                | (long) (groupLength[3] & 0xFF) << 24;
        assertThat(announced).isEqualTo(encoded.length - 12);
        assertThat(actual.keySet()).containsExactlyElementsOf(expected.keySet());
        expected.forEach((tag, value) -> {
            assertThat(actual.get(tag)).as("element %08x", tag).isEqualTo(value);
            assertThat(value.length % 2).as("even length of %08x", tag).isZero();
        });
        assertThat(decoded.encode()).isEqualTo(encoded);
    }

    @Property(tries = 1000)
    void anyFragmentationReassembles(@ForAll("puts") List<Put> puts,
                                     @ForAll @IntRange(min = 1, max = 300) int maxPdv,
                                     @ForAll @IntRange(min = 1, max = 255) int contextId) throws DimseException {
        CommandSet cs = new CommandSet();
        puts.forEach(p -> p.applyTo(cs));
        cs.putUs(Tag.COMMAND_DATA_SET_TYPE, CommandField.NO_DATA_SET);
        byte[] encoded = cs.encode();

        MessageAssembler assembler = new MessageAssembler(0);
        List<PDataTf> pdus = DimseChannel.fragment(contextId, encoded, maxPdv);
        Message m = null;
        for (int i = 0; i < pdus.size(); i++) {
            m = assembler.feed(pdus.get(i).pdvs().get(0));
            assertThat(m == null).isEqualTo(i < pdus.size() - 1);
        }
        assertThat(m.contextId()).isEqualTo(contextId);
        assertThat(m.command().encode()).isEqualTo(encoded);
        assertThat(assembler.idle()).isTrue();
    }

    @Property(tries = 1000)
    void fragmentCutsToTheLimitAndFlagsOnlyTheLast(@ForAll("noise") byte[] encoded,
                                                   @ForAll @LongRange(min = 1, max = 250) long maxPdv,
                                                   @ForAll @IntRange(min = 0, max = 255) int contextId) {
        List<PDataTf> pdus = DimseChannel.fragment(contextId, encoded, maxPdv);
        ByteArrayOutputStream joined = new ByteArrayOutputStream();
        for (int i = 0; i < pdus.size(); i++) {
            assertThat(pdus.get(i).pdvs()).hasSize(1);
            Pdv p = pdus.get(i).pdvs().get(0);
            boolean last = i == pdus.size() - 1;
            assertThat(p.contextId()).isEqualTo(contextId);
            assertThat(p.messageControlHeader()).isEqualTo(last ? 0x03 : 0x01);
            assertThat((long) p.data().length).isLessThanOrEqualTo(maxPdv);
            if (!last) {
                assertThat((long) p.data().length).isEqualTo(maxPdv);
            }
            joined.writeBytes(p.data());
        }
        assertThat(pdus).hasSize((int) Math.max(1, (encoded.length + maxPdv - 1) / maxPdv));
        assertThat(joined.toByteArray()).isEqualTo(encoded);
    }

    @Property
    void assemblerTakesAnyPdvSequence(@ForAll("pdvSequences") List<Pdv> pdvs) {
        MessageAssembler assembler = new MessageAssembler(64);
        List<Message> messages = new ArrayList<>();
        for (Pdv pdv : pdvs) {
            try {
                Message m = assembler.feed(pdv);
                if (m != null) {
                    messages.add(m);
                    assertThat(assembler.idle()).isTrue();
                }
            } catch (DimseException e) {
                assertThat(e.getMessage()).isNotBlank();
                return; // the channel gives up on the association here
            }
        }
        for (Message m : messages) {
            assertThat(m.dataSetLength()).isBetween(0L, 64L);
        }
    }
}
