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
        int port = Ports.free();
        List<String> cmd = Commands.withPrefix(Commands.dcmtkBinary("storescp"), options);
        cmd.add("--output-directory");
        cmd.add(tempDir().toString());
        cmd.add(String.valueOf(port));
        return start(cmd, port);
    }

    /** Our bin/echoscp with the given options. */
    static Server echoscp(String... options) {
        int port = Ports.free();
        List<String> cmd = Commands.withPrefix(Commands.ROOT.resolve("bin/echoscp").toString(), options);
        cmd.add(String.valueOf(port));
        return start(cmd, port);
    }

    private static Server start(List<String> cmd, int port) {
        try {
            Path log = Files.createTempFile("server", ".log");
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
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
