package org.echoscu.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * A real Prometheus server (Debian's {@code prometheus}) on a free loopback port, with the
 * test's configuration and storage of its own, and its HTTP API (query, targets).
 */
final class Prometheus implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Server server;
    private final URI base;

    private Prometheus(Server server) {
        this.server = server;
        this.base = URI.create("http://127.0.0.1:" + server.port);
    }

    /** Starts Prometheus with this configuration file and waits until it is ready. */
    static Prometheus start(Path config) {
        String binary = Commands.debianTool("prometheus", "prometheus", "these tests scrape with a real Prometheus");
        int port = Ports.free();
        Path storage = Shipped.tempDir("prometheus-data");
        List<String> cmd = List.of(binary, "--config.file=" + config, "--storage.tsdb.path=" + storage,
                "--web.listen-address=127.0.0.1:" + port, "--log.level=warn");
        Prometheus p = new Prometheus(Server.command(cmd, port, java.util.Map.of()));
        p.awaitReady();
        return p;
    }

    private void awaitReady() {
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < end) {
            try {
                if (HTTP.send(HttpRequest.newBuilder(base.resolve("/-/ready")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            Ports.sleep(100);
        }
        fail("Prometheus not ready after 30 s:\n%s", server.log());
    }

    /** The {@code data} of an API answer, which must say {@code "status":"success"}. */
    JsonNode api(String pathAndQuery) {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(base.resolve(pathAndQuery))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            JsonNode answer = JSON.readTree(r.body());
            assertThat(answer.path("status").asString()).as("%s: %s", pathAndQuery, r.body()).isEqualTo("success");
            return answer.get("data");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** An instant query's result: a list of {@code {metric: {labels}, value: [time, "value"]}}. */
    JsonNode query(String promql) {
        JsonNode data = api("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8));
        assertThat(data.get("resultType").asString()).isEqualTo("vector");
        return data.get("result");
    }

    /** Queries until the result satisfies {@code done} (at most {@code limit}); returns the last result. */
    JsonNode awaitQuery(String promql, Predicate<JsonNode> done, Duration limit) {
        long end = System.nanoTime() + limit.toNanos();
        JsonNode result = query(promql);
        while (!done.test(result) && System.nanoTime() < end) {
            Ports.sleep(500);
            result = query(promql);
        }
        return result;
    }

    /** Prometheus's own log (warnings and errors). */
    String log() {
        return server.log();
    }

    /** Writes a configuration file into a new temporary directory. */
    static Path config(String yaml) {
        try {
            Path file = Shipped.tempDir("prometheus").resolve("prometheus.yml");
            Files.writeString(file, yaml);
            return file;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        server.close();
    }
}
