package org.echoscu.log;

import java.util.Locale;

import org.slf4j.Marker;
import org.slf4j.spi.LocationAwareLogger;

/**
 * DCMTK's log levels (those of log4cplus, which DCMTK's oflog wraps), in ascending order: the
 * one mapping between them, the console letter of each, and SLF4J's levels. SLF4J has no
 * FATAL: a fatal message is an ERROR carrying {@link Fatal#MARKER}.
 */
public enum DcmtkLevel {
    TRACE('T', LocationAwareLogger.TRACE_INT),
    DEBUG('D', LocationAwareLogger.DEBUG_INT),
    INFO('I', LocationAwareLogger.INFO_INT),
    WARN('W', LocationAwareLogger.WARN_INT),
    ERROR('E', LocationAwareLogger.ERROR_INT),
    FATAL('F', LocationAwareLogger.ERROR_INT),
    OFF(' ', Integer.MAX_VALUE);

    /** The letter of DCMTK's console lines ({@code W: ...}) and of oflog's {@code %P}. */
    public final char letter;
    /** The SLF4J level number messages of this level are logged at ({@link LocationAwareLogger}). */
    public final int slf4j;

    DcmtkLevel(char letter, int slf4j) {
        this.letter = letter;
        this.slf4j = slf4j;
    }

    /** The level names {@code -ll} accepts, in DCMTK's order. */
    @SuppressWarnings("MutablePublicArray") // OptionTable.choices takes it as varargs; no code writes to it
    public static final String[] OPTION_NAMES = {"fatal", "error", "warn", "info", "debug", "trace"};

    /** The level of a message logged at an SLF4J level number, with or without {@link Fatal#MARKER}. */
    public static DcmtkLevel of(int slf4jLevel, Marker marker) {
        return switch (slf4jLevel) {
            case LocationAwareLogger.ERROR_INT -> Fatal.MARKER.equals(marker) ? FATAL : ERROR;
            case LocationAwareLogger.WARN_INT -> WARN;
            case LocationAwareLogger.INFO_INT -> INFO;
            case LocationAwareLogger.DEBUG_INT -> DEBUG;
            default -> TRACE;
        };
    }

    /**
     * A level name as log4cplus reads it (case does not matter; ALL is TRACE), or null if the
     * text names no level. INHERIT and NOTSET are not levels: callers handle them.
     */
    public static DcmtkLevel parse(String text) {
        String s = text.trim().toUpperCase(Locale.ROOT);
        if (s.equals("ALL")) {
            return TRACE;
        }
        for (DcmtkLevel l : values()) {
            if (l.name().equals(s)) {
                return l;
            }
        }
        return null;
    }

    public boolean isAtLeast(DcmtkLevel other) {
        return compareTo(other) >= 0;
    }
}
