package org.echoscu.log;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import ch.qos.logback.core.LayoutBase;

/**
 * DCMTK's console format: {@code <L>: <message>}, L one of F E W I D T, and every line of a
 * multi-line message prefixed the same way.
 */
public final class LetterLayout extends LayoutBase<ILoggingEvent> {

    @Override
    public String doLayout(ILoggingEvent event) {
        String prefix = letter(event) + ": ";
        StringBuilder sb = new StringBuilder(prefix.length() + 64);
        appendLines(sb, prefix, event.getFormattedMessage());
        for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
            appendLines(sb, prefix, t.getClassName() + ": " + t.getMessage());
            for (StackTraceElementProxy e : t.getStackTraceElementProxyArray()) {
                appendLines(sb, prefix, "    " + e.getSTEAsString());
            }
        }
        return sb.toString();
    }

    public static char letter(ILoggingEvent event) {
        if (Fatal.isFatal(event)) {
            return 'F';
        }
        Level l = event.getLevel();
        return switch (l.toInt()) {
            case Level.ERROR_INT -> 'E';
            case Level.WARN_INT -> 'W';
            case Level.INFO_INT -> 'I';
            case Level.DEBUG_INT -> 'D';
            default -> 'T';
        };
    }

    private static void appendLines(StringBuilder sb, String prefix, String text) {
        int start = 0;
        String s = text == null ? "null" : text;
        while (true) {
            int nl = s.indexOf('\n', start);
            sb.append(prefix).append(s, start, nl < 0 ? s.length() : nl).append('\n');
            if (nl < 0) {
                return;
            }
            start = nl + 1;
        }
    }
}
