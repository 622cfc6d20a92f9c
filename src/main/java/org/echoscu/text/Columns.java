package org.echoscu.text;

/** Text padded to a column width with spaces, as {@code %-50s} and {@code %3d} pad it (see {@link Hex} for why not String.format). */
public final class Columns {

    private Columns() {
    }

    /** {@code s} followed by spaces up to {@code width} ({@code %-Ns}); longer text is left whole. */
    public static String left(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }

    /** Spaces then {@code s} up to {@code width} ({@code %Ns}, {@code %Nd}); longer text is left whole. */
    public static String right(String s, int width) {
        return s.length() >= width ? s : " ".repeat(width - s.length()) + s;
    }
}
