package org.echoscu.log;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;

/** {@link DcmtkLevel} on Logback's side, for the -lc set-up: an event's level, and a level's Logback counterpart. */
final class LogbackLevels {

    private LogbackLevels() {
    }

    static DcmtkLevel of(ILoggingEvent event) {
        var markers = event.getMarkerList();
        boolean fatal = markers != null && markers.contains(Fatal.MARKER);
        return DcmtkLevel.of(Level.toLocationAwareLoggerInteger(event.getLevel()), fatal ? Fatal.MARKER : null);
    }

    /** The closest Logback level; FATAL is ERROR (a logger set to FATAL also needs {@link Log4cplusFilters.FatalLoggers}). */
    static Level toLogback(DcmtkLevel level) {
        return level == DcmtkLevel.OFF ? Level.OFF : Level.fromLocationAwareLoggerInteger(level.slf4j);
    }
}
