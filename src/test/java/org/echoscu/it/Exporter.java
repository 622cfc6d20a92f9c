package org.echoscu.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** bin/echoscu-exporter started by a test on a free loopback port, with a configuration file. */
final class Exporter implements AutoCloseable {

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    final int port;
    final Path config;
    private final Process process;
    private final Path log;

    private Exporter(int port, Path config, Process process, Path log) {
        this.port = port;
        this.config = config;
        this.process = process;
        this.log = log;
    }

    /** The exporter with {@code yaml} as its configuration and the given extra flags. */
    static Exporter start(String yaml, String... flags) {
        try {
            Path dir = Files.createTempDirectory("exporter");
            Path config = dir.resolve("echoscu-exporter.yml");
            Files.writeString(config, yaml);
            int port = Ports.free();
            List<String> cmd = new ArrayList<>(List.of(Commands.ROOT.resolve("bin/echoscu-exporter").toString(),
                    "--config.file=" + config, "--web.listen-address=127.0.0.1:" + port));
            cmd.addAll(List.of(flags));
            Path log = dir.resolve("exporter.log");
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            Exporter e = new Exporter(port, config, p, log);
            Ports.awaitListening(port, Duration.ofSeconds(30));
            return e;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    String url(String pathAndQuery) {
        return "http://127.0.0.1:" + port + pathAndQuery;
    }

    HttpResponse<String> get(String pathAndQuery, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url(pathAndQuery))).timeout(Duration.ofSeconds(60));
        if (headers.length > 0) {
            b.headers(headers);
        }
        try {
            return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<String> post(String path) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url(path))).POST(HttpRequest.BodyPublishers.noBody())
                    .build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    long pid() {
        return process.pid();
    }

    Process process() {
        return process;
    }

    int threads() {
        try (var tasks = Files.list(Path.of("/proc", String.valueOf(pid()), "task"))) {
            return (int) tasks.count();
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

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
