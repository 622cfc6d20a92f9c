package org.echoscu.log;

import org.slf4j.Logger;

/**
 * Where our loggers come from, and the console's level. Without {@code -lc}, loggers write
 * DCMTK's console lines themselves and Logback is never loaded; {@code -lc} configures
 * Logback ({@link Log4cplusConfig}) and from then on every logger goes through it.
 */
public final class Logs {

    /** The console level the command line chose; warnings and up unless it said otherwise. */
    private static volatile DcmtkLevel console = DcmtkLevel.WARN;

    /**
     * The debug log of one probe of echoscu-exporter ({@code debug=true}): while a thread has a
     * buffer here, our loggers on that thread write everything down to debug into it, in the
     * console's format, whatever the console's level.
     */
    private static final ThreadLocal<Capture> CAPTURE = new ThreadLocal<>();
    /**
     * Whether any thread ever captured: until one does, {@link #captured} answers without the
     * thread-local lookup, which a long series of echoes would otherwise make for every level check.
     */
    private static volatile boolean everCaptured;

    /** A thread's capture: where to, and the lowest SLF4J level kept. */
    record Capture(StringBuilder into, int level) {
    }

    private Logs() {
    }

    /**
     * From now on this thread's log lines also go to {@code into}: down to debug with {@code debug},
     * else down to info; null stops.
     */
    public static void capture(StringBuilder into, boolean debug) {
        if (into == null) {
            CAPTURE.remove();
        } else {
            everCaptured = true;
            CAPTURE.set(new Capture(into, debug ? org.slf4j.spi.LocationAwareLogger.DEBUG_INT
                    : org.slf4j.spi.LocationAwareLogger.INFO_INT));
        }
    }

    /** Whether the console's level alone decides what is logged: no thread ever captured, and no -lc configuration. */
    static boolean consoleOnly() {
        return !everCaptured && !ConfiguredAppenders.present();
    }

    /** This thread's capture, or null. */
    static Capture captured() {
        return everCaptured ? CAPTURE.get() : null;
    }

    public static Logger get(String name) {
        return new DcmtkLogger(name);
    }

    /** Console logging at a level (-q, -v, -d, -ll). */
    public static void console(DcmtkLevel level) {
        console = level;
    }

    /** Whether a message at this SLF4J level may reach the console (FATAL: errors, some of them). */
    static boolean consoleAdmits(int slf4jLevel) {
        return slf4jLevel >= console.slf4j;
    }

    /** Whether the console prints a message of this level. */
    static boolean consoleShows(DcmtkLevel level) {
        return level.isAtLeast(console); // nothing is logged at OFF, the highest: OFF shows nothing
    }

    /** Back to the console at the default level (tests that configured -lc in this JVM). */
    static void useConsole() {
        Runnable stop = ConfiguredAppenders.take();
        console = DcmtkLevel.WARN;
        if (stop != null) {
            stop.run();
        }
    }
}
