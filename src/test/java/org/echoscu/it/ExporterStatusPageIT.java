package org.echoscu.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The status page in a real browser (Debian's chromium, headless): it renders, lists the probes
 * the test made with their results and reasons, and its links (each probe's log, the latest log
 * of a target, the configuration) work. Failures stay listed through a burst of successes.
 */
class ExporterStatusPageIT {

    private static final Pattern HREF = Pattern.compile("href=\"([^\"]+)\"");

    /** The page as chromium rendered it (its DOM after loading). */
    private static String browse(String url) {
        Run r = Commands.run(List.of(ExporterIT.tool("chromium"), "--headless", "--no-sandbox", "--disable-gpu",
                "--dump-dom", url), Duration.ofMinutes(2), "", Map.of());
        assertThat(r.exitCode()).as(r.toString()).isZero();
        return r.stdout();
    }

    @Test
    void theStatusPageListsTheProbesAndItsLinksWork() throws Exception {
        int refusing = Ports.free();
        try (Server echoscp = Server.echoscp();
             Exporter e = Exporter.start("modules:\n  echo:\n    timeout: 5s\n", "--history.limit=3")) {
            String failed = "ANY-SCP@127.0.0.1:" + refusing;
            assertThat(e.get("/probe?target=127.0.0.1:" + refusing).statusCode()).isEqualTo(200);
            for (int i = 0; i < 5; i++) { // more successes than the history keeps
                assertThat(e.get("/probe?target=PACS@127.0.0.1:" + echoscp.port).body()).contains("probe_success 1");
            }
            String dom = browse(e.url("/"));
            assertThat(dom).contains("<title>echoscu-exporter</title>", "Version ", "PACS@127.0.0.1:" + echoscp.port,
                    failed, ">refused<", ">success<", ">failure<");
            String probes = dom.substring(dom.indexOf("id=\"probes\""));
            assertThat(probes.split("<tr>").length - 2).as("3 successes and the failure").isEqualTo(4);
            assertThat(dom).doesNotContain("<script");

            List<String> links = new ArrayList<>();
            Matcher m = HREF.matcher(dom);
            while (m.find()) {
                links.add(m.group(1).replace("&amp;", "&"));
            }
            assertThat(links).contains("/config", "/metrics", "/-/healthy");
            String idLink = links.stream().filter(l -> l.startsWith("/logs?id=")).findFirst().orElseThrow();
            String targetLink = links.stream().filter(l -> l.startsWith("/logs?target=ANY-SCP")).findFirst().orElseThrow();
            assertThat(browse(e.url(idLink))).contains("Probe ", "module echo", "Result: ");
            assertThat(browse(e.url(targetLink))).contains("target " + failed, "failure, reason refused in phase connect");
            for (String link : links) {
                assertThat(e.get(link).statusCode()).as(link).isEqualTo(200);
            }
            assertThat(e.get("/config").body()).contains("timeout: 5s");
            assertThat(e.get("/logs?id=999999").statusCode()).isEqualTo(404);
        }
    }
}
