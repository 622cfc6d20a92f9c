package org.echoscu.it;

import java.util.Arrays;
import java.util.List;

/** A finished command: exit code, output, and how long it took. */
record Run(int exitCode, String stdout, String stderr, long millis) {

    List<String> stderrLines() {
        return stderr.isEmpty() ? List.of() : Arrays.asList(stderr.split("\n"));
    }

    /** stdout and stderr lines together, as a terminal shows them when only one is used. */
    List<String> lines() {
        String all = stdout + stderr;
        return all.isEmpty() ? List.of() : Arrays.asList(all.split("\n"));
    }

    @Override
    public String toString() {
        return "exit " + exitCode + " after " + millis + " ms\n--- stdout\n" + stdout + "--- stderr\n" + stderr;
    }
}
