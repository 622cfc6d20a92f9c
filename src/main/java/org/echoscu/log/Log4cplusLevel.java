package org.echoscu.log;

import java.util.Locale;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * log4cplus's log levels, in ascending order, as -lc files name them and as {@code %p} prints
 * them. FATAL has no logback level: it is an ERROR event carrying {@link Fatal#MARKER}.
 */
enum Log4cplusLevel {
    TRACE(Level.TRACE),
    DEBUG(Level.DEBUG),
    INFO(Level.INFO),
    WARN(Level.WARN),
    ERROR(Level.ERROR),
    FATAL(Level.ERROR),
    OFF(Level.OFF);

    /** The closest logback level; for FATAL a logger also needs {@link Log4cplusFilters.FatalLoggers}. */
    final Level logback;

    Log4cplusLevel(Level logback) {
        this.logback = logback;
    }

    /** The log4cplus level of an event. */
    static Log4cplusLevel of(ILoggingEvent event) {
        if (Fatal.isFatal(event)) {
            return FATAL;
        }
        switch (event.getLevel().toInt()) {
            case Level.ERROR_INT:
                return ERROR;
            case Level.WARN_INT:
                return WARN;
            case Level.INFO_INT:
                return INFO;
            case Level.DEBUG_INT:
                return DEBUG;
            default:
                return TRACE;
        }
    }

    /**
     * A level name as log4cplus reads it (case does not matter; ALL is TRACE), or null if the
     * text names no level. INHERIT and NOTSET are not levels: callers handle them.
     */
    static Log4cplusLevel parse(String text) {
        String s = text.trim().toUpperCase(Locale.ROOT);
        if (s.equals("ALL")) {
            return TRACE;
        }
        for (Log4cplusLevel l : values()) {
            if (l.name().equals(s)) {
                return l;
            }
        }
        return null;
    }

    boolean isAtLeast(Log4cplusLevel other) {
        return compareTo(other) >= 0;
    }
}
