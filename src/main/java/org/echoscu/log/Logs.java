package org.echoscu.log;

import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.spi.LocationAwareLogger;

/**
 * Where our loggers come from. Logback is started on first need, not at start-up: until a
 * message at an enabled level is logged (or something else starts Logback, such as -lc),
 * loggers answer level checks from the console level set here, which is what
 * {@link DefaultConfigurator} will give Logback once it starts. A plain echo at the default
 * level logs nothing and so never loads Logback at all.
 */
public final class Logs {

    /** The console level (DCMTK's name) Logback gets when it starts; "warn" unless the command line says otherwise. */
    private static volatile String consoleLevel = "warn";
    /** That level as an SLF4J level number: messages below it are dropped without starting Logback. */
    private static volatile int threshold = LocationAwareLogger.WARN_INT;
    /** Set once Logback runs; from then on every logger asks Logback. */
    private static volatile boolean started;

    private Logs() {
    }

    /** A logger that starts Logback only when it has something to log. */
    public static Logger get(String name) {
        return new DeferredLogger(name);
    }

    /** Whether Logback has been started (by a message, by -lc, or by anyone asking SLF4J directly). */
    public static boolean started() {
        return started;
    }

    static int threshold() {
        return threshold;
    }

    static String consoleLevel() {
        return consoleLevel;
    }

    /**
     * Flushes and closes every appender before the JVM exits, if Logback ever started (file
     * appenders configured with ImmediateFlush = false would otherwise lose their last lines).
     * Without Logback there is nothing to flush, and this does not start it.
     */
    public static void flush() {
        if (started) {
            LogSetup.stop();
        }
    }

    /** Called by {@link DefaultConfigurator}, which Logback runs as it starts. */
    static void markStarted() {
        started = true;
    }

    /** Records the console level; {@link LogSetup#console(String)} applies it at once if Logback runs. */
    static void consoleLevel(String level) {
        String name = level.toLowerCase(Locale.ROOT);
        threshold = switch (name) {
            case "fatal", "error" -> LocationAwareLogger.ERROR_INT;
            case "warn" -> LocationAwareLogger.WARN_INT;
            case "info" -> LocationAwareLogger.INFO_INT;
            case "debug" -> LocationAwareLogger.DEBUG_INT;
            case "trace" -> LocationAwareLogger.TRACE_INT;
            case "off" -> Integer.MAX_VALUE;
            default -> throw new IllegalArgumentException("unknown log level " + level);
        };
        consoleLevel = name;
    }
}
