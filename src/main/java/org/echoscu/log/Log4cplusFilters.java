package org.echoscu.log;

import java.util.Map;

import org.slf4j.Marker;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;

/**
 * The filters a log4cplus file can ask for. Hand-written because logback's own ones
 * (ThresholdFilter, LevelFilter, EvaluatorFilter) know only logback's levels: they cannot tell
 * FATAL (an ERROR with {@link Fatal#MARKER}) from ERROR. Each is a few lines of comparison.
 */
final class Log4cplusFilters {

    private Log4cplusFilters() {
    }

    /** An appender's Threshold: events below the level are dropped. */
    static final class Threshold extends Filter<ILoggingEvent> {
        private final DcmtkLevel min;

        Threshold(DcmtkLevel min) {
            this.min = min;
        }

        @Override
        public FilterReply decide(ILoggingEvent event) {
            return LogbackLevels.of(event).isAtLeast(min) ? FilterReply.NEUTRAL : FilterReply.DENY;
        }
    }

    /** log4cplus::spi::LogLevelRangeFilter (LogLevelMin, LogLevelMax, AcceptOnMatch). */
    static final class LevelRange extends Filter<ILoggingEvent> {
        private final DcmtkLevel min;
        private final DcmtkLevel max;
        private final boolean acceptOnMatch;

        /** A null bound is no bound. */
        LevelRange(DcmtkLevel min, DcmtkLevel max, boolean acceptOnMatch) {
            this.min = min;
            this.max = max;
            this.acceptOnMatch = acceptOnMatch;
        }

        @Override
        public FilterReply decide(ILoggingEvent event) {
            DcmtkLevel l = LogbackLevels.of(event);
            if (min != null && !l.isAtLeast(min)) {
                return FilterReply.DENY;
            }
            if (max != null && l.compareTo(max) > 0) {
                return FilterReply.DENY;
            }
            return acceptOnMatch ? FilterReply.ACCEPT : FilterReply.NEUTRAL;
        }
    }

    /** log4cplus::spi::LogLevelMatchFilter (LogLevelToMatch, AcceptOnMatch). */
    static final class LevelMatch extends Filter<ILoggingEvent> {
        private final DcmtkLevel match;
        private final boolean acceptOnMatch;

        LevelMatch(DcmtkLevel match, boolean acceptOnMatch) {
            this.match = match;
            this.acceptOnMatch = acceptOnMatch;
        }

        @Override
        public FilterReply decide(ILoggingEvent event) {
            if (match == null || LogbackLevels.of(event) != match) {
                return FilterReply.NEUTRAL;
            }
            return acceptOnMatch ? FilterReply.ACCEPT : FilterReply.DENY;
        }
    }

    /** log4cplus::spi::StringMatchFilter (StringToMatch, AcceptOnMatch). */
    static final class StringMatch extends Filter<ILoggingEvent> {
        private final String match;
        private final boolean acceptOnMatch;

        StringMatch(String match, boolean acceptOnMatch) {
            this.match = match;
            this.acceptOnMatch = acceptOnMatch;
        }

        @Override
        public FilterReply decide(ILoggingEvent event) {
            String message = event.getFormattedMessage();
            if (match.isEmpty() || message == null || !message.contains(match)) {
                return FilterReply.NEUTRAL;
            }
            return acceptOnMatch ? FilterReply.ACCEPT : FilterReply.DENY;
        }
    }

    /** log4cplus::spi::DenyAllFilter. */
    static final class DenyAll extends Filter<ILoggingEvent> {
        @Override
        public FilterReply decide(ILoggingEvent event) {
            return FilterReply.DENY;
        }
    }

    /**
     * Loggers whose log4cplus level is FATAL sit at logback's ERROR; this drops their ERROR
     * events that lack the fatal marker. Keyed by the loggers the file gives a level (root is
     * ""; INHERIT loggers are left out); a logger takes the level of its nearest configured
     * ancestor, as both libraries do.
     */
    static final class FatalLoggers extends TurboFilter {
        private final Map<String, DcmtkLevel> configured;

        FatalLoggers(Map<String, DcmtkLevel> configured) {
            this.configured = Map.copyOf(configured);
        }

        @Override
        public FilterReply decide(Marker marker, Logger logger, Level level, String format,
                Object[] params, Throwable t) {
            if (level != Level.ERROR || Fatal.MARKER.equals(marker)) {
                return FilterReply.NEUTRAL;
            }
            return effective(logger.getName()) == DcmtkLevel.FATAL
                    ? FilterReply.DENY : FilterReply.NEUTRAL;
        }

        DcmtkLevel effective(String loggerName) {
            String name = Logger.ROOT_LOGGER_NAME.equals(loggerName) ? "" : loggerName;
            while (true) {
                DcmtkLevel l = configured.get(name);
                if (l != null || name.isEmpty()) {
                    return l;
                }
                int dot = name.lastIndexOf('.');
                name = dot < 0 ? "" : name.substring(0, dot);
            }
        }
    }
}
