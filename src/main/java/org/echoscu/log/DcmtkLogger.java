package org.echoscu.log;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.AbstractLogger;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;
import org.slf4j.spi.LocationAwareLogger;

/**
 * Our SLF4J logger. On the console (every run without {@code -lc}) it writes DCMTK's lines
 * itself ({@link ConsoleLog}) at the level the command line chose ({@link Logs}); once
 * {@code -lc} has configured Logback, each call goes to Logback's logger of the same name.
 * SLF4J's own base class supplies the dozens of logging methods; this class only says which
 * levels are on and where a message goes.
 */
final class DcmtkLogger extends LegacyAbstractLogger {

    private static final long serialVersionUID = 1L;
    /** Logback finds the caller's frame below the frames of SLF4J's base class. */
    private static final String FRONT_END = AbstractLogger.class.getName();

    private transient volatile Logger logback;

    DcmtkLogger(String name) {
        this.name = name;
    }

    @Override
    public boolean isTraceEnabled() {
        return enabled(LocationAwareLogger.TRACE_INT);
    }

    @Override
    public boolean isDebugEnabled() {
        return enabled(LocationAwareLogger.DEBUG_INT);
    }

    @Override
    public boolean isInfoEnabled() {
        return enabled(LocationAwareLogger.INFO_INT);
    }

    @Override
    public boolean isWarnEnabled() {
        return enabled(LocationAwareLogger.WARN_INT);
    }

    @Override
    public boolean isErrorEnabled() {
        return enabled(LocationAwareLogger.ERROR_INT);
    }

    private boolean enabled(int level) {
        // while only the console's level is in play (no capture on any thread, no -lc: the usual
        // run) it alone decides, which is what the whole rule below comes to then. A level is
        // asked for every PDU of a long series: this keeps what C1 inlines there small.
        if (Logs.consoleOnly()) {
            return Logs.consoleAdmits(level);
        }
        return enabledAnywhere(level);
    }

    private boolean enabledAnywhere(int level) {
        Logs.Capture capture = Logs.captured();
        return (capture != null && level >= capture.level()) || enabledWithoutCapture(level);
    }

    private boolean enabledWithoutCapture(int level) {
        Logger configured = configured();
        return configured == null ? Logs.consoleAdmits(level) : configured.isEnabledForLevel(Level.intToLevel(level));
    }

    @Override
    protected String getFullyQualifiedCallerName() {
        return FRONT_END;
    }

    @Override
    protected void handleNormalizedLoggingCall(Level level, Marker marker, String pattern, Object[] args,
                                               Throwable thrown) {
        Logs.Capture capture = Logs.captured();
        if (capture != null && level.toInt() >= capture.level()) {
            ConsoleLog.append(capture.into(), DcmtkLevel.of(level.toInt(), marker), args == null || args.length == 0
                    ? pattern : MessageFormatter.basicArrayFormat(pattern, args), thrown);
        }
        if (capture != null && !enabledWithoutCapture(level.toInt())) {
            return;
        }
        Logger configured = configured();
        if (configured instanceof LocationAwareLogger l) {
            l.log(marker, FRONT_END, level.toInt(), pattern, args, thrown);
            return;
        }
        DcmtkLevel dcmtk = DcmtkLevel.of(level.toInt(), marker);
        if (Logs.consoleShows(dcmtk)) {
            String message = args == null || args.length == 0 ? pattern
                    : MessageFormatter.basicArrayFormat(pattern, args);
            ConsoleLog.write(dcmtk, message, thrown);
        }
    }

    /** Logback's logger once -lc configured it; null while the console is ours. */
    private Logger configured() {
        if (!ConfiguredAppenders.present()) {
            return null;
        }
        Logger l = logback;
        if (l == null) {
            l = LoggerFactory.getLogger(name);
            logback = l;
        }
        return l;
    }
}
