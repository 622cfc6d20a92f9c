package org.echoscu.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

/** DCMTK's console lines, written without a logging back end, at the level the command line chose. */
class ConsoleLogTest {

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream saved;
    private final Logger log = Logs.get("dcmtk.apps.echoscu");

    @BeforeEach
    void capture() {
        saved = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setErr(saved);
        Logs.useConsole();
    }

    private String printed() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void eachLineOfAMessageCarriesTheLevelsLetter() {
        Logs.console(DcmtkLevel.DEBUG);
        log.debug("Request Parameters:\n{}", "a\nb\n");
        log.info("Association Accepted (Max Send PDV: {})", 16372);
        log.warn("w");
        log.error("e");
        log.error(Fatal.MARKER, "f {} {}", 1, 2);
        assertThat(printed()).isEqualTo("D: Request Parameters:\nD: a\nD: b\nD: \n"
                + "I: Association Accepted (Max Send PDV: 16372)\nW: w\nE: e\nF: f 1 2\n");
    }

    @Test
    void theDefaultLevelShowsWarningsAndUp() {
        log.info("not shown");
        log.debug("not shown");
        log.warn("shown");
        assertThat(log.isInfoEnabled()).isFalse();
        assertThat(log.isWarnEnabled()).isTrue();
        assertThat(printed()).isEqualTo("W: shown\n");
    }

    @Test
    void quietShowsOnlyFatalMessages() {
        Logs.console(DcmtkLevel.FATAL);
        log.error("an error that is not fatal");
        log.warn("w");
        log.error(Fatal.MARKER, "Association Request Failed: {}", "why");
        assertThat(printed()).isEqualTo("F: Association Request Failed: why\n");
    }

    @Test
    void traceShowsEverything() {
        Logs.console(DcmtkLevel.TRACE);
        log.trace("t");
        assertThat(log.isTraceEnabled()).isTrue();
        assertThat(printed()).isEqualTo("T: t\n");
    }

    @Test
    void anExceptionAddsItsClassMessageAndFramesWithTheSamePrefix() {
        Logs.console(DcmtkLevel.DEBUG);
        Exception e = new IllegalStateException("outer", new java.io.IOException("inner"));
        log.debug("internal error", e);
        String[] lines = printed().split("\n");
        assertThat(lines[0]).isEqualTo("D: internal error");
        assertThat(lines[1]).isEqualTo("D: java.lang.IllegalStateException: outer");
        assertThat(lines[2]).startsWith("D:     at org.echoscu.log.ConsoleLogTest.");
        assertThat(printed()).contains("\nD: java.io.IOException: inner\n");
        assertThat(lines).allMatch(l -> l.startsWith("D: "));
    }
}
