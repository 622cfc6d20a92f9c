package org.echoscu.log;

import java.util.Locale;

import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;

/**
 * Logging set-up in code, not XML: the console appender on stderr with DCMTK's letter
 * format, at the level the command line asks for. Done without Joran so a plain echo does
 * not pay for an XML parser at start-up; and only once a message is due (see {@link Logs}).
 */
public final class LogSetup {

    private LogSetup() {
    }

    /**
     * Console logging at a DCMTK level name (fatal … trace). If Logback has not started yet,
     * the level is only recorded: Logback starts with it when the first message needs it.
     */
    public static void console(String level) {
        Logs.consoleLevel(level);
        if (Logs.started()) {
            console((LoggerContext) LoggerFactory.getILoggerFactory(), level);
        }
    }

    static void console(LoggerContext ctx, String level) {
        String name = level.toLowerCase(Locale.ROOT);
        ctx.reset();
        ConsoleAppender<ILoggingEvent> appender = new ConsoleAppender<>();
        appender.setContext(ctx);
        appender.setName("console");
        appender.setTarget("System.err");
        appender.setEncoder(encoder(ctx, new LetterLayout()));
        if (name.equals("fatal")) {
            appender.addFilter(new FatalOnly());
        }
        appender.start();
        Logger root = ctx.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(toLogback(name));
        root.addAppender(appender);
    }

    /**
     * Flushes and closes every appender before the JVM exits: file appenders configured with
     * ImmediateFlush = false (-lc) would otherwise lose their last lines. The commands call
     * {@link Logs#flush()}, which comes here only if Logback ever started.
     */
    public static void flush() {
        Logs.flush();
    }

    static void stop() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext ctx) {
            ctx.stop();
        }
    }

    /** Starts a layout in the context and wraps it in a started encoder, as appenders want it. */
    static LayoutWrappingEncoder<ILoggingEvent> encoder(LoggerContext ctx, ch.qos.logback.core.Layout<ILoggingEvent> layout) {
        layout.setContext(ctx);
        layout.start();
        LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
        encoder.setContext(ctx);
        encoder.setLayout(layout);
        encoder.start();
        return encoder;
    }

    public static Level toLogback(String dcmtkLevel) {
        return switch (dcmtkLevel.toLowerCase(Locale.ROOT)) {
            case "fatal", "error" -> Level.ERROR;
            case "warn" -> Level.WARN;
            case "info" -> Level.INFO;
            case "debug" -> Level.DEBUG;
            case "trace" -> Level.TRACE;
            case "off" -> Level.OFF;
            default -> throw new IllegalArgumentException("unknown log level " + dcmtkLevel);
        };
    }

    /** Lets only fatal messages through, for -q and -ll fatal. */
    static final class FatalOnly extends Filter<ILoggingEvent> {
        @Override
        public FilterReply decide(ILoggingEvent event) {
            return Fatal.isFatal(event) ? FilterReply.NEUTRAL : FilterReply.DENY;
        }
    }
}
