package org.echoscu.net;

import java.util.concurrent.TimeUnit;

/**
 * The one way deadlines are made and compared: a deadline is a {@link System#nanoTime()}
 * value, 0 for none. nanoTime values may wrap, so two of them are compared by the sign of
 * their difference, never with {@code <} (the JDK's own rule for nanoTime).
 */
public final class Deadlines {

    private Deadlines() {
    }

    /** The deadline {@code seconds} from now; 0 (none) for 0 or fewer seconds. */
    public static long after(long seconds) {
        return seconds <= 0 ? 0 : System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    }

    /** The nearer of two deadlines, either of which may be 0 (none). */
    public static long earlier(long a, long b) {
        if (a == 0) {
            return b;
        }
        if (b == 0) {
            return a;
        }
        return a - b <= 0 ? a : b;
    }

    /** Whether deadline {@code a} comes no later than {@code b} (both set). */
    public static boolean notAfter(long a, long b) {
        return a - b <= 0;
    }

    /** Whether {@code deadline} (set) has come at {@code now}. */
    public static boolean passed(long deadline, long now) {
        return now - deadline >= 0;
    }

    /**
     * Whole milliseconds left until {@code deadline} (set), rounded up so that a wait of that
     * many milliseconds reaches it; 0 when it has passed.
     */
    public static long millisLeft(long deadline, long now) {
        long left = deadline - now;
        return left <= 0 ? 0 : (left + 999_999) / 1_000_000;
    }
}
