package org.echoscu.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;

class Log4cplusPatternTest {

    private static final Instant WHEN = Instant.parse("2026-11-27T10:40:16.634215Z");
    private final LoggerContext ctx = new LoggerContext();

    {
        ctx.setMDCAdapter(new LogbackMDCAdapter());
    }
    private final List<String> warnings = new ArrayList<>();

    private LoggingEvent event(String logger, Level level, String message, Throwable t) {
        Logger l = ctx.getLogger(logger);
        LoggingEvent e = new LoggingEvent(Logger.class.getName(), l, level, message, t, null);
        e.setInstant(WHEN);
        e.setThreadName("main");
        return e;
    }

    private LoggingEvent event(Level level, String message) {
        return event("dcmtk.apps.echoscu", level, message, null);
    }

    private LoggingEvent fatal(String message) {
        LoggingEvent e = event(Level.ERROR, message);
        e.addMarker(Fatal.MARKER);
        return e;
    }

    private String layout(String pattern, LoggingEvent e) {
        return layout(pattern, "Europe/Berlin", e);
    }

    private String layout(String pattern, String zone, LoggingEvent e) {
        Log4cplusPattern p = new Log4cplusPattern(pattern, true, ZoneId.of(zone), warnings);
        p.setContext(ctx);
        p.start();
        return p.doLayout(e);
    }

    @Test
    void theShippedPatterns() {
        assertThat(layout("%D{%H:%M:%S} %5p: %m%n", event(Level.INFO, "Requesting Association")))
                .isEqualTo("11:40:16  INFO: Requesting Association\n");
        assertThat(layout("%D{%Y-%m-%d %H:%M:%S.%q} %5p: %m%n", "UTC", fatal("Association Request Failed")))
                .isEqualTo("2026-11-27 10:40:16.634 FATAL: Association Request Failed\n");
        assertThat(layout("%D{%Y-%m-%d %H:%M:%S.%q} %5p - %-8c{1} - %m%n", "UTC", event(Level.DEBUG, "x")))
                .isEqualTo("2026-11-27 10:40:16.634 DEBUG - echoscu  - x\n");
        assertThat(warnings).isEmpty();
    }

    @Test
    void levelNamesAsLog4cplusPrintsThem() {
        assertThat(layout("%p %P|", event(Level.TRACE, ""))).isEqualTo("TRACE T|");
        assertThat(layout("%p %P|", event(Level.DEBUG, ""))).isEqualTo("DEBUG D|");
        assertThat(layout("%p %P|", event(Level.INFO, ""))).isEqualTo("INFO I|");
        assertThat(layout("%p %P|", event(Level.WARN, ""))).isEqualTo("WARN W|");
        assertThat(layout("%p %P|", event(Level.ERROR, ""))).isEqualTo("ERROR E|");
        assertThat(layout("%p %P|", fatal(""))).isEqualTo("FATAL F|");
    }

    @Test
    void widthAndJustification() {
        // Observed with DCMTK 3.6.7: a field longer than max keeps its last characters, and is
        // then not padded.
        assertThat(layout("[%5p][%-5p][%7p][%-7p][%.3p][%-7.3p][%2p]", event(Level.INFO, "")))
                .isEqualTo("[ INFO][INFO ][   INFO][INFO   ][NFO][NFO][INFO]");
        assertThat(layout("[%-3P][%10.2c{1}][%-10m]", event(Level.INFO, "msg")))
                .isEqualTo("[I  ][cu][msg       ]");
    }

    @Test
    void loggerNames() {
        LoggingEvent e = event("dcmtk.apps.echoscu", Level.INFO, "", null);
        assertThat(layout("%c|%c{1}|%c{2}|%c{3}|%c{9}", e))
                .isEqualTo("dcmtk.apps.echoscu|echoscu|apps.echoscu|dcmtk.apps.echoscu|dcmtk.apps.echoscu");
        assertThat(layout("%c{1}|%c", event("dcmtk", Level.INFO, "", null))).isEqualTo("dcmtk|dcmtk");
        assertThat(layout("%c", event(Logger.ROOT_LOGGER_NAME, Level.INFO, "", null))).isEqualTo("root");
    }

    @Test
    void processThreadTimesAndLiterals() {
        LoggingEvent e = event(Level.INFO, "m");
        e.setInstant(Instant.ofEpochMilli(ctx.getBirthTime() + 1234));
        assertThat(layout("%i|%t|%r|%%|%x|%X{k}|50%%", e))
                .isEqualTo(ProcessHandle.current().pid() + "|main|1234|%||" + "|50%");
    }

    @Test
    void dIsUtcAndCapitalDIsLocal() {
        LoggingEvent e = event(Level.INFO, "");
        assertThat(layout("%d{%H:%M %Z}|%D{%H:%M %Z}", "Europe/Berlin", e)).isEqualTo("10:40 GMT|11:40 CET");
        assertThat(layout("%d|%D", "Europe/Berlin", e)).isEqualTo("2026-11-27 10:40:16|2026-11-27 11:40:16");
        assertThat(layout("%d{%q %Q}", e)).isEqualTo("634 634.215");
    }

    @Test
    void eachMessageLineGetsTheWholePattern() {
        // As oflog does: DCMTK's "Request Parameters:\n..." dump comes out prefixed line by line.
        assertThat(layout("%5p: %m%n", event(Level.DEBUG, "Request Parameters:\n  one\n")))
                .isEqualTo("DEBUG: Request Parameters:\nDEBUG:   one\nDEBUG: \n");
    }

    @Test
    void exceptionsAddLines() {
        IllegalStateException ex = new IllegalStateException("boom");
        ex.setStackTrace(new StackTraceElement[] {new StackTraceElement("a.B", "run", "B.java", 7)});
        assertThat(layout("%P: %m%n", event("x", Level.ERROR, "failed", ex)))
                .isEqualTo("E: failed\nE: java.lang.IllegalStateException: boom\nE:     at a.B.run(B.java:7)\n");
    }

    @Test
    void unknownConversionIsCopiedWithAWarning() {
        assertThat(layout("A %p [%y] [%-5y] %m", event(Level.INFO, "m"))).isEqualTo("A INFO [%y] [%-5y] m");
        assertThat(warnings).hasSize(2).allMatch(w -> w.startsWith("log4cplus:ERROR Unexpected char [y]"));
    }

    @Test
    void simpleAndTtccLayoutsDoNotSplitLines() {
        Log4cplusPattern simple = Log4cplusPattern.plainLayout(Log4cplusPattern.SIMPLE);
        simple.setContext(ctx);
        simple.start();
        assertThat(simple.doLayout(event(Level.DEBUG, "a\nb"))).isEqualTo("DEBUG - a\nb\n");
        Log4cplusPattern ttcc = Log4cplusPattern.plainLayout(Log4cplusPattern.TTCC);
        ttcc.setContext(ctx);
        ttcc.start();
        LoggingEvent e = event(Level.INFO, "x");
        e.setInstant(Instant.ofEpochMilli(ctx.getBirthTime() + 16));
        assertThat(ttcc.doLayout(e)).isEqualTo("16 [main] INFO dcmtk.apps.echoscu <> - x\n");
    }

    @Test
    void callerData() {
        LoggingEvent e = event(Level.INFO, "");
        e.setCallerData(new StackTraceElement[] {new StackTraceElement("org.echoscu.scu.EchoScu", "echo",
                "EchoScu.java", 42)});
        assertThat(layout("%F|%b|%L|%l|%M", e)).isEqualTo("EchoScu.java|EchoScu.java|42|EchoScu.java:42|echo");
    }
}
