package org.echoscu.log;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.slf4j.spi.LocationAwareLogger;

import static org.slf4j.spi.LocationAwareLogger.DEBUG_INT;
import static org.slf4j.spi.LocationAwareLogger.ERROR_INT;
import static org.slf4j.spi.LocationAwareLogger.INFO_INT;
import static org.slf4j.spi.LocationAwareLogger.TRACE_INT;
import static org.slf4j.spi.LocationAwareLogger.WARN_INT;

/**
 * An SLF4J logger that starts Logback only when a message at an enabled level is logged.
 * Until then it answers from the console level the command line chose ({@link Logs}), so
 * a plain echo at the default level, which logs nothing, never pays for Logback's set-up.
 * Once Logback runs, every call goes to the real logger, caller data included: the real
 * logger is told this class is the logging front end.
 */
final class DeferredLogger implements Logger {

    private static final String FQCN = DeferredLogger.class.getName();

    private final String name;
    private volatile Logger real;

    DeferredLogger(String name) {
        this.name = name;
    }

    @Override
    public String getName() {
        return name;
    }

    /** Cheap test before building an argument array: could a message at this level be logged now? */
    private boolean on(int level) {
        return real != null || Logs.started() || level >= Logs.threshold();
    }

    private boolean enabled(int level, Marker marker) {
        if (real == null && !Logs.started()) {
            return level >= Logs.threshold();
        }
        Logger r = real();
        switch (level) {
            case TRACE_INT:
                return r.isTraceEnabled(marker);
            case DEBUG_INT:
                return r.isDebugEnabled(marker);
            case INFO_INT:
                return r.isInfoEnabled(marker);
            case WARN_INT:
                return r.isWarnEnabled(marker);
            default:
                return r.isErrorEnabled(marker);
        }
    }

    private Logger real() {
        Logger r = real;
        if (r == null) {
            r = LoggerFactory.getLogger(name);
            real = r;
        }
        return r;
    }

    private void log(int level, Marker marker, String msg, Object[] args, Throwable t) {
        Logger r = real();
        if (r instanceof LocationAwareLogger l) {
            l.log(marker, FQCN, level, msg, args, t);
            return;
        }
        Object[] all = args;
        if (t != null) {
            all = args == null ? new Object[] {t} : java.util.Arrays.copyOf(args, args.length + 1);
            all[all.length - 1] = t;
        }
        switch (level) {
            case TRACE_INT -> r.trace(marker, msg, all);
            case DEBUG_INT -> r.debug(marker, msg, all);
            case INFO_INT -> r.info(marker, msg, all);
            case WARN_INT -> r.warn(marker, msg, all);
            default -> r.error(marker, msg, all);
        }
    }

    @Override
    public boolean isTraceEnabled() {
        return enabled(TRACE_INT, null);
    }

    @Override
    public boolean isTraceEnabled(Marker marker) {
        return enabled(TRACE_INT, marker);
    }

    @Override
    public void trace(String msg) {
        if (on(TRACE_INT)) {
            log(TRACE_INT, null, msg, null, null);
        }
    }

    @Override
    public void trace(String format, Object arg) {
        if (on(TRACE_INT)) {
            log(TRACE_INT, null, format, new Object[] {arg}, null);
        }
    }

    @Override
    public void trace(String format, Object arg1, Object arg2) {
        if (on(TRACE_INT)) {
            log(TRACE_INT, null, format, new Object[] {arg1, arg2}, null);
        }
    }

    @Override
    public void trace(String format, Object... arguments) {
        if (on(TRACE_INT)) {
            log(TRACE_INT, null, format, arguments, null);
        }
    }

    @Override
    public void trace(String msg, Throwable t) {
        if (on(TRACE_INT)) {
            log(TRACE_INT, null, msg, null, t);
        }
    }

    @Override
    public void trace(Marker marker, String msg) {
        if (on(TRACE_INT)) {
            log(TRACE_INT, marker, msg, null, null);
        }
    }

    @Override
    public void trace(Marker marker, String format, Object arg) {
        if (on(TRACE_INT)) {
            log(TRACE_INT, marker, format, new Object[] {arg}, null);
        }
    }

    @Override
    public void trace(Marker marker, String format, Object arg1, Object arg2) {
        if (on(TRACE_INT)) {
            log(TRACE_INT, marker, format, new Object[] {arg1, arg2}, null);
        }
    }

    @Override
    public void trace(Marker marker, String format, Object... arguments) {
        if (on(TRACE_INT)) {
            log(TRACE_INT, marker, format, arguments, null);
        }
    }

    @Override
    public void trace(Marker marker, String msg, Throwable t) {
        if (on(TRACE_INT)) {
            log(TRACE_INT, marker, msg, null, t);
        }
    }

    @Override
    public boolean isDebugEnabled() {
        return enabled(DEBUG_INT, null);
    }

    @Override
    public boolean isDebugEnabled(Marker marker) {
        return enabled(DEBUG_INT, marker);
    }

    @Override
    public void debug(String msg) {
        if (on(DEBUG_INT)) {
            log(DEBUG_INT, null, msg, null, null);
        }
    }

    @Override
    public void debug(String format, Object arg) {
        if (on(DEBUG_INT)) {
            log(DEBUG_INT, null, format, new Object[] {arg}, null);
        }
    }

    @Override
    public void debug(String format, Object arg1, Object arg2) {
        if (on(DEBUG_INT)) {
            log(DEBUG_INT, null, format, new Object[] {arg1, arg2}, null);
        }
    }

    @Override
    public void debug(String format, Object... arguments) {
        if (on(DEBUG_INT)) {
            log(DEBUG_INT, null, format, arguments, null);
        }
    }

    @Override
    public void debug(String msg, Throwable t) {
        if (on(DEBUG_INT)) {
            log(DEBUG_INT, null, msg, null, t);
        }
    }

    @Override
    public void debug(Marker marker, String msg) {
        if (on(DEBUG_INT)) {
            log(DEBUG_INT, marker, msg, null, null);
        }
    }

    @Override
    public void debug(Marker marker, String format, Object arg) {
        if (on(DEBUG_INT)) {
            log(DEBUG_INT, marker, format, new Object[] {arg}, null);
        }
    }

    @Override
    public void debug(Marker marker, String format, Object arg1, Object arg2) {
        if (on(DEBUG_INT)) {
            log(DEBUG_INT, marker, format, new Object[] {arg1, arg2}, null);
        }
    }

    @Override
    public void debug(Marker marker, String format, Object... arguments) {
        if (on(DEBUG_INT)) {
            log(DEBUG_INT, marker, format, arguments, null);
        }
    }

    @Override
    public void debug(Marker marker, String msg, Throwable t) {
        if (on(DEBUG_INT)) {
            log(DEBUG_INT, marker, msg, null, t);
        }
    }

    @Override
    public boolean isInfoEnabled() {
        return enabled(INFO_INT, null);
    }

    @Override
    public boolean isInfoEnabled(Marker marker) {
        return enabled(INFO_INT, marker);
    }

    @Override
    public void info(String msg) {
        if (on(INFO_INT)) {
            log(INFO_INT, null, msg, null, null);
        }
    }

    @Override
    public void info(String format, Object arg) {
        if (on(INFO_INT)) {
            log(INFO_INT, null, format, new Object[] {arg}, null);
        }
    }

    @Override
    public void info(String format, Object arg1, Object arg2) {
        if (on(INFO_INT)) {
            log(INFO_INT, null, format, new Object[] {arg1, arg2}, null);
        }
    }

    @Override
    public void info(String format, Object... arguments) {
        if (on(INFO_INT)) {
            log(INFO_INT, null, format, arguments, null);
        }
    }

    @Override
    public void info(String msg, Throwable t) {
        if (on(INFO_INT)) {
            log(INFO_INT, null, msg, null, t);
        }
    }

    @Override
    public void info(Marker marker, String msg) {
        if (on(INFO_INT)) {
            log(INFO_INT, marker, msg, null, null);
        }
    }

    @Override
    public void info(Marker marker, String format, Object arg) {
        if (on(INFO_INT)) {
            log(INFO_INT, marker, format, new Object[] {arg}, null);
        }
    }

    @Override
    public void info(Marker marker, String format, Object arg1, Object arg2) {
        if (on(INFO_INT)) {
            log(INFO_INT, marker, format, new Object[] {arg1, arg2}, null);
        }
    }

    @Override
    public void info(Marker marker, String format, Object... arguments) {
        if (on(INFO_INT)) {
            log(INFO_INT, marker, format, arguments, null);
        }
    }

    @Override
    public void info(Marker marker, String msg, Throwable t) {
        if (on(INFO_INT)) {
            log(INFO_INT, marker, msg, null, t);
        }
    }

    @Override
    public boolean isWarnEnabled() {
        return enabled(WARN_INT, null);
    }

    @Override
    public boolean isWarnEnabled(Marker marker) {
        return enabled(WARN_INT, marker);
    }

    @Override
    public void warn(String msg) {
        if (on(WARN_INT)) {
            log(WARN_INT, null, msg, null, null);
        }
    }

    @Override
    public void warn(String format, Object arg) {
        if (on(WARN_INT)) {
            log(WARN_INT, null, format, new Object[] {arg}, null);
        }
    }

    @Override
    public void warn(String format, Object arg1, Object arg2) {
        if (on(WARN_INT)) {
            log(WARN_INT, null, format, new Object[] {arg1, arg2}, null);
        }
    }

    @Override
    public void warn(String format, Object... arguments) {
        if (on(WARN_INT)) {
            log(WARN_INT, null, format, arguments, null);
        }
    }

    @Override
    public void warn(String msg, Throwable t) {
        if (on(WARN_INT)) {
            log(WARN_INT, null, msg, null, t);
        }
    }

    @Override
    public void warn(Marker marker, String msg) {
        if (on(WARN_INT)) {
            log(WARN_INT, marker, msg, null, null);
        }
    }

    @Override
    public void warn(Marker marker, String format, Object arg) {
        if (on(WARN_INT)) {
            log(WARN_INT, marker, format, new Object[] {arg}, null);
        }
    }

    @Override
    public void warn(Marker marker, String format, Object arg1, Object arg2) {
        if (on(WARN_INT)) {
            log(WARN_INT, marker, format, new Object[] {arg1, arg2}, null);
        }
    }

    @Override
    public void warn(Marker marker, String format, Object... arguments) {
        if (on(WARN_INT)) {
            log(WARN_INT, marker, format, arguments, null);
        }
    }

    @Override
    public void warn(Marker marker, String msg, Throwable t) {
        if (on(WARN_INT)) {
            log(WARN_INT, marker, msg, null, t);
        }
    }

    @Override
    public boolean isErrorEnabled() {
        return enabled(ERROR_INT, null);
    }

    @Override
    public boolean isErrorEnabled(Marker marker) {
        return enabled(ERROR_INT, marker);
    }

    @Override
    public void error(String msg) {
        if (on(ERROR_INT)) {
            log(ERROR_INT, null, msg, null, null);
        }
    }

    @Override
    public void error(String format, Object arg) {
        if (on(ERROR_INT)) {
            log(ERROR_INT, null, format, new Object[] {arg}, null);
        }
    }

    @Override
    public void error(String format, Object arg1, Object arg2) {
        if (on(ERROR_INT)) {
            log(ERROR_INT, null, format, new Object[] {arg1, arg2}, null);
        }
    }

    @Override
    public void error(String format, Object... arguments) {
        if (on(ERROR_INT)) {
            log(ERROR_INT, null, format, arguments, null);
        }
    }

    @Override
    public void error(String msg, Throwable t) {
        if (on(ERROR_INT)) {
            log(ERROR_INT, null, msg, null, t);
        }
    }

    @Override
    public void error(Marker marker, String msg) {
        if (on(ERROR_INT)) {
            log(ERROR_INT, marker, msg, null, null);
        }
    }

    @Override
    public void error(Marker marker, String format, Object arg) {
        if (on(ERROR_INT)) {
            log(ERROR_INT, marker, format, new Object[] {arg}, null);
        }
    }

    @Override
    public void error(Marker marker, String format, Object arg1, Object arg2) {
        if (on(ERROR_INT)) {
            log(ERROR_INT, marker, format, new Object[] {arg1, arg2}, null);
        }
    }

    @Override
    public void error(Marker marker, String format, Object... arguments) {
        if (on(ERROR_INT)) {
            log(ERROR_INT, marker, format, arguments, null);
        }
    }

    @Override
    public void error(Marker marker, String msg, Throwable t) {
        if (on(ERROR_INT)) {
            log(ERROR_INT, marker, msg, null, t);
        }
    }
}
