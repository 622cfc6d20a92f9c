package org.echoscu.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

import tools.jackson.databind.JsonNode;

/**
 * contrib/prometheus/prometheus-sharded.yml at work: two echoscu-exporters and one real
 * Prometheus (Debian's, scraping every second) probe DICOM peers on loopback, each peer by
 * exactly one exporter. The shipped file is used as it is, but for its addresses (the
 * exporters' free ports), its intervals (1 s) and where the targets file is.
 *
 * <p>Peers: our bin/echoscp under several called AE titles (each a target of its own), and a
 * port where nothing listens, probed with a module of their own ("refusing"). The targets are
 * chosen so that each shard gets live peers and only shard 1 the refusing ones: then exporter
 * 0 must never have made a probe of module "refusing". Which exporter probed a live peer is
 * seen at the peer: each exporter calls with its own AE title, and echoscp logs calling and
 * called AE title of every association.
 */
class ExporterShardingIT {

    private static final String[] EXPORTER_HOSTS = {"echoscu-exporter-0.hospital.example:11104",
        "echoscu-exporter-1.hospital.example:11104"};
    private static final Pattern ASSOCIATION = Pattern.compile("Association Received 127\\.0\\.0\\.1: (\\S+) -> (\\S+)");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static Server echoscp;
    private static final List<Server> exporters = new ArrayList<>();
    private static Prometheus prometheus;
    /** target -> the shard that hashmod gives it; live targets first, then refused ones */
    private static final Map<String, Integer> shardOf = new LinkedHashMap<>();
    private static final Set<String> refused = new TreeSet<>();

    @BeforeAll
    static void start() throws IOException {
        echoscp = Server.echoscp("-v");
        int closed = Ports.free();
        pickTargets("PEER", "127.0.0.1:" + echoscp.port, new int[] {3, 3});
        pickTargets("GONE", "127.0.0.1:" + closed, new int[] {0, 2});

        Path dir = Shipped.tempDir("sharding");
        Map<String, String> exporterAddress = new HashMap<>();
        for (int i = 0; i < EXPORTER_HOSTS.length; i++) {
            int port = Ports.free();
            Path config = dir.resolve("exporter-" + i + ".yml");
            // no allowed_targets: loopback only, which is where the peers are; module "refusing"
            // probes as "echo" does, but is counted apart
            Files.writeString(config, "modules:\n" + module("echo", i) + module("refusing", i));
            exporters.add(Server.command(List.of(Commands.ROOT.resolve("bin/echoscu-exporter").toString(),
                    "--config.file=" + config, "--web.listen-address=127.0.0.1:" + port), port, Map.of()));
            exporterAddress.put(EXPORTER_HOSTS[i], "127.0.0.1:" + port);
        }

        Files.createDirectories(dir.resolve("targets"));
        StringBuilder targets = new StringBuilder("- labels:\n    site: test\n    department: loopback\n  targets:\n");
        shardOf.keySet().stream().filter(t -> !refused.contains(t)).forEach(t -> targets.append("    - ").append(t).append('\n'));
        targets.append("- labels:\n    site: test\n    department: nowhere\n    module: refusing\n  targets:\n");
        refused.forEach(t -> targets.append("    - ").append(t).append('\n'));
        Files.writeString(dir.resolve("targets/peers.yml"), targets);
        prometheus = Prometheus.start(Prometheus.config(shippedConfigFor(dir, exporterAddress)));
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (prometheus != null) {
            prometheus.close();
        }
        for (Server e : exporters) {
            e.close();
        }
        if (echoscp != null) {
            echoscp.close();
        }
    }

    private static String module(String name, int exporter) {
        return "  " + name + ":\n    calling_ae: EXPORTER" + exporter + "\n    timeout: 5s\n";
    }

    /** Adds targets NAME1@address, NAME2@address, … until each shard has the number asked for. */
    private static void pickTargets(String name, String address, int[] wanted) {
        int[] have = new int[wanted.length];
        for (int n = 1; have[0] < wanted[0] || have[1] < wanted[1]; n++) {
            String target = name + n + "@" + address;
            int shard = hashmod(target, wanted.length);
            if (have[shard] < wanted[shard]) {
                have[shard]++;
                shardOf.put(target, shard);
                if (name.equals("GONE")) {
                    refused.add(target);
                }
            }
        }
    }

    /**
     * Prometheus's hashmod relabelling: the MD5 of the value, its last 8 bytes as an unsigned
     * big-endian number, modulo the modulus (Prometheus's relabel.go). The test checks that
     * Prometheus agrees.
     */
    static int hashmod(String value, int modulus) {
        try {
            byte[] md5 = MessageDigest.getInstance("MD5").digest(value.getBytes(StandardCharsets.UTF_8));
            return (int) Long.remainderUnsigned(ByteBuffer.wrap(md5, 8, 8).getLong(), modulus);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The shipped prometheus-sharded.yml with this test's exporters, targets file, rules and 1 s intervals. */
    private static String shippedConfigFor(Path dir, Map<String, String> exporterAddress) throws IOException {
        Path contrib = Commands.ROOT.resolve("contrib/prometheus");
        @SuppressWarnings("unchecked")
        Map<String, Object> config = (Map<String, Object>) new Load(LoadSettings.builder().build())
                .loadFromString(Files.readString(contrib.resolve("prometheus-sharded.yml")));
        @SuppressWarnings("unchecked")
        Map<String, Object> global = (Map<String, Object>) config.get("global");
        global.put("scrape_interval", "1s");
        global.put("evaluation_interval", "1s");
        config.put("rule_files", List.of(contrib.resolve("echoscu-exporter.rules.yml").toString()));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> jobs = (List<Map<String, Object>>) config.get("scrape_configs");
        for (Map<String, Object> job : jobs) {
            job.put("scrape_interval", "1s");
            job.put("scrape_timeout", "1s");
        }
        String yaml = new Dump(DumpSettings.builder().build()).dumpToString(config);
        assertThat(yaml).contains("targets/*.yml");
        yaml = yaml.replace("targets/*.yml", dir.resolve("targets").toString() + "/*.yml");
        for (Map.Entry<String, String> e : exporterAddress.entrySet()) {
            assertThat(yaml).contains(e.getKey());
            yaml = yaml.replace(e.getKey(), e.getValue());
        }
        return yaml;
    }

    @Test
    void everyPeerIsProbedByExactlyOneExporterTheOneItsHashNames() throws Exception {
        // Prometheus's view: one probe_success series per peer, in the job of its shard; a live
        // peer answered at least once, a refusing one never
        JsonNode series = prometheus.awaitQuery("max_over_time(probe_success[5m])",
                r -> r.size() >= shardOf.size() && liveOnes(r) == shardOf.size() - refused.size(),
                Duration.ofMinutes(2));
        Map<String, String> jobOf = new TreeMap<>();
        for (JsonNode s : series) {
            String instance = s.get("metric").get("instance").asString();
            assertThat(jobOf.put(instance, s.get("metric").get("job").asString()))
                    .as("%s probed by a second job\n%s", instance, series).isNull();
            assertThat(s.get("value").get(1).asString()).as(instance)
                    .isEqualTo(refused.contains(instance) ? "0" : "1");
            assertThat(s.get("metric").get("site").asString()).as("the file_sd labels are kept").isEqualTo("test");
            assertThat(s.get("metric").get("module").asString()).as("the module from the file_sd label, or echo")
                    .isEqualTo(refused.contains(instance) ? "refusing" : "echo");
        }
        Map<String, String> expected = new TreeMap<>();
        shardOf.forEach((t, shard) -> expected.put(t, "dicom-shard-" + shard));
        assertThat(jobOf).as("%s\n%s", series, prometheus.log()).isEqualTo(expected);

        // the scrapes of each shard went to its own exporter
        for (JsonNode t : prometheus.api("/api/v1/targets?state=active").get("activeTargets")) {
            String job = t.get("labels").get("job").asString();
            if (job.startsWith("dicom-shard-")) {
                int shard = Integer.parseInt(job.substring("dicom-shard-".length()));
                assertThat(t.get("scrapeUrl").asString()).startsWith("http://127.0.0.1:" + exporters.get(shard).port + "/probe?");
            }
        }

        // the peer's view: each live peer was called by its shard's exporter, and only by it
        Map<String, Set<String>> callers = new TreeMap<>();
        Matcher m = ASSOCIATION.matcher(echoscp.log());
        while (m.find()) {
            callers.computeIfAbsent(m.group(2), k -> new TreeSet<>()).add(m.group(1));
        }
        Map<String, Set<String>> expectedCallers = new TreeMap<>();
        shardOf.forEach((t, shard) -> {
            if (!refused.contains(t)) {
                expectedCallers.put(t.substring(0, t.indexOf('@')), Set.of("EXPORTER" + shard));
            }
        });
        assertThat(callers).as(echoscp.log()).isEqualTo(expectedCallers);

        // the exporters' own counters: only exporter 1 has refusing peers (module "refusing")
        Map<String, Double> zero = probes(exporters.get(0));
        Map<String, Double> one = probes(exporters.get(1));
        assertThat(zero.getOrDefault("echo/success", 0.0)).as("exporter 0 %s", zero).isPositive();
        assertThat(zero.keySet()).as("exporter 0 %s", zero).noneMatch(k -> k.startsWith("refusing/") && zero.get(k) > 0);
        assertThat(one.getOrDefault("echo/success", 0.0)).as("exporter 1 %s", one).isPositive();
        assertThat(one.getOrDefault("refusing/failure", 0.0)).as("exporter 1 %s", one).isPositive();
        assertThat(one.getOrDefault("refusing/success", 0.0)).as("exporter 1 %s", one).isZero();
    }

    @Test
    void theShippedRulesSeeTheRefusingPeers() {
        // DicomProbeFailed waits 3 minutes before it fires: pending, for the refusing peers
        JsonNode alerts = prometheus.awaitQuery("ALERTS{alertname=\"DicomProbeFailed\"}",
                r -> r.size() >= refused.size(), Duration.ofMinutes(2));
        Set<String> instances = new TreeSet<>();
        for (JsonNode a : alerts) {
            instances.add(a.get("metric").get("instance").asString());
            assertThat(a.get("metric").get("alertstate").asString()).isEqualTo("pending");
            assertThat(a.get("metric").get("severity").asString()).isEqualTo("critical");
        }
        // (a live peer may miss a 0.5 s deadline on a loaded machine, and be pending a moment too)
        assertThat(instances).containsAll(refused);

        // its description reads the failure's reason and phase from the exporter's answer: once
        // the exporters are warm, "refused" (a cold, loaded start may see "capacity" or a timeout
        // first, while the first probes take longer than the scrapes' 1 s interval)
        Map<String, String> described = new TreeMap<>();
        long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        do {
            described.clear();
            for (JsonNode a : prometheus.api("/api/v1/alerts").get("alerts")) {
                String instance = a.get("labels").get("instance").asString();
                if (refused.contains(instance) && "DicomProbeFailed".equals(a.get("labels").get("alertname").asString())) {
                    described.put(instance, a.get("annotations").get("description").asString());
                }
            }
            if (described.keySet().equals(refused)
                    && described.values().stream().allMatch(d -> d.contains("Last failure: refused in the connect phase."))) {
                break;
            }
            Ports.sleep(500);
        } while (System.nanoTime() < end);
        assertThat(described.keySet()).isEqualTo(refused);
        described.forEach((instance, description) -> assertThat(description).as(instance).contains(
                "Last failure: refused in the connect phase.",
                "/probe?target=" + instance.replace("@", "%40").replace(":", "%3A") + "&module=refusing&debug=true"));
    }

    private static long liveOnes(JsonNode result) {
        long n = 0;
        for (JsonNode s : result) {
            n += s.get("value").get(1).asString().equals("1") ? 1 : 0;
        }
        return n;
    }

    /** echoscu_exporter_probes_total by "module/result", from an exporter's /metrics. */
    private static Map<String, Double> probes(Server exporter) throws IOException, InterruptedException {
        String text = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + exporter.port + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Map<String, Double> counts = new TreeMap<>();
        Matcher m = Pattern.compile("(?m)^echoscu_exporter_probes_total\\{([^}]*)\\} (\\S+)").matcher(text);
        while (m.find()) {
            counts.put(label(m.group(1), "module") + "/" + label(m.group(1), "result"), Double.parseDouble(m.group(2)));
        }
        assertThat(counts).as(text).isNotEmpty();
        return counts;
    }

    private static String label(String labels, String name) {
        Matcher m = Pattern.compile("(?:^|,)" + name + "=\"([^\"]*)\"").matcher(labels);
        assertThat(m.find()).as("%s in %s", name, labels).isTrue();
        return m.group(1);
    }
}
