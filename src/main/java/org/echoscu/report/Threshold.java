package org.echoscu.report;

import java.math.BigDecimal;

/**
 * A threshold range of the Monitoring Plugins guidelines ("Threshold and ranges"):
 * {@code 10} alerts outside 0..10, {@code 10:} below 10, {@code ~:10} above 10,
 * {@code 10:20} outside 10..20, {@code @10:20} inside 10..20 (ends included).
 * Values here are seconds.
 */
public record Threshold(String text, double start, double end, boolean inside) {

    /** Parses {@code text}; IllegalArgumentException with a sentence when it is not a range. */
    public static Threshold parse(String text) {
        String s = text.strip();
        boolean inside = s.startsWith("@");
        if (inside) {
            s = s.substring(1);
        }
        int colon = s.indexOf(':');
        double start;
        double end;
        try {
            if (colon < 0) {
                start = 0;
                end = number(s);
            } else {
                String a = s.substring(0, colon);
                String b = s.substring(colon + 1);
                start = a.equals("~") ? Double.NEGATIVE_INFINITY : a.isEmpty() ? 0 : number(a);
                end = b.isEmpty() ? Double.POSITIVE_INFINITY : number(b);
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a threshold range (e.g. 2, 1:5, ~:3, @0:1)");
        }
        if (start > end) {
            throw new IllegalArgumentException("threshold range '" + text + "': start is greater than end");
        }
        return new Threshold(text.strip(), start, end, inside);
    }

    private static double number(String s) {
        double d = new BigDecimal(s).doubleValue(); // no "NaN", "Infinity" or hex as Double.parseDouble allows
        if (Double.isInfinite(d)) {
            throw new NumberFormatException(s);
        }
        return d;
    }

    /** Whether {@code value} raises the alert. */
    public boolean alerts(double value) {
        boolean within = value >= start && value <= end;
        return inside == within;
    }
}
