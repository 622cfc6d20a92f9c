package org.echoscu.log;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.FileAppender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.helpers.NOPAppender;
import ch.qos.logback.core.rolling.FixedWindowRollingPolicy;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeBasedTriggeringPolicy;
import ch.qos.logback.core.rolling.TimeBasedRollingPolicy;
import ch.qos.logback.core.util.Duration;
import ch.qos.logback.core.util.FileSize;

/**
 * {@code -lc/--log-config file}: reads a log4cplus property file the way DCMTK's oflog does and
 * sets logback up from it, in code. DCMTK's shipped logger.cfg and filelog.cfg work unchanged.
 *
 * <p>Understood: {@code log4cplus.rootLogger = LEVEL, appender...};
 * {@code log4cplus.logger.NAME = LEVEL|INHERIT, appender...};
 * {@code log4cplus.additivity.NAME = true|false}; appenders {@code log4cplus::ConsoleAppender}
 * (logToStderr, ImmediateFlush), {@code FileAppender} (File, Append (default false),
 * ImmediateFlush), {@code RollingFileAppender} (also MaxFileSize like 5MB or 500KB, at least
 * 200KB as in log4cplus, and MaxBackupIndex, at least 1: backups file.1 .. file.N, .1 the
 * newest; Append defaults to true), {@code DailyRollingFileAppender} (Schedule, MaxBackupIndex:
 * approximated with logback's time-based rolling, MaxBackupIndex counting periods kept) and
 * {@code NullAppender}; each with Threshold, layout ({@code log4cplus::PatternLayout} with
 * ConversionPattern, see {@link Log4cplusPattern}; SimpleLayout, the default; TTCCLayout) and
 * filters.1, filters.2 ... ({@code log4cplus::spi::LogLevelRangeFilter}, LogLevelMatchFilter,
 * StringMatchFilter, DenyAllFilter). Levels TRACE DEBUG INFO WARN ERROR FATAL OFF, in any case.
 * Variables: see {@link Log4cplusProperties}. Property names are case-sensitive, as in
 * log4cplus.
 *
 * <p>Relative file names are resolved against a base directory: the working directory for
 * {@link #apply(Path, String)}, as in DCMTK, or the one given to
 * {@link #apply(Path, String, Path)}.
 *
 * <p>The file is read and checked before anything changes: on {@link ConfigException} the
 * logging set-up in force stays. Problems log4cplus only complains about (an unknown appender
 * type, a reference to an undefined appender, a bad pattern character, a file that cannot be
 * opened) are printed on stderr as "log4cplus:ERROR ..." lines, as DCMTK does, and the rest of
 * the file still applies.
 *
 * <p>Nothing refers to this class until -lc is used, so a plain run never loads it.
 */
public final class Log4cplusConfig {

    static final String NO_FILE = "Specified --log-config file does not exist";
    static final String NO_SETTINGS = "Specified --log-config file does not contain any valid settings";
    static final String NO_ROOT = "Specified --log-config file does not set up log4cplus.rootLogger";
    /** DCMTK aborts on this; we refuse the file instead. */
    static final String BAD_ROOT_LEVEL =
            "Specified --log-config file gives log4cplus.rootLogger an invalid log level: ";

    private static final String PREFIX = "log4cplus.";
    private static final String ROOT_KEY = "log4cplus.rootLogger";
    private static final String LOGGER_PREFIX = "log4cplus.logger.";
    private static final String ADDITIVITY_PREFIX = "log4cplus.additivity.";
    private static final String APPENDER_PREFIX = "log4cplus.appender.";
    private static final long MIN_ROLLING_SIZE = 200 * 1024L;
    private static final long DEFAULT_ROLLING_SIZE = 10 * 1024 * 1024L;

    /** A -lc file that cannot be used; the message is what follows "error: " on the command line. */
    public static final class ConfigException extends Exception {
        ConfigException(String message) {
            super(message);
        }
    }

    private Log4cplusConfig() {
    }

    /**
     * Replaces the logging set-up with the one in file; relative log file names are taken
     * relative to the working directory.
     *
     * @param appName the tool's name, for ${appname} (e.g. "echoscu")
     */
    public static void apply(Path file, String appName) throws ConfigException {
        apply(file, appName, Path.of("").toAbsolutePath());
    }

    /** As {@link #apply(Path, String)}, relative log file names taken relative to baseDir. */
    public static void apply(Path file, String appName, Path baseDir) throws ConfigException {
        LoggerContext ctx = (LoggerContext) LoggerFactory.getILoggerFactory();
        for (String warning : configure(ctx, file, appName, baseDir)) {
            System.err.println(warning);
        }
    }

    /** Flushes and closes every appender (see {@link ConfiguredAppenders#flush()}). */
    static void stop() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext ctx) {
            ctx.stop();
        }
    }

    /** Starts a layout in the context and wraps it in a started encoder, as appenders want it. */
    static LayoutWrappingEncoder<ILoggingEvent> encoder(LoggerContext ctx,
                                                       ch.qos.logback.core.Layout<ILoggingEvent> layout) {
        layout.setContext(ctx);
        layout.start();
        LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
        encoder.setContext(ctx);
        encoder.setLayout(layout);
        encoder.start();
        return encoder;
    }

    /** The work of {@link #apply}; returns log4cplus's complaints instead of printing them. */
    static List<String> configure(LoggerContext ctx, Path file, String appName, Path baseDir)
            throws ConfigException {
        if (!Files.isRegularFile(file)) {
            throw new ConfigException(NO_FILE);
        }
        Log4cplusProperties props;
        try {
            props = Log4cplusProperties.read(file, appName);
        } catch (IOException e) {
            // log4cplus reads an unreadable file as an empty one.
            throw new ConfigException(NO_SETTINGS);
        }
        if (props.keysStartingWith(PREFIX).isEmpty()) {
            throw new ConfigException(NO_SETTINGS);
        }
        if (!props.contains(ROOT_KEY)) {
            throw new ConfigException(NO_ROOT);
        }
        List<String> warnings = new ArrayList<>();
        List<LoggerSpec> loggers = new ArrayList<>();
        loggers.add(rootSpec(props.get(ROOT_KEY)));
        for (String key : props.keysStartingWith(LOGGER_PREFIX)) {
            LoggerSpec spec = loggerSpec(key.substring(LOGGER_PREFIX.length()), props.get(key), warnings);
            if (spec != null) {
                loggers.add(spec);
            }
        }

        ctx.reset();
        Builder builder = new Builder(ctx, props, baseDir.toAbsolutePath(), warnings);
        Map<String, DcmtkLevel> levels = new HashMap<>();
        boolean anyFatal = false;
        for (LoggerSpec spec : loggers) {
            Logger logger = ctx.getLogger(spec.root ? Logger.ROOT_LOGGER_NAME : spec.name);
            logger.setLevel(spec.level == null ? null : LogbackLevels.toLogback(spec.level));
            if (spec.level != null) {
                levels.put(spec.root ? "" : spec.name, spec.level);
                anyFatal |= spec.level == DcmtkLevel.FATAL;
            }
            for (String name : spec.appenders) {
                Appender<ILoggingEvent> appender = builder.appender(name);
                if (appender != null) {
                    logger.addAppender(appender);
                }
            }
        }
        for (String key : props.keysStartingWith(ADDITIVITY_PREFIX)) {
            Boolean additive = bool(props.get(key));
            if (additive != null && key.length() > ADDITIVITY_PREFIX.length()) {
                ctx.getLogger(key.substring(ADDITIVITY_PREFIX.length())).setAdditive(additive);
            }
        }
        if (anyFatal) {
            Log4cplusFilters.FatalLoggers fatal = new Log4cplusFilters.FatalLoggers(levels);
            fatal.setContext(ctx);
            fatal.start();
            ctx.addTurboFilter(fatal);
        }
        ConfiguredAppenders.set(Log4cplusConfig::stop);
        return warnings;
    }

    /** One log4cplus.rootLogger or log4cplus.logger.NAME line; level null means INHERIT. */
    private static final class LoggerSpec {
        final boolean root;
        final String name;
        final DcmtkLevel level;
        final List<String> appenders;

        LoggerSpec(boolean root, String name, DcmtkLevel level, List<String> appenders) {
            this.root = root;
            this.name = name;
            this.level = level;
            this.appenders = appenders;
        }
    }

    private static LoggerSpec rootSpec(String value) throws ConfigException {
        String[] tokens = value.split(",", -1);
        DcmtkLevel level = DcmtkLevel.parse(tokens[0]);
        if (level == null) {
            throw new ConfigException(BAD_ROOT_LEVEL + "\"" + tokens[0].strip() + "\"");
        }
        return new LoggerSpec(true, "root", level, appenderNames(tokens));
    }

    private static LoggerSpec loggerSpec(String name, String value, List<String> warnings) {
        if (name.isEmpty() || value.isBlank()) {
            warnings.add("log4cplus:ERROR PropertyConfigurator::configureLogger()- Invalid config string(Logger = "
                    + name + "): \"" + value + "\"");
            return null;
        }
        String[] tokens = value.split(",", -1);
        String levelName = tokens[0].strip();
        DcmtkLevel level = null;
        if (!levelName.equalsIgnoreCase("INHERIT") && !levelName.equalsIgnoreCase("NOTSET")) {
            level = DcmtkLevel.parse(levelName);
            if (level == null) {
                warnings.add("log4cplus:ERROR Invalid log level \"" + levelName + "\" for logger " + name
                        + ": it inherits its level");
            }
        }
        return new LoggerSpec(false, name, level, appenderNames(tokens));
    }

    private static List<String> appenderNames(String[] tokens) {
        List<String> names = new ArrayList<>();
        for (int i = 1; i < tokens.length; i++) {
            String n = tokens[i].strip();
            if (!n.isEmpty()) {
                names.add(n);
            }
        }
        return names;
    }

    /** log4cplus's boolean: true/false in any case, or a number (non-zero is true); else null. */
    static Boolean bool(String value) {
        if (value == null) {
            return null;
        }
        String v = value.strip();
        if (v.equalsIgnoreCase("true")) {
            return Boolean.TRUE;
        }
        if (v.equalsIgnoreCase("false")) {
            return Boolean.FALSE;
        }
        try {
            return Long.parseLong(v) != 0;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * log4cplus's MaxFileSize: a leading number as C's atoi reads it, times 1024 * 1024 if the
     * text ends in MB, times 1024 if in KB (any case); empty is 10MB; below 200KB is 200KB.
     */
    static long maxFileSize(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT_ROLLING_SIZE;
        }
        String v = value.strip().toUpperCase(Locale.ROOT);
        long size = atoi(v);
        if (size != 0) {
            if (v.length() > 2 && v.endsWith("MB")) {
                size *= 1024 * 1024;
            } else if (v.length() > 2 && v.endsWith("KB")) {
                size *= 1024;
            }
        }
        return Math.max(size, MIN_ROLLING_SIZE);
    }

    private static long atoi(String s) {
        int i = 0;
        boolean negative = false;
        if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            negative = s.charAt(i++) == '-';
        }
        long n = 0;
        while (i < s.length() && Character.isDigit(s.charAt(i)) && n < Integer.MAX_VALUE) {
            n = n * 10 + (s.charAt(i++) - '0');
        }
        return negative ? -n : n;
    }

    /** log4cplus's integer property: a whole number, else the default. */
    private static int integer(String value, int fallback) {
        if (value == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    /** Makes the appenders the loggers name, each once. */
    private static final class Builder {
        private final LoggerContext ctx;
        private final Log4cplusProperties props;
        private final Path baseDir;
        private final List<String> warnings;
        private final Map<String, Appender<ILoggingEvent>> made = new LinkedHashMap<>();

        Builder(LoggerContext ctx, Log4cplusProperties props, Path baseDir, List<String> warnings) {
            this.ctx = ctx;
            this.props = props;
            this.baseDir = baseDir;
            this.warnings = warnings;
        }

        Appender<ILoggingEvent> appender(String name) {
            if (made.containsKey(name)) {
                return made.get(name);
            }
            Appender<ILoggingEvent> a = make(name);
            made.put(name, a);
            return a;
        }

        private Appender<ILoggingEvent> make(String name) {
            String key = APPENDER_PREFIX + name;
            String type = props.get(key);
            if (type == null) {
                warnings.add("log4cplus:ERROR PropertyConfigurator::configureLogger()- Invalid appender: " + name);
                return null;
            }
            String kind = type.startsWith("log4cplus::") ? type.substring("log4cplus::".length()) : type;
            Appender<ILoggingEvent> a;
            switch (kind) {
                case "ConsoleAppender":
                    a = console(key);
                    break;
                case "FileAppender":
                    a = file(name, key, new FileAppender<>(), false);
                    break;
                case "RollingFileAppender":
                    a = rolling(name, key);
                    break;
                case "DailyRollingFileAppender":
                    a = daily(name, key);
                    break;
                case "NullAppender":
                    a = new NOPAppender<>();
                    break;
                default:
                    warnings.add("log4cplus:ERROR PropertyConfigurator::configureAppenders()- Cannot find AppenderFactory: "
                            + type);
                    return null;
            }
            if (a == null) {
                return null;
            }
            a.setContext(ctx);
            a.setName(name);
            addFilters(name, key, a);
            if (a instanceof OutputStreamAppender) {
                OutputStreamAppender<ILoggingEvent> out = (OutputStreamAppender<ILoggingEvent>) a;
                Boolean flush = bool(props.get(key + ".ImmediateFlush"));
                out.setImmediateFlush(flush == null || flush);
                out.setEncoder(encoder(key));
            }
            a.start();
            if (!a.isStarted()) {
                String file = a instanceof FileAppender ? ((FileAppender<ILoggingEvent>) a).rawFileProperty() : name;
                warnings.add("log4cplus:ERROR Unable to open file: " + file);
                a.stop();
                return null;
            }
            return a;
        }

        private Appender<ILoggingEvent> console(String key) {
            ConsoleAppender<ILoggingEvent> c = new ConsoleAppender<>();
            Boolean stderr = bool(props.get(key + ".logToStderr"));
            c.setTarget(stderr != null && stderr ? "System.err" : "System.out");
            return c;
        }

        /** The File property resolved against the base directory, or null (with a warning). */
        private String fileName(String name, String key) {
            String f = props.get(key + ".File");
            if (f == null || f.isEmpty()) {
                warnings.add("log4cplus:ERROR Invalid filename (appender " + name + ")");
                return null;
            }
            try {
                return baseDir.resolve(f).toString();
            } catch (InvalidPathException e) {
                warnings.add("log4cplus:ERROR Invalid filename: " + f);
                return null;
            }
        }

        private <A extends FileAppender<ILoggingEvent>> A file(String name, String key, A a, boolean appendByDefault) {
            String f = fileName(name, key);
            if (f == null) {
                return null;
            }
            Boolean append = bool(props.get(key + ".Append"));
            a.setFile(f);
            a.setAppend(append == null ? appendByDefault : append);
            return a;
        }

        /**
         * log4cplus's size-based rolling with logback's own appender and policies. Logback
         * checks the size before it writes an event, log4cplus also after: both leave backups
         * just over MaxFileSize. Logback's file name patterns cannot hold a literal '%'.
         */
        private Appender<ILoggingEvent> rolling(String name, String key) {
            RollingFileAppender<ILoggingEvent> r = file(name, key, new RollingFileAppender<>(), true);
            // Not getFile(): a RollingFileAppender asks its rolling policy, which is not set yet.
            if (r == null || !patternSafe(r.rawFileProperty())) {
                return null;
            }
            int backups = Math.max(1, integer(props.get(key + ".MaxBackupIndex"), 1));
            FixedWindowRollingPolicy window = new FixedWindowRollingPolicy() {
                @Override
                protected int getMaxWindowSize() {
                    // log4cplus has no limit on MaxBackupIndex; logback's default is 20.
                    return Math.max(backups, super.getMaxWindowSize());
                }
            };
            window.setContext(ctx);
            window.setFileNamePattern(r.rawFileProperty() + ".%i");
            window.setMinIndex(1);
            window.setMaxIndex(backups);
            window.setParent(r);
            window.start();
            SizeBasedTriggeringPolicy<ILoggingEvent> size = new SizeBasedTriggeringPolicy<>();
            size.setContext(ctx);
            size.setMaxFileSize(new FileSize(maxFileSize(props.get(key + ".MaxFileSize"))));
            // Look at the file size on every event, as log4cplus does, not at most every 60 ms.
            size.setCheckIncrement(Duration.buildByMilliseconds(0));
            size.start();
            r.setRollingPolicy(window);
            r.setTriggeringPolicy(size);
            return r;
        }

        /** DailyRollingFileAppender through logback's time-based rolling (same period names). */
        private Appender<ILoggingEvent> daily(String name, String key) {
            RollingFileAppender<ILoggingEvent> r = file(name, key, new RollingFileAppender<>(), true);
            if (r == null || !patternSafe(r.rawFileProperty())) {
                return null;
            }
            String schedule = props.get(key + ".Schedule", "DAILY").strip().toUpperCase(Locale.ROOT);
            String date;
            switch (schedule) {
                case "MONTHLY":
                    date = "yyyy-MM";
                    break;
                case "WEEKLY":
                    date = "yyyy-ww";
                    break;
                case "TWICE_DAILY":
                    date = "yyyy-MM-dd-a";
                    break;
                case "HOURLY":
                    date = "yyyy-MM-dd-HH";
                    break;
                case "MINUTELY":
                    date = "yyyy-MM-dd-HH-mm";
                    break;
                case "DAILY":
                    date = "yyyy-MM-dd";
                    break;
                default:
                    warnings.add("log4cplus:WARN DailyRollingFileAppender::ctor()- \"Schedule\" not valid: " + schedule);
                    date = "yyyy-MM-dd";
            }
            TimeBasedRollingPolicy<ILoggingEvent> time = new TimeBasedRollingPolicy<>();
            time.setContext(ctx);
            time.setFileNamePattern(r.rawFileProperty() + ".%d{" + date + "}");
            time.setMaxHistory(Math.max(0, integer(props.get(key + ".MaxBackupIndex"), 10)));
            time.setParent(r);
            time.start();
            r.setRollingPolicy(time);
            return r;
        }

        private boolean patternSafe(String file) {
            if (file.indexOf('%') >= 0) {
                warnings.add("log4cplus:ERROR cannot roll a file whose name contains '%': " + file);
                return false;
            }
            return true;
        }

        private LayoutWrappingEncoder<ILoggingEvent> encoder(String key) {
            String layoutType = props.get(key + ".layout");
            String kind = layoutType == null ? "SimpleLayout"
                    : layoutType.startsWith("log4cplus::") ? layoutType.substring("log4cplus::".length()) : layoutType;
            Log4cplusPattern layout;
            switch (kind) {
                case "PatternLayout":
                    String pattern = props.get(key + ".layout.ConversionPattern");
                    if (pattern == null) {
                        warnings.add("log4cplus:ERROR ConversionPattern not specified in properties");
                        layout = Log4cplusPattern.plainLayout(Log4cplusPattern.SIMPLE);
                    } else {
                        layout = Log4cplusPattern.patternLayout(pattern, warnings);
                    }
                    break;
                case "TTCCLayout":
                    layout = Log4cplusPattern.plainLayout(Log4cplusPattern.TTCC);
                    break;
                case "SimpleLayout":
                    layout = Log4cplusPattern.plainLayout(Log4cplusPattern.SIMPLE);
                    break;
                default:
                    warnings.add("log4cplus:ERROR Cannot find LayoutFactory: \"" + layoutType + "\"");
                    layout = Log4cplusPattern.plainLayout(Log4cplusPattern.SIMPLE);
            }
            return Log4cplusConfig.encoder(ctx, layout);
        }

        private void addFilters(String name, String key, Appender<ILoggingEvent> a) {
            String threshold = props.get(key + ".Threshold");
            if (threshold != null) {
                DcmtkLevel min = DcmtkLevel.parse(threshold);
                if (min == null) {
                    warnings.add("log4cplus:ERROR Invalid Threshold \"" + threshold + "\" for appender " + name);
                } else {
                    add(a, new Log4cplusFilters.Threshold(min));
                }
            }
            for (int n = 1; ; n++) {
                String fkey = key + ".filters." + n;
                String type = props.get(fkey);
                if (type == null) {
                    return;
                }
                String kind = type.startsWith("log4cplus::spi::") ? type.substring("log4cplus::spi::".length()) : type;
                Boolean acceptOnMatch = bool(props.get(fkey + ".AcceptOnMatch"));
                boolean accept = acceptOnMatch == null || acceptOnMatch;
                switch (kind) {
                    case "LogLevelRangeFilter":
                        add(a, new Log4cplusFilters.LevelRange(level(fkey + ".LogLevelMin"),
                                level(fkey + ".LogLevelMax"), accept));
                        break;
                    case "LogLevelMatchFilter":
                        add(a, new Log4cplusFilters.LevelMatch(level(fkey + ".LogLevelToMatch"), accept));
                        break;
                    case "StringMatchFilter":
                        add(a, new Log4cplusFilters.StringMatch(props.get(fkey + ".StringToMatch", ""), accept));
                        break;
                    case "DenyAllFilter":
                        add(a, new Log4cplusFilters.DenyAll());
                        break;
                    default:
                        warnings.add("log4cplus:ERROR Appender::ctor()- Cannot find FilterFactory: " + type);
                }
            }
        }

        private DcmtkLevel level(String key) {
            String v = props.get(key);
            return v == null ? null : DcmtkLevel.parse(v);
        }

        private void add(Appender<ILoggingEvent> a, Filter<ILoggingEvent> f) {
            f.setContext(ctx);
            f.start();
            a.addFilter(f);
        }
    }
}
