package org.echoscu.log;

import java.nio.charset.Charset;

/**
 * DCMTK's console format on standard error: {@code <L>: <message>}, L the level's letter, each
 * line of a message prefixed the same way. Written directly rather than through a logging
 * back end: starting Logback for it cost a {@code -v} run about 80 classes and 100 ms
 * (docs/PERFORMANCE.md), and this is all the console ever needs. A message goes out in one
 * write, so lines from echoscp's threads never interleave.
 */
final class ConsoleLog {

    private ConsoleLog() {
    }

    static void write(DcmtkLevel level, String message, Throwable thrown) {
        StringBuilder sb = new StringBuilder(64);
        append(sb, level, message, thrown);
        // the bytes Logback's console appender wrote: the text in the JVM's default charset
        byte[] bytes = sb.toString().getBytes(Charset.defaultCharset());
        synchronized (System.err) {
            System.err.write(bytes, 0, bytes.length);
            System.err.flush();
        }
    }

    /** The message's lines in the console's format, appended to {@code sb}. */
    static void append(StringBuilder sb, DcmtkLevel level, String message, Throwable thrown) {
        String prefix = level.letter + ": ";
        for (String line : LogLines.of(message, thrown)) {
            sb.append(prefix).append(line).append('\n');
        }
    }
}
