package org.echoscu.text;

/**
 * Lower-case hexadecimal with leading zeros, as {@code String.format("%04x", v)} writes it.
 * Written out because {@link String#format} starts java.util.Formatter, its regular
 * expressions and the locale's number symbols: about 100 classes and a sixth of a {@code -d}
 * run's CPU time (docs/PERFORMANCE.md).
 */
public final class Hex {

    private static final char[] DIGITS = "0123456789abcdef".toCharArray();

    private Hex() {
    }

    /** The low {@code digits} hex digits of {@code value}, e.g. {@code of(0x1f, 4)} is "001f". */
    public static String of(long value, int digits) {
        char[] out = new char[digits];
        for (int i = digits - 1; i >= 0; i--) {
            out[i] = DIGITS[(int) (value & 0xF)];
            value >>>= 4;
        }
        return new String(out);
    }

    /** Appends one byte as two hex digits. */
    public static StringBuilder appendByte(StringBuilder sb, int b) {
        return sb.append(DIGITS[(b >> 4) & 0xF]).append(DIGITS[b & 0xF]);
    }
}
