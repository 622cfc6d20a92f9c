package org.echoscu.it;

import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real commands: our bin/echoscu and bin/echoscp as built by Maven, and DCMTK's
 * from Debian's dcmtk package. A missing DCMTK is a failure, never a skip: CI installs it.
 */
final class Commands {

    static final Path ROOT = Path.of(System.getProperty("user.dir"));

    private Commands() {
    }

    static Run echoscu(String... args) {
        return run(withPrefix(ROOT.resolve("bin/echoscu").toString(), args), Duration.ofSeconds(60));
    }

    static Run dcmtk(String tool, String... args) {
        return run(withPrefix(dcmtkBinary(tool), args), Duration.ofSeconds(60));
    }

    static String dcmtkBinary(String tool) {
        return debianTool(tool, "dcmtk", "DCMTK's " + tool + ": these interoperability tests need it");
    }

    /**
     * The path of a command that a Debian package installs (promtool, prometheus,
     * systemd-analyze); a missing one fails the test, saying which package .ci/run installs.
     */
    static String debianTool(String tool, String debianPackage, String why) {
        for (String dir : new String[] {"/usr/bin", "/usr/local/bin"}) {
            File f = new File(dir, tool);
            if (f.canExecute()) {
                return f.getPath();
            }
        }
        return fail("%s is not installed: %s (apt-get install -y %s; .ci/run does this)", tool, why, debianPackage);
    }

    static Run run(List<String> command, Duration limit) {
        return runIn(ROOT, command, limit, null, Map.of());
    }

    /** Runs a command in a working directory of the test's choosing (log files land there). */
    static Run runIn(Path dir, List<String> command, Duration limit) {
        return runIn(dir, command, limit, null, Map.of());
    }

    /**
     * Runs a command; {@code stdin} (if not null) is written to its standard input, which is
     * then closed; {@code env} adds environment variables.
     */
    static Run run(List<String> command, Duration limit, String stdin, Map<String, String> env) {
        return runIn(ROOT, command, limit, stdin, env);
    }

    static Run runIn(Path dir, List<String> command, Duration limit, String stdin, Map<String, String> env) {
        try {
            Path out = Files.createTempFile("cmd", ".out");
            Path err = Files.createTempFile("cmd", ".err");
            ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile());
            pb.environment().put("LC_ALL", "C");
            pb.environment().putAll(env);
            long start = System.nanoTime();
            Process p = pb.start();
            if (stdin != null) {
                try (var in = p.getOutputStream()) {
                    in.write(stdin.getBytes(StandardCharsets.UTF_8));
                }
            }
            if (!p.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                fail("%s did not end within %s", command, limit);
            }
            long ms = (System.nanoTime() - start) / 1_000_000;
            Run r = new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8), ms);
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
            return r;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static List<String> withPrefix(String first, String... rest) {
        List<String> l = new ArrayList<>();
        l.add(first);
        l.addAll(List.of(rest));
        return l;
    }
}
