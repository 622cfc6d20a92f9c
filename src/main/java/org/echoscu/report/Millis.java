package org.echoscu.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/** Durations in milliseconds for people (three significant digits) and for programs (fixed decimals). */
final class Millis {

    private static final MathContext THREE = new MathContext(3, RoundingMode.HALF_EVEN);

    private Millis() {
    }

    /** {@code nanos} in ms to three significant digits, trailing zeros kept: 0.0312, 2.00, 45.6, 1230. */
    static String human(double nanos) {
        if (nanos <= 0) {
            return "0";
        }
        BigDecimal ms = new BigDecimal(nanos / 1e6).round(THREE);
        int integerDigits = ms.precision() - ms.scale();
        return ms.setScale(Math.max(0, 3 - integerDigits), RoundingMode.HALF_EVEN).toPlainString();
    }

    /** {@code nanos} in ms with microsecond resolution, for JSON. */
    static String exact(double nanos) {
        return new BigDecimal(nanos / 1e6).setScale(3, RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString();
    }

    /** {@code nanos} in seconds with nanosecond resolution, for Nagios perfdata and Prometheus. */
    static String seconds(double nanos) {
        return new BigDecimal(nanos / 1e9).setScale(9, RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString();
    }
}
