package org.echoscu.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * Operating echoscu-exporter: reload on SIGHUP and POST /-/reload with a good, an unchanged and a
 * broken file (the old configuration keeps serving, the metric says so), and SIGTERM with a
 * probe in flight against a slow peer (it finishes, the process exits 0, no stack trace).
 */
class ExporterOperationsIT {

    private static final String ONE = "modules:\n  echo:\n    timeout: 5s\n";
    private static final String TWO = ONE + "  second:\n    calling_ae: SECOND\n";

    private static double reloadOk(Exporter e) {
        return ExporterIT.value(e.get("/metrics").body(), "echoscu_exporter_config_last_reload_successful");
    }

    @Test
    void reloadsOnSighupAndPostAndKeepsTheLastGoodFile() throws Exception {
        try (Server echoscp = Server.echoscp(); Exporter e = Exporter.start(ONE)) {
            String probeSecond = "/probe?module=second&target=127.0.0.1:" + echoscp.port;
            assertThat(e.get(probeSecond).statusCode()).isEqualTo(400);

            Files.writeString(e.config, TWO);
            new ProcessBuilder("kill", "-HUP", Long.toString(e.pid())).start().waitFor();
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (e.get(probeSecond).statusCode() != 200 && System.nanoTime() < end) {
                Thread.sleep(100);
            }
            assertThat(e.get(probeSecond).body()).contains("probe_success 1");

            HttpResponse<String> unchanged = e.post("/-/reload");
            assertThat(unchanged.statusCode()).isEqualTo(200);
            assertThat(e.get("/-/reload").statusCode()).as("GET is not a reload").isEqualTo(405);

            Files.writeString(e.config, TWO + "  third:\n    timout: 5s\n");
            HttpResponse<String> broken = e.post("/-/reload");
            assertThat(broken.statusCode()).isEqualTo(500);
            assertThat(broken.body()).contains(":7: key 'modules.third.timout': unknown key");
            assertThat(reloadOk(e)).isEqualTo(0.0);
            assertThat(e.get(probeSecond).body()).as("the last good file serves").contains("probe_success 1");

            new ProcessBuilder("kill", "-HUP", Long.toString(e.pid())).start().waitFor();
            Thread.sleep(500);
            assertThat(e.log()).contains("configuration not reloaded, the last good one keeps serving");

            Files.writeString(e.config, ONE);
            assertThat(e.post("/-/reload").statusCode()).isEqualTo(200);
            assertThat(reloadOk(e)).isEqualTo(1.0);
            assertThat(e.get(probeSecond).statusCode()).isEqualTo(400);
        }
    }

    @Test
    void sigtermLetsAProbeInFlightFinishAndExitsZero() throws Exception {
        try (ServerSocket slow = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
             Exporter e = Exporter.start(ONE.replace("5s", "3s"))) {
            CompletableFuture<HttpResponse<String>> inFlight = new CompletableFuture<>();
            Thread scrape = new Thread(() -> {
                try {
                    inFlight.complete(e.get("/probe?module=echo&target=127.0.0.1:" + slow.getLocalPort()));
                } catch (RuntimeException x) {
                    inFlight.completeExceptionally(x);
                }
            }, "scrape");
            scrape.start();
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (ExporterIT.value(e.get("/metrics").body(), "echoscu_exporter_probes_in_flight") < 1
                    && System.nanoTime() < end) {
                Thread.sleep(50);
            }
            assertThat(ExporterIT.value(e.get("/metrics").body(), "echoscu_exporter_probes_in_flight"))
                    .as("a probe in flight").isEqualTo(1.0);
            new ProcessBuilder("kill", "-TERM", Long.toString(e.pid())).start().waitFor();
            HttpResponse<String> answer = inFlight.get(20, TimeUnit.SECONDS);
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.body()).contains("probe_success 0", "reason=\"timeout-associate\"");
            assertThat(e.process().waitFor(20, TimeUnit.SECONDS)).isTrue();
            assertThat(e.process().exitValue()).isZero();
            assertThat(e.log()).contains("msg=stopped").doesNotContain("Exception").doesNotContain("\tat ");
        }
    }

    @Test
    void logsOneLinePerFailureAtInfoAndPerProbeAtDebugInJson() throws Exception {
        int refusing = Ports.free();
        try (Server echoscp = Server.echoscp(); Exporter e = Exporter.start(ONE, "--log.level=debug", "--log.format=json")) {
            e.get("/probe?target=127.0.0.1:" + echoscp.port);
            e.get("/probe?target=127.0.0.1:" + refusing);
            Thread.sleep(300);
            assertThat(e.log()).contains("\"level\":\"debug\",\"msg\":\"probe succeeded\"", "\"module\":\"echo\"",
                    "\"level\":\"info\",\"msg\":\"probe failed\"", "\"reason\":\"refused\"",
                    "\"target\":\"ANY-SCP@127.0.0.1:" + refusing + "\"", "\"duration_seconds\":");
        }
    }
}
