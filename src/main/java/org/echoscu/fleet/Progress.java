package org.echoscu.fleet;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The progress line of a many-target run on standard error: "done / total, failed so far",
 * rewritten in place, erased at the end; nothing at all when standard error is not a terminal
 * (a log file or a pipe should not fill with carriage returns). Not thread-safe: the caller
 * holds the run's lock.
 */
public final class Progress {

    private final PrintStream err;
    private final boolean shown;
    private final int total;
    private int done;
    private int failed;
    private int width;

    public Progress(PrintStream err, boolean terminal, int total) {
        this.err = err;
        this.shown = terminal;
        this.total = total;
    }

    /**
     * Whether standard error is a terminal. Java 17 can only ask that of standard input and
     * output together ({@code System.console()}), so on Linux we read where descriptor 2 points.
     */
    public static boolean stderrIsTerminal() {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return false;
        }
    }

    /** Erases the line before other output is written. */
    public void hide() {
        if (shown && width > 0) {
            err.print("\r" + " ".repeat(width) + "\r");
            err.flush();
            width = 0;
        }
    }

    /** Counts one more target and shows the line again. */
    public void advance(boolean ok) {
        done++;
        failed += ok ? 0 : 1;
        if (shown) {
            String line = done + " / " + total + " done, " + failed + " failed";
            err.print("\r" + line);
            err.flush();
            width = line.length();
        }
    }

    public int failed() {
        return failed;
    }
}
