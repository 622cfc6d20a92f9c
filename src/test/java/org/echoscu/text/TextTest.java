package org.echoscu.text;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Hex and Columns write exactly what String.format writes for the same conversions. */
class TextTest {

    @Property(tries = 500)
    void hexIsFormatsZeroPaddedLowerCaseHex(@ForAll int value, @ForAll @IntRange(min = 1, max = 8) int digits) {
        long masked = digits == 8 ? value & 0xFFFF_FFFFL : value & ((1L << (4 * digits)) - 1);
        assertThat(Hex.of(value, digits)).isEqualTo(String.format("%0" + digits + "x", masked));
    }

    @Property(tries = 300)
    void appendByteIsTwoHexDigits(@ForAll @IntRange(min = 0, max = 255) int b) {
        assertThat(Hex.appendByte(new StringBuilder(), b).toString()).isEqualTo(String.format("%02x", b));
    }

    @Property(tries = 300)
    void columnsPadLikeFormat(@ForAll("text") String s, @ForAll @IntRange(min = 1, max = 60) int width) {
        assertThat(Columns.left(s, width)).isEqualTo(String.format("%-" + width + "s", s));
        assertThat(Columns.right(s, width)).isEqualTo(String.format("%" + width + "s", s));
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<String> text() {
        return net.jqwik.api.Arbitraries.strings().ofMaxLength(70).withCharRange(' ', '~');
    }
}
