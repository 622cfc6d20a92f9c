package org.echoscu.log;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * C's strftime in the "C" locale plus log4cplus's %q (milliseconds, 3 digits) and %Q
 * (milliseconds with 3 decimals), for the {@code %d{...}} and {@code %D{...}} options of a
 * log4cplus pattern. Hand-written because the JDK's DateTimeFormatter speaks another syntax and
 * has no strftime front end; this is a table from conversion letter to java.time field.
 * An unknown conversion is printed as written, a lone % at the end is dropped (as glibc does).
 */
final class Strftime {

    private static final String[] DAYS = {"Monday", "Tuesday", "Wednesday", "Thursday",
        "Friday", "Saturday", "Sunday"};
    private static final DateTimeFormatter ZONE_NAME = DateTimeFormatter.ofPattern("zzz", Locale.US);

    /** Literal strings and conversion letters (Character). */
    private final List<Object> parts = new ArrayList<>();
    private final ZoneId zone;
    private final boolean utc;

    /** @param utc true for %d (GMT, as gmtime gives), false for %D (the local zone) */
    Strftime(String format, boolean utc) {
        this(format, utc ? ZoneOffset.UTC : ZoneId.systemDefault(), utc);
    }

    Strftime(String format, ZoneId zone, boolean utc) {
        this.zone = zone;
        this.utc = utc;
        compile(format);
    }

    private void compile(String f) {
        StringBuilder lit = new StringBuilder();
        for (int i = 0; i < f.length(); i++) {
            char c = f.charAt(i);
            if (c != '%') {
                lit.append(c);
                continue;
            }
            if (i + 1 >= f.length()) {
                break;
            }
            char k = f.charAt(++i);
            String composite = composite(k);
            if (composite != null) {
                flush(lit);
                compile(composite);
            } else if (k == '%') {
                lit.append('%');
            } else if (k == 'n') {
                lit.append('\n');
            } else if (k == 't') {
                lit.append('\t');
            } else if ("aAbBCdegGhHIjklmMpPqQsSuUVwWyYzZ".indexOf(k) >= 0) {
                flush(lit);
                parts.add(k);
            } else {
                lit.append('%').append(k);
            }
        }
        flush(lit);
    }

    private static String composite(char k) {
        switch (k) {
            case 'c':
                return "%a %b %e %H:%M:%S %Y";
            case 'D':
            case 'x':
                return "%m/%d/%y";
            case 'F':
                return "%Y-%m-%d";
            case 'r':
                return "%I:%M:%S %p";
            case 'R':
                return "%H:%M";
            case 'T':
            case 'X':
                return "%H:%M:%S";
            default:
                return null;
        }
    }

    private void flush(StringBuilder lit) {
        if (lit.length() > 0) {
            parts.add(lit.toString());
            lit.setLength(0);
        }
    }

    String format(Instant instant) {
        StringBuilder sb = new StringBuilder(32);
        format(sb, instant);
        return sb.toString();
    }

    void format(StringBuilder sb, Instant instant) {
        ZonedDateTime t = instant.atZone(zone);
        for (Object p : parts) {
            if (p instanceof String) {
                sb.append((String) p);
            } else {
                field(sb, (Character) p, t, instant);
            }
        }
    }

    private void field(StringBuilder sb, char k, ZonedDateTime t, Instant instant) {
        int wday = t.getDayOfWeek().getValue() % 7; // 0 = Sunday, as struct tm has it
        int yday = t.getDayOfYear() - 1;
        int hour12 = t.getHour() % 12 == 0 ? 12 : t.getHour() % 12;
        switch (k) {
            case 'a':
                sb.append(DAYS[t.getDayOfWeek().getValue() - 1], 0, 3);
                break;
            case 'A':
                sb.append(DAYS[t.getDayOfWeek().getValue() - 1]);
                break;
            case 'b':
            case 'h':
                sb.append(t.getMonth().getDisplayName(TextStyle.SHORT, Locale.US));
                break;
            case 'B':
                sb.append(t.getMonth().getDisplayName(TextStyle.FULL, Locale.US));
                break;
            case 'C':
                pad(sb, Math.floorDiv(t.getYear(), 100), 2, '0');
                break;
            case 'd':
                pad(sb, t.getDayOfMonth(), 2, '0');
                break;
            case 'e':
                pad(sb, t.getDayOfMonth(), 2, ' ');
                break;
            case 'g':
                pad(sb, Math.floorMod(t.get(IsoFields.WEEK_BASED_YEAR), 100), 2, '0');
                break;
            case 'G':
                sb.append(t.get(IsoFields.WEEK_BASED_YEAR));
                break;
            case 'H':
                pad(sb, t.getHour(), 2, '0');
                break;
            case 'I':
                pad(sb, hour12, 2, '0');
                break;
            case 'j':
                pad(sb, yday + 1, 3, '0');
                break;
            case 'k':
                pad(sb, t.getHour(), 2, ' ');
                break;
            case 'l':
                pad(sb, hour12, 2, ' ');
                break;
            case 'm':
                pad(sb, t.getMonthValue(), 2, '0');
                break;
            case 'M':
                pad(sb, t.getMinute(), 2, '0');
                break;
            case 'p':
                sb.append(t.getHour() < 12 ? "AM" : "PM");
                break;
            case 'P':
                sb.append(t.getHour() < 12 ? "am" : "pm");
                break;
            case 'q':
                pad(sb, t.getNano() / 1_000_000, 3, '0');
                break;
            case 'Q':
                pad(sb, t.getNano() / 1_000_000, 3, '0');
                sb.append('.');
                pad(sb, t.getNano() / 1_000 % 1_000, 3, '0');
                break;
            case 's':
                sb.append(instant.getEpochSecond());
                break;
            case 'S':
                pad(sb, t.getSecond(), 2, '0');
                break;
            case 'u':
                sb.append(t.getDayOfWeek().getValue());
                break;
            case 'U':
                pad(sb, (yday + 7 - wday) / 7, 2, '0');
                break;
            case 'V':
                pad(sb, t.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR), 2, '0');
                break;
            case 'w':
                sb.append(wday);
                break;
            case 'W':
                pad(sb, (yday + 7 - (wday + 6) % 7) / 7, 2, '0');
                break;
            case 'y':
                pad(sb, Math.floorMod(t.getYear(), 100), 2, '0');
                break;
            case 'Y':
                sb.append(t.getYear());
                break;
            case 'z':
                int secs = t.getOffset().getTotalSeconds();
                sb.append(secs < 0 ? '-' : '+');
                pad(sb, Math.abs(secs) / 3600, 2, '0');
                pad(sb, Math.abs(secs) / 60 % 60, 2, '0');
                break;
            case 'Z':
                sb.append(utc ? "GMT" : ZONE_NAME.format(t));
                break;
            default:
                throw new AssertionError(k);
        }
    }

    private static void pad(StringBuilder sb, int value, int width, char fill) {
        String s = Integer.toString(value);
        for (int i = s.length(); i < width; i++) {
            sb.append(fill);
        }
        sb.append(s);
    }
}
