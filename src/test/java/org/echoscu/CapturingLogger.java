package org.echoscu;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;

/**
 * An SLF4J logger for tests of the code that writes log lines: enabled down to a chosen
 * level, it keeps each message as "L: text" (DCMTK's level letter), nothing else. The five
 * isXEnabled methods are the shape SLF4J's base class asks of every logger (DcmtkLogger has
 * them too): boilerplate, not shared logic.
 */
public final class CapturingLogger extends LegacyAbstractLogger {

    private static final long serialVersionUID = 1L;

    private final Level threshold;
    private final List<String> lines = new ArrayList<>();

    public CapturingLogger(Level threshold) {
        this.name = "test";
        this.threshold = threshold;
    }

    /** The messages logged so far, one entry each (a message may hold several lines). */
    public List<String> messages() {
        return lines;
    }

    private boolean enabled(Level level) {
        return level.toInt() >= threshold.toInt();
    }

    @Override
    public boolean isTraceEnabled() {
        return enabled(Level.TRACE);
    }

    @Override
    public boolean isDebugEnabled() {
        return enabled(Level.DEBUG);
    }

    @Override
    public boolean isInfoEnabled() {
        return enabled(Level.INFO);
    }

    @Override
    public boolean isWarnEnabled() {
        return enabled(Level.WARN);
    }

    @Override
    public boolean isErrorEnabled() {
        return enabled(Level.ERROR);
    }

    @Override
    protected String getFullyQualifiedCallerName() {
        return null;
    }

    @Override
    protected void handleNormalizedLoggingCall(Level level, Marker marker, String pattern, Object[] arguments,
                                               Throwable throwable) {
        lines.add(level.name().charAt(0) + ": " + MessageFormatter.basicArrayFormat(pattern, arguments));
    }
}
