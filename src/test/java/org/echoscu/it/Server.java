package org.echoscu.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A peer process listening on a loopback port: DCMTK's storescp or our echoscp. */
final class Server implements AutoCloseable {

    final int port;
    private final Process process;
    private final Path log;

    private Server(int port, Process process, Path log) {
        this.port = port;
        this.process = process;
        this.log = log;
    }

    /** DCMTK's storescp as Debian starts it, plus the given options. */
    static Server storescp(String... options) {
        return storescpAt(Commands.dcmtkBinary("storescp"), options);
    }

    /** The storescp binary at {@code binary} (e.g. DCMTK 3.7.0's, see {@link Dcmtk370}), plus the given options. */
    static Server storescpAt(String binary, String... options) {
        int port = Ports.free();
        List<String> cmd = Commands.withPrefix(binary, options);
        cmd.add("--output-directory");
        cmd.add(tempDir().toString());
        cmd.add(String.valueOf(port));
        return start(cmd, port);
    }

    /** Our bin/echoscp with the given options. */
    static Server echoscp(String... options) {
        return echoscpWithJvmOptions("", options);
    }

    /** Our bin/echoscp with JAVA_OPTS set, e.g. a small heap. */
    static Server echoscpWithJvmOptions(String javaOpts, String... options) {
        int port = Ports.free();
        List<String> cmd = Commands.withPrefix(Commands.ROOT.resolve("bin/echoscp").toString(), options);
        cmd.add(String.valueOf(port));
        Server s = start(cmd, port, javaOpts);
        s.awaitIdle();
        return s;
    }

    /** Any command that listens on {@code port} once started, e.g. an installed copy's echoscp; {@code env} adds variables. */
    static Server command(List<String> cmd, int port, java.util.Map<String, String> env) {
        return start(cmd, port, env);
    }

    /**
     * Waits until echoscp has dealt with the connection that found it listening: that socket
     * closed and its thread gone, so counts of sockets and threads start from an idle server.
     */
    private void awaitIdle() {
        long end = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        int lastThreads = -1;
        while (System.nanoTime() < end) {
            int threads = threads();
            if (sockets() <= 1 && threads == lastThreads) {
                return;
            }
            lastThreads = threads;
            Ports.sleep(50);
        }
    }

    private static Server start(List<String> cmd, int port) {
        return start(cmd, port, "");
    }

    private static Server start(List<String> cmd, int port, String javaOpts) {
        return start(cmd, port, javaOpts.isEmpty() ? java.util.Map.of() : java.util.Map.of("JAVA_OPTS", javaOpts));
    }

    private static Server start(List<String> cmd, int port, java.util.Map<String, String> env) {
        try {
            Path log = Files.createTempFile("server", ".log");
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
            pb.environment().putAll(env);
            Process p = pb.start();
            Server s = new Server(port, p, log);
            Ports.awaitListening(port, Duration.ofSeconds(20));
            return s;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "";
        }
    }

    /** The JVM's process id (bin/echoscp execs java, so it is the launcher's). */
    long pid() {
        return process.pid();
    }

    /** Threads of the server process, from /proc. */
    int threads() {
        try (var tasks = Files.list(Path.of("/proc", String.valueOf(pid()), "task"))) {
            return (int) tasks.count();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Threads of the server process whose name starts with {@code prefix} (the kernel keeps 15 characters of it). */
    int threadsNamed(String prefix) {
        try (var tasks = Files.list(Path.of("/proc", String.valueOf(pid()), "task"))) {
            return (int) tasks.filter(t -> {
                try {
                    return Files.readString(t.resolve("comm")).startsWith(prefix);
                } catch (IOException ended) {
                    return false; // the thread ended meanwhile
                }
            }).count();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Open TCP sockets of the server process: its socket descriptors that /proc/net/tcp{,6} lists. */
    int sockets() {
        try (var fds = Files.list(Path.of("/proc", String.valueOf(pid()), "fd"))) {
            java.util.Set<String> tcp = new java.util.HashSet<>();
            for (String table : new String[] {"/proc/net/tcp", "/proc/net/tcp6"}) {
                for (String line : Files.readAllLines(Path.of(table))) {
                    String[] f = line.trim().split("\\s+");
                    if (f.length > 9) {
                        tcp.add(f[9]);
                    }
                }
            }
            return (int) fds.filter(f -> {
                try {
                    String link = Files.readSymbolicLink(f).toString();
                    return link.startsWith("socket:[") && tcp.contains(link.substring(8, link.length() - 1));
                } catch (IOException e) {
                    return false;
                }
            }).count();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    boolean alive() {
        return process.isAlive();
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("storescp");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
