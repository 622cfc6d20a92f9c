package org.echoscu.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The Debian package installed on this machine for DebianPackageIT, and what it asks of a run. */
final class Installed {

    /** Runs a command as nobody (util-linux's setpriv): no home, no shell, no groups. */
    static final List<String> AS_NOBODY = List.of("setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups");

    private static final Duration APT = Duration.ofMinutes(10);

    private Installed() {
    }

    static void install() {
        Run r = Commands.runIn(Commands.ROOT, List.of("apt-get", "install", "-y", "-o", "DPkg::Lock::Timeout=300",
                Shipped.deb().toString()), APT, null, Map.of("DEBIAN_FRONTEND", "noninteractive"));
        assertThat(r.exitCode()).as(r.toString()).isZero();
    }

    /** Removes the package and its configuration, if it is installed. */
    static void purge() {
        Run known = Commands.runIn(Commands.ROOT, List.of("dpkg-query", "-W", "-f=${Status}", "echoscu-java"),
                Duration.ofSeconds(60), null, Map.of());
        if (known.exitCode() != 0 || known.stdout().contains("not-installed")) {
            return; // apt-get purge would fail on a package it does not know
        }
        Run r = Commands.runIn(Commands.ROOT, List.of("apt-get", "purge", "-y", "-o", "DPkg::Lock::Timeout=300",
                "echoscu-java"), APT, null, Map.of("DEBIAN_FRONTEND", "noninteractive"));
        assertThat(r.exitCode()).as(r.toString()).isZero();
    }

    /**
     * An echo of /usr/bin/echoscu-java (as {@code prefix} says) that refuses to start without
     * the given archive, and whose launcher says it took that one.
     */
    static void assertEchoFrom(Path archive, Map<String, String> env, String port, List<String> prefix) {
        Map<String, String> all = new HashMap<>(env);
        all.put("ECHOSCU_LAUNCH_DEBUG", "1");
        all.put("JAVA_OPTS", archive.toString().endsWith(".aot") ? "-XX:AOTMode=on" : "-Xshare:on");
        List<String> command = new ArrayList<>(prefix);
        command.addAll(List.of("/usr/bin/echoscu-java", "-v", "127.0.0.1", port));
        Run r = Commands.runIn(Path.of("/"), command, Duration.ofMinutes(2), null, all);
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.stderrLines()).as(r.toString()).contains("I: Received Echo Response (Success)");
        String used = archive.toString().replace("/var/cache/echoscu-java/", "/usr/share/echoscu-java/cache/");
        assertThat(r.stderr()).as(r.toString()).contains("echoscu launcher: java ").contains(", archive " + used + "\n");
    }

    static void assertEchoFrom(Path archive, Map<String, String> env, String port) {
        assertEchoFrom(archive, env, port, List.of());
    }

    /** The plain echo's archive in {@code dir} (not the TLS or the no-connection one). */
    static Path awaitPlainArchive(Path dir, Duration limit) throws Exception {
        long end = System.nanoTime() + limit.toNanos();
        do {
            for (Path f : list(dir)) {
                if (f.getFileName().toString().matches("echoscu-.*(?<!-tls|-info)\\.(jsa|aot)")) {
                    return f;
                }
            }
            Thread.sleep(200);
        } while (System.nanoTime() < end);
        throw new AssertionError("no start-up archive in " + dir + " after " + limit + ": " + list(dir));
    }

    /** The process id of the training that holds the lock in {@code dir} (bin/.train). */
    static long awaitTrainer(Path dir) throws Exception {
        long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < end) {
            for (Path f : list(dir)) {
                Path pid = f.resolve("pid");
                if (f.toString().endsWith(".lock") && Files.isRegularFile(pid)) {
                    String text = Files.readString(pid).trim();
                    if (!text.isEmpty()) {
                        return Long.parseLong(text);
                    }
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no training started in " + dir + ": " + list(dir));
    }

    /** Kills a process and its descendants at once (SIGKILL: no clean-up of theirs runs). */
    static void killTree(long pid) throws InterruptedException {
        ProcessHandle.of(pid).ifPresent(p -> {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        });
        while (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
            Thread.sleep(50);
        }
    }

    /** This JVM under a JAVA_HOME whose release file names another version, as an upgraded JDK would. */
    static Path otherJavaHome() throws IOException {
        Path home = Shipped.tempDir("jdk");
        Files.createDirectories(home.resolve("bin"));
        Files.createSymbolicLink(home.resolve("bin/java"), Path.of(System.getProperty("java.home"), "bin", "java"));
        Files.writeString(home.resolve("release"), "JAVA_VERSION=\"17\"\nJAVA_RUNTIME_VERSION=\"17.0.99+1-other\"\n");
        return home;
    }

    static List<Path> list(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
