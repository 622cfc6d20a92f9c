package org.echoscu.log;

import java.net.InetAddress;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggerContextVO;
import ch.qos.logback.classic.spi.ThrowableProxy;
import ch.qos.logback.core.LayoutBase;

/**
 * log4cplus's PatternLayout as DCMTK's oflog has it, as a logback layout. Logback's own
 * PatternLayout is not used: its syntax differs where it matters here (%d takes a Java date
 * pattern, not strftime; %P, %i, %D, %q do not exist; its truncation keeps the head of a
 * field, log4cplus keeps the tail), so the conversion is parsed and applied here.
 *
 * <p>Conversions: {@code %m %n %p %P %c %c{N} %d %d{strftime} %D %D{strftime} %t %i %r %h %H
 * %x %X{key} %E{var} %F %b %L %l %M %%}, each with log4cplus's {@code [-][min][.max]}
 * modifiers: pad to min (on the left, or on the right with '-'), or cut to the last max
 * characters. %P is the first letter of the level and %i the process id, as in DCMTK's oflog
 * (plain log4cplus has no %P). %d is UTC, %D local time; without an option both print
 * {@code %Y-%m-%d %H:%M:%S}. %t is the Java thread's name; %F and %b both the source file name
 * Java knows. An unknown conversion is copied as written, with a warning as log4cplus gives.
 *
 * <p>Like oflog's PatternLayout, a message of several lines is printed as several log lines,
 * the whole pattern once per line; an exception adds its lines as on the console ({@link LogLines}). SimpleLayout and TTCCLayout print the message as it is.
 */
final class Log4cplusPattern extends LayoutBase<ILoggingEvent> {

    static final String SIMPLE = "%p - %m%n";
    static final String TTCC = "%r [%t] %p %c <%x> - %m%n";
    private static final String DEFAULT_DATE = "%Y-%m-%d %H:%M:%S";

    /** The value of one conversion for an event; line is the message line being printed. */
    private interface Field {
        String value(ILoggingEvent event, String line);
    }

    /** A literal (field null) or a conversion with its modifiers. */
    private record Part(String literal, Field field, boolean left, int min, int max) {
    }

    private final String pattern;
    private final boolean perLine;
    private final ZoneId localZone;
    private final List<Part> parts = new ArrayList<>();

    /** log4cplus::PatternLayout: one log line per message line. */
    static Log4cplusPattern patternLayout(String pattern, List<String> warnings) {
        return new Log4cplusPattern(pattern, true, ZoneId.systemDefault(), warnings);
    }

    /** log4cplus::SimpleLayout or TTCCLayout ({@link #SIMPLE}, {@link #TTCC}). */
    static Log4cplusPattern plainLayout(String pattern) {
        return new Log4cplusPattern(pattern, false, ZoneId.systemDefault(), null);
    }

    /** @param warnings gets log4cplus's complaints about the pattern; may be null */
    Log4cplusPattern(String pattern, boolean perLine, ZoneId localZone, List<String> warnings) {
        this.pattern = pattern;
        this.perLine = perLine;
        this.localZone = localZone;
        parse(pattern, warnings == null ? new ArrayList<>() : warnings);
    }

    String pattern() {
        return pattern;
    }

    private void parse(String p, List<String> warnings) {
        StringBuilder lit = new StringBuilder();
        int n = p.length();
        int i = 0;
        while (i < n) {
            char c = p.charAt(i);
            if (c != '%') {
                lit.append(c);
                i++;
                continue;
            }
            if (i + 1 < n && p.charAt(i + 1) == '%') {
                lit.append('%');
                i += 2;
                continue;
            }
            int start = i++;
            boolean left = false;
            int min = -1;
            int max = -1;
            if (i < n && p.charAt(i) == '-') {
                left = true;
                i++;
            }
            int digits = i;
            while (i < n && Character.isDigit(p.charAt(i))) {
                i++;
            }
            if (i > digits) {
                min = Integer.parseInt(p.substring(digits, i));
            }
            if (i < n && p.charAt(i) == '.') {
                digits = ++i;
                while (i < n && Character.isDigit(p.charAt(i))) {
                    i++;
                }
                if (i > digits) {
                    max = Integer.parseInt(p.substring(digits, i));
                }
            }
            if (i >= n) {
                lit.append(p, start, n);
                break;
            }
            char conv = p.charAt(i++);
            String option = null;
            if ("cdDXE".indexOf(conv) >= 0 && i < n && p.charAt(i) == '{') {
                int close = p.indexOf('}', i);
                option = p.substring(i + 1, close < 0 ? n : close);
                i = close < 0 ? n : close + 1;
            }
            Field field = field(conv, option);
            if (field == null) {
                warnings.add("log4cplus:ERROR Unexpected char [" + conv + "] at position " + (start + 2)
                        + " in conversion pattern.");
                lit.append(p, start, i);
                continue;
            }
            if (lit.length() > 0) {
                parts.add(new Part(lit.toString(), null, false, -1, -1));
                lit.setLength(0);
            }
            parts.add(new Part(null, field, left, min, max));
        }
        if (lit.length() > 0) {
            parts.add(new Part(lit.toString(), null, false, -1, -1));
        }
    }

    private Field field(char conv, String option) {
        switch (conv) {
            case 'm':
                return (e, line) -> line;
            case 'n':
                return (e, line) -> "\n";
            case 'p':
                return (e, line) -> LogbackLevels.of(e).name();
            case 'P':
                return (e, line) -> String.valueOf(LogbackLevels.of(e).letter);
            case 'c':
                int depth = option == null ? 0 : parseDepth(option);
                return (e, line) -> loggerName(e.getLoggerName(), depth);
            case 'd':
                Strftime utc = new Strftime(option == null ? DEFAULT_DATE : option, ZoneOffset.UTC, true);
                return (e, line) -> utc.format(instant(e));
            case 'D':
                Strftime local = new Strftime(option == null ? DEFAULT_DATE : option, localZone, false);
                return (e, line) -> local.format(instant(e));
            case 't':
                return (e, line) -> e.getThreadName();
            case 'i':
                String pid = Long.toString(ProcessHandle.current().pid());
                return (e, line) -> pid;
            case 'r':
                return (e, line) -> {
                    LoggerContextVO vo = e.getLoggerContextVO();
                    return Long.toString(vo == null ? 0 : e.getTimeStamp() - vo.getBirthTime());
                };
            case 'h':
                return (e, line) -> Host.NAME;
            case 'H':
                return (e, line) -> Host.FQDN;
            case 'x':
                return (e, line) -> "";
            case 'X':
                return (e, line) -> {
                    Map<String, String> mdc = e.getMDCPropertyMap();
                    String v = option == null || mdc == null ? null : mdc.get(option);
                    return v == null ? "" : v;
                };
            case 'E':
                return (e, line) -> {
                    String v = option == null ? null : System.getenv(option);
                    return v == null ? "" : v;
                };
            case 'F':
            case 'b':
                return (e, line) -> caller(e, 'F');
            case 'L':
                return (e, line) -> caller(e, 'L');
            case 'l':
                return (e, line) -> caller(e, 'F') + ":" + caller(e, 'L');
            case 'M':
                return (e, line) -> caller(e, 'M');
            default:
                return null;
        }
    }

    private static int parseDepth(String option) {
        try {
            return Math.max(0, Integer.parseInt(option.trim()));
        } catch (NumberFormatException ex) {
            return 0;
        }
    }

    /** The last depth components of a logger name (all for 0); logback's ROOT is log4cplus's root. */
    static String loggerName(String name, int depth) {
        String n = Logger.ROOT_LOGGER_NAME.equals(name) ? "root" : name;
        if (depth <= 0) {
            return n;
        }
        int end = n.length();
        for (int k = 0; k < depth; k++) {
            int dot = n.lastIndexOf('.', end - 1);
            if (dot < 0) {
                return n;
            }
            end = dot;
        }
        return n.substring(end + 1);
    }

    private static Instant instant(ILoggingEvent e) {
        Instant t = e.getInstant();
        return t != null ? t : Instant.ofEpochMilli(e.getTimeStamp());
    }

    private static String caller(ILoggingEvent e, char what) {
        StackTraceElement[] data = e.getCallerData();
        if (data == null || data.length == 0) {
            return what == 'L' ? "-1" : "";
        }
        StackTraceElement s = data[0];
        switch (what) {
            case 'L':
                return Integer.toString(s.getLineNumber());
            case 'M':
                return s.getMethodName();
            default:
                return s.getFileName() == null ? "" : s.getFileName();
        }
    }

    @Override
    public String doLayout(ILoggingEvent event) {
        List<String> lines = lines(event);
        StringBuilder sb = new StringBuilder(128);
        if (perLine) {
            for (String line : lines) {
                render(sb, event, line);
            }
        } else {
            render(sb, event, String.join("\n", lines));
        }
        return sb.toString();
    }

    private void render(StringBuilder sb, ILoggingEvent event, String line) {
        for (Part part : parts) {
            if (part.field() == null) {
                sb.append(part.literal());
                continue;
            }
            String v = part.field().value(event, line);
            if (v == null) {
                v = "";
            }
            if (part.max() >= 0 && v.length() > part.max()) {
                sb.append(v, v.length() - part.max(), v.length());
            } else if (v.length() < part.min()) {
                if (part.left()) {
                    sb.append(v);
                }
                sb.append(" ".repeat(part.min() - v.length()));
                if (!part.left()) {
                    sb.append(v);
                }
            } else {
                sb.append(v);
            }
        }
    }

    /** The message's lines and its exception's ({@link LogLines}). */
    private static List<String> lines(ILoggingEvent event) {
        Throwable thrown = event.getThrowableProxy() instanceof ThrowableProxy p ? p.getThrowable() : null;
        return LogLines.of(event.getFormattedMessage(), thrown);
    }

    /** The host's names, looked up once and only if asked for (it may take a resolver call). */
    static final class Host {
        static final String NAME;
        static final String FQDN;

        static {
            String name;
            String fqdn;
            try {
                InetAddress local = InetAddress.getLocalHost();
                name = local.getHostName();
                fqdn = local.getCanonicalHostName();
            } catch (java.io.IOException | SecurityException ex) {
                String env = System.getenv("HOSTNAME");
                name = env == null || env.isEmpty() ? "localhost" : env;
                fqdn = name;
            }
            NAME = name;
            FQDN = fqdn;
        }

        private Host() {
        }
    }
}
