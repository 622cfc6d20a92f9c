package org.echoscu.log;

/**
 * What flushes and closes the appenders -lc configured, to be run before the JVM exits (file
 * appenders with ImmediateFlush = false would otherwise lose their last lines). Apart from
 * {@link Logs}, whose loggers are SLF4J's: a run that logs nothing (--version, -h, the TLS
 * listings) flushes at its end all the same, and this way loads no logging class for it (on
 * JDK 17, SLF4J's first class costs a run 0.6 ms: its jar is opened then).
 */
public final class ConfiguredAppenders {

    /** Set once -lc has configured Logback. */
    private static volatile Runnable stop;

    private ConfiguredAppenders() {
    }

    /**
     * Called by {@link Log4cplusConfig} once Logback runs with the -lc file's set-up;
     * {@code stopAppenders} flushes and closes its appenders. Handed over rather than called by
     * name, so the console path never refers to the -lc code.
     */
    static void set(Runnable stopAppenders) {
        stop = stopAppenders;
    }

    /** Whether -lc configured Logback, so that every logger goes through it. */
    static boolean present() {
        return stop != null;
    }

    /** Forgets the appenders and returns what stops them (or null). */
    static Runnable take() {
        Runnable s = stop;
        stop = null;
        return s;
    }

    /** Flushes and closes every appender -lc configured, if it configured any. */
    public static void flush() {
        Runnable s = stop;
        if (s != null) {
            s.run();
        }
    }
}
