package org.echoscu.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.echoscu.dimse.Message;
import org.echoscu.pdu.AReleaseRq;
import org.echoscu.tls.TlsProfile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * echoscu-exporter against real peers on loopback: our echoscp, DCMTK's storescp, a refusing
 * port, a silent peer and hostile fake peers, scraped by curl-like requests, by
 * {@code promtool check metrics}, and by a real Prometheus (Debian's) with the multi-target
 * relabelling, whose query API must show the right {@code probe_success} and failure reasons,
 * and {@code up 1} for a silent target whose wait is longer than the scrape's timeout.
 */
class ExporterIT {

    private static final String CONFIG = """
            allowed_targets:
              - 127.0.0.1
            modules:
              echo:
                timeout: 5s
              short:
                calling_ae: SHORT
                timeout: 1s
              tls:
                tls:
                  ca_file: %s
                  cert_file: %s
                  key_file: %s
              listed:
                transfer_syntaxes:
                  - 1.2.840.10008.1.2
                  - 1.2.840.10008.1.2.5
              implicit_only:
                transfer_syntaxes: [1.2.840.10008.1.2]
              report:
                peer_info: true
                peer_info_sop_classes: [CTImageStorage, MRImageStorage]
                transfer_syntaxes:
                  - 1.2.840.10008.1.2.1
                  - %s
            """;
    /** A UID of no transfer syntax we know: the list form takes it, the peer report proposes it. */
    private static final String PRIVATE_SYNTAX = "1.2.826.0.1.3680043.9.9999.1";
    /**
     * What {@link #picky} accepts for Verification, as its configuration file says (DCMTK's
     * asccfg: storescp -xf): no Implicit VR Little Endian, which every SCP takes by default.
     */
    private static final List<String> PICKY_ACCEPTS = List.of("1.2.840.10008.1.2.1", "1.2.840.10008.1.2.5",
            "1.2.840.10008.1.2.4.90");
    private static final String CT = "1.2.840.10008.5.1.4.1.1.2";
    private static final String MR = "1.2.840.10008.5.1.4.1.1.4";
    /** What {@link #picky} accepts for CT Image Storage; it has no context for MR Image Storage. */
    private static final List<String> PICKY_CT_ACCEPTS = List.of("1.2.840.10008.1.2.4.80", "1.2.840.10008.1.2.1");

    private static Server echoscp;
    private static Server storescp;
    /** storescp accepting {@link #PICKY_ACCEPTS} only. */
    private static Server picky;
    private static ServerSocket silent;
    private static int refusing;
    private static Exporter exporter;
    /** {@link #CONFIG} with the test PKI's files. */
    private static String config;

    @BeforeAll
    static void start() throws IOException {
        echoscp = Server.echoscp();
        storescp = Server.storescp();
        silent = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1")); // accepts in the kernel, never answers
        refusing = Ports.free();
        picky = Server.storescp("-xf", pickyConfig().toString(), "Picky");
        config = CONFIG.formatted(TlsRuns.pki("ca.pem"), TlsRuns.pki("client.pem"), TlsRuns.pki("client.key"),
                PRIVATE_SYNTAX);
        exporter = Exporter.start(config);
    }

    @AfterAll
    static void stop() throws Exception {
        exporter.close();
        echoscp.close();
        storescp.close();
        picky.close();
        silent.close();
    }

    private static String probe(String target, String module, String... headers) {
        HttpResponse<String> r = exporter.get("/probe?target=" + URLEncoder.encode(target, StandardCharsets.UTF_8)
                + "&module=" + module, headers);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return r.body();
    }

    /** The value of the sample {@code series} (name with its labels as written), or null. */
    static Double value(String body, String series) {
        for (String line : body.split("\n")) {
            if (line.startsWith(series + " ")) {
                return Double.parseDouble(line.substring(series.length() + 1).trim());
            }
        }
        return null;
    }

    @Test
    void ourEchoscpAndStorescpSucceedWithEveryPhase() {
        for (Server s : List.of(echoscp, storescp)) {
            String body = probe("ANY-SCP@127.0.0.1:" + s.port, "echo");
            assertThat(value(body, "probe_success")).as(body).isEqualTo(1.0);
            assertThat(value(body, "probe_dicom_echo_status")).as(body).isEqualTo(0.0);
            for (String phase : List.of("resolve", "connect", "associate", "echo", "release")) {
                assertThat(value(body, "probe_dicom_phase_duration_seconds{phase=\"" + phase + "\"}")).as(body)
                        .isNotNull().isGreaterThanOrEqualTo(0.0);
            }
            assertThat(body).doesNotContain("probe_dicom_failure_info");
            assertThat(value(body, "probe_ip_protocol")).isEqualTo(4.0);
            assertThat(value(body, "probe_timeout_seconds")).isEqualTo(5.0);
        }
        String dcmtk = probe("127.0.0.1:" + storescp.port, "echo");
        assertThat(dcmtk).contains("probe_dicom_peer_info{implementation_class_uid=\"1.2.276.0.7230010.3.0.");
    }

    @Test
    void storescpOverTlsGivesTheCertificatesExpiryVersionAndCipher() throws Exception {
        long server = notAfter("server.pem");
        long ca = notAfter("ca.pem");
        try (Server tls = Server.storescp(TlsRuns.serverTls(TlsProfile.BCP195_ND).toArray(new String[0]))) {
            String body = probe("127.0.0.1:" + tls.port, "tls");
            assertThat(value(body, "probe_success")).as(body).isEqualTo(1.0);
            // OpenSSL sends the server's certificate and, from storescp's trusted CA, its issuer: the
            // earliest expiry is the earlier of the two (the PKI makes the CA a second before the server)
            double earliest = Math.min(server, ca);
            assertThat(value(body, "probe_ssl_earliest_cert_expiry")).as(body).isEqualTo(earliest);
            assertThat(value(body, "probe_ssl_last_chain_expiry_timestamp_seconds")).as(body).isEqualTo(earliest);
            assertThat(body).containsPattern("probe_tls_version_info\\{version=\"TLS 1\\.[23]\"} 1");
            assertThat(body).containsPattern("probe_tls_cipher_info\\{cipher=\"TLS_[A-Z0-9_]+\"} 1");
            assertThat(value(body, "probe_dicom_phase_duration_seconds{phase=\"tls\"}")).as(body).isNotNull();
            promtool(body);
        }
        String plain = probe("127.0.0.1:" + storescp.port, "echo");
        assertThat(plain).doesNotContain("probe_ssl_").doesNotContain("probe_tls_");
    }

    /** The notAfter of a test PKI certificate, in Unix seconds. */
    private static long notAfter(String pem) throws Exception {
        try (InputStream in = Files.newInputStream(Path.of(TlsRuns.pki(pem)))) {
            return ((X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in)).getNotAfter()
                    .toInstant().getEpochSecond();
        }
    }

    /** storescp's association configuration: Verification with {@link #PICKY_ACCEPTS}, CT with {@link #PICKY_CT_ACCEPTS}. */
    private static Path pickyConfig() throws IOException {
        StringBuilder cfg = new StringBuilder("[[TransferSyntaxes]]\n");
        Map<String, List<String>> lists = Map.of("Accepted", PICKY_ACCEPTS, "CtAccepted", PICKY_CT_ACCEPTS);
        for (Map.Entry<String, List<String>> e : lists.entrySet()) {
            cfg.append('[').append(e.getKey()).append("]\n");
            for (int i = 0; i < e.getValue().size(); i++) {
                cfg.append("TransferSyntax").append(i + 1).append(" = ").append(e.getValue().get(i)).append('\n');
            }
        }
        cfg.append("[[PresentationContexts]]\n[Verification]\nPresentationContext1 = 1.2.840.10008.1.1\\Accepted\n")
                .append("PresentationContext2 = ").append(CT).append("\\CtAccepted\n")
                .append("[[Profiles]]\n[Picky]\nPresentationContexts = Verification\n");
        Path file = Files.createTempFile("picky", ".cfg");
        Files.writeString(file, cfg);
        return file;
    }

    @Test
    void aTransferSyntaxListIsProposedInItsOrderAndOnlyIt() {
        String body = exporter.get("/probe?target=127.0.0.1:" + picky.port + "&module=listed&debug=true").body();
        assertThat(body).contains("probe_success 1");
        // the A-ASSOCIATE-RQ as logged: one context, the list's two syntaxes in its order, nothing else
        Matcher rq = Pattern.compile("Proposed Transfer Syntax\\(es\\):\n((?:D: +=\\S+\n)+)").matcher(body);
        assertThat(rq.find()).as(body).isTrue();
        assertThat(rq.group(1).replace("D:", "").trim().split("\\s+")).containsExactly("=LittleEndianImplicit", "=RLELossless");
        assertThat(rq.find()).as("one context").isFalse();
        // picky takes the one of them it is configured for
        assertThat(body).contains("Accepted Transfer Syntax: =RLELossless");
        assertThat(body).contains("Module configuration:", "  transfer_syntaxes:\n    - 1.2.840.10008.1.2 # LittleEndianImplicit\n"
                + "    - 1.2.840.10008.1.2.5 # RLELossless\n");
        // the same peer, a list without any syntax it takes: no acceptable context; storescp takes the default's
        String implicit = probe("127.0.0.1:" + picky.port, "implicit_only");
        assertThat(value(implicit, "probe_success")).as(implicit).isEqualTo(0.0);
        assertThat(value(implicit, "probe_dicom_failure_info{phase=\"associate\",reason=\"no-acceptable-context\"}"))
                .as(implicit).isEqualTo(1.0);
        assertThat(value(probe("127.0.0.1:" + storescp.port, "implicit_only"), "probe_success")).isEqualTo(1.0);
    }

    @Test
    void peerInfoGivesTheTransferSyntaxesTheConfiguredStorescpAccepts() {
        String body = probe("127.0.0.1:" + picky.port, "report");
        promtool(body);
        assertThat(value(body, "probe_success")).as(body).isEqualTo(1.0);
        assertThat(value(body, "probe_dicom_peer_report_success")).as(body).isEqualTo(1.0);
        assertThat(value(body, "probe_dicom_sop_class_accepted{sop_class=\"1.2.840.10008.1.1\"}")).isEqualTo(1.0);
        assertThat(value(body, "probe_dicom_sop_class_accepted{sop_class=\"" + CT + "\"}")).isEqualTo(1.0);
        assertThat(value(body, "probe_dicom_sop_class_accepted{sop_class=\"" + MR + "\"}")).as("not configured")
                .isEqualTo(0.0);
        Map<String, List<String>> accepted = new java.util.HashMap<>();
        Matcher m = Pattern.compile("(?m)^probe_dicom_accepted_transfer_syntax_info\\{sop_class=\"([0-9.]+)\","
                + "transfer_syntax=\"([0-9.]+)\"} 1(?:\\.0)?$").matcher(body);
        while (m.find()) {
            accepted.computeIfAbsent(m.group(1), k -> new ArrayList<>()).add(m.group(2));
        }
        assertThat(accepted.keySet()).as(body).containsExactlyInAnyOrder("1.2.840.10008.1.1", CT);
        assertThat(accepted.get("1.2.840.10008.1.1")).as(body).containsExactlyInAnyOrderElementsOf(PICKY_ACCEPTS);
        assertThat(accepted.get(CT)).as(body).containsExactlyInAnyOrderElementsOf(PICKY_CT_ACCEPTS);
        assertThat(body.lines().filter(l -> l.startsWith("probe_dicom_accepted_transfer_syntax_info{"))).hasSize(
                PICKY_ACCEPTS.size() + PICKY_CT_ACCEPTS.size());
        assertThat(body).doesNotContain(PRIVATE_SYNTAX);
        // the echo's own metrics are as without peer_info: it proposed the module's list
        assertThat(value(body, "probe_dicom_echo_status")).isEqualTo(0.0);
        String refused = probe("127.0.0.1:" + refusing, "report");
        promtool(refused);
        assertThat(value(refused, "probe_success")).isEqualTo(0.0);
        assertThat(value(refused, "probe_dicom_peer_report_success")).as("not made: no connection").isEqualTo(0.0);
        assertThat(refused).doesNotContain("probe_dicom_accepted_transfer_syntax_info");
    }

    @Test
    void peerInfoStaysWithinTheScrapeDeadline() {
        long start = System.nanoTime();
        String body = probe("127.0.0.1:" + silent.getLocalPort(), "report", "X-Prometheus-Scrape-Timeout-Seconds", "2");
        assertThat((System.nanoTime() - start) / 1e9).isLessThan(2.0);
        assertThat(value(body, "probe_dicom_failure_info{phase=\"associate\",reason=\"timeout-associate\"}"))
                .as(body).isEqualTo(1.0);
        assertThat(value(body, "probe_dicom_peer_report_success")).as(body).isEqualTo(0.0);
    }

    @Test
    void refusingPortFailsInConnect() {
        String body = probe("127.0.0.1:" + refusing, "echo");
        assertThat(value(body, "probe_success")).isEqualTo(0.0);
        assertThat(value(body, "probe_dicom_failure_info{phase=\"connect\",reason=\"refused\"}")).as(body).isEqualTo(1.0);
    }

    @Test
    void silentPeerEndsAtTheScrapeDeadline() {
        long start = System.nanoTime();
        String body = probe("127.0.0.1:" + silent.getLocalPort(), "echo", "X-Prometheus-Scrape-Timeout-Seconds", "2");
        double took = (System.nanoTime() - start) / 1e9;
        assertThat(value(body, "probe_timeout_seconds")).isEqualTo(1.5);
        assertThat(value(body, "probe_success")).isEqualTo(0.0);
        assertThat(value(body, "probe_dicom_failure_info{phase=\"associate\",reason=\"timeout-associate\"}"))
                .as(body).isEqualTo(1.0);
        assertThat(took).as("answered before the scrape's 2 s").isLessThan(2.0);
        String shortModule = probe("127.0.0.1:" + silent.getLocalPort(), "short", "X-Prometheus-Scrape-Timeout-Seconds", "10");
        assertThat(value(shortModule, "probe_timeout_seconds")).as("the module's timeout when smaller").isEqualTo(1.0);
    }

    @Test
    void hostilePeersGiveTheirReasons() throws Exception {
        try (FakePeer failing = FakePeer.start(c -> {
            c.associate();
            Message m = c.readMessage();
            c.sendCommand(1, FakePeer.Conn.echoRsp(m.command().us(org.echoscu.dimse.Tag.MESSAGE_ID), 0x0122));
            assertThat(c.read()).isInstanceOf(AReleaseRq.class);
            c.send(new org.echoscu.pdu.AReleaseRp());
            c.awaitClose();
        }); FakePeer noRelease = FakePeer.start(c -> {
            c.associate();
            Message m = c.readMessage();
            c.sendCommand(1, FakePeer.Conn.echoRsp(m.command().us(org.echoscu.dimse.Tag.MESSAGE_ID), 0));
            assertThat(c.read()).isInstanceOf(AReleaseRq.class);
            c.holdOpen(); // never answers the release, never closes
        })) {
            String status = probe("127.0.0.1:" + failing.port, "echo");
            assertThat(value(status, "probe_dicom_echo_status")).as(status).isEqualTo(0x0122);
            assertThat(status).contains("probe_dicom_failure_info{phase=\"echo\",reason=\"status\"} 1");
            long start = System.nanoTime();
            String release = probe("127.0.0.1:" + noRelease.port, "echo", "X-Prometheus-Scrape-Timeout-Seconds", "2");
            assertThat((System.nanoTime() - start) / 1e9).isLessThan(2.0);
            assertThat(release).as(release).contains("reason=\"timeout-release\"");
            assertThat(value(release, "probe_dicom_peer_info{implementation_class_uid=\"1.2.3.4\",implementation_version_name=\"FAKE\"}"))
                    .isEqualTo(1.0);
        }
    }

    @Test
    void badRequestsAreRefusedAndCounted() {
        assertThat(exporter.get("/probe?target=127.0.0.1:" + echoscp.port + "&module=nope").statusCode()).isEqualTo(400);
        assertThat(exporter.get("/probe?module=echo").statusCode()).isEqualTo(400);
        assertThat(exporter.get("/probe?target=no-port&module=echo").statusCode()).isEqualTo(400);
        HttpResponse<String> extra = exporter.get("/probe?target=127.0.0.1:" + echoscp.port + "&module=echo&timeout=1");
        assertThat(extra.statusCode()).isEqualTo(400);
        assertThat(extra.body()).contains("unknown parameter \"timeout\"");
        String metrics = exporter.get("/metrics").body();
        assertThat(value(metrics, "echoscu_exporter_module_unknown_total")).isGreaterThanOrEqualTo(1.0);
        assertThat(value(metrics, "echoscu_exporter_bad_requests_total")).isGreaterThanOrEqualTo(3.0);
        assertThat(exporter.get("/-/healthy").statusCode()).isEqualTo(200);
    }

    @Test
    void aTargetOutsideAllowedTargetsGets403AndNoConnection() throws Exception {
        // 127.0.0.2 is loopback, but the configuration allows 127.0.0.1 only
        try (ServerSocket forbidden = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.2"))) {
            forbidden.setSoTimeout(1000);
            HttpResponse<String> r = exporter.get("/probe?target=127.0.0.2:" + forbidden.getLocalPort() + "&module=echo");
            assertThat(r.statusCode()).isEqualTo(403);
            assertThat(r.body()).contains("not in allowed_targets");
            try (Socket s = forbidden.accept()) {
                fail("the exporter connected to a forbidden target: " + s);
            } catch (java.net.SocketTimeoutException expected) {
                // nothing came
            }
        }
    }

    @Test
    void debugShowsTheProbeLogTheMetricsAndTheModule() {
        String body = exporter.get("/probe?target=127.0.0.1:" + echoscp.port + "&module=short&debug=true").body();
        assertThat(body).contains("I: Requesting Association", "D: ======================= END A-ASSOCIATE-AC",
                "probe_success 1", "Module configuration:", "calling_ae: SHORT");
    }

    @Test
    void openMetricsWhenAsked() {
        HttpResponse<String> r = exporter.get("/probe?target=127.0.0.1:" + echoscp.port + "&module=echo",
                "Accept", "application/openmetrics-text; version=1.0.0; charset=utf-8");
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/openmetrics-text");
        assertThat(r.body()).endsWith("# EOF\n");
    }

    @Test
    void promtoolAcceptsBothEndpoints() {
        promtool(probe("127.0.0.1:" + echoscp.port, "echo"));
        promtool(probe("127.0.0.1:" + refusing, "echo"));
        promtool(exporter.get("/metrics").body());
    }

    static void promtool(String metrics) {
        Run check = Commands.run(List.of(tool("promtool"), "check", "metrics"), Duration.ofSeconds(60), metrics, Map.of());
        assertThat(check.exitCode()).as("promtool check metrics on\n%s\n%s", metrics, check).isZero();
    }

    static String tool(String name) {
        for (String dir : new String[] {"/usr/bin", "/usr/local/bin"}) {
            if (new java.io.File(dir, name).canExecute()) {
                return dir + "/" + name;
            }
        }
        return fail(name + " is not installed: apt-get install -y prometheus (.ci/run does this)");
    }

    @Test
    void prometheusScrapesLiveRefusingAndSilentTargets() throws Exception {
        Path dir = Files.createTempDirectory("prometheus");
        int port = Ports.free();
        Files.writeString(dir.resolve("prometheus.yml"), """
                global:
                  scrape_interval: 1s
                  scrape_timeout: 1s
                scrape_configs:
                  - job_name: dicom
                    metrics_path: /probe
                    params:
                      module: [echo]
                    static_configs:
                      - targets: ['ECHO@127.0.0.1:%d', '127.0.0.1:%d', '127.0.0.1:%d']
                    relabel_configs:
                      - source_labels: [__address__]
                        target_label: __param_target
                      - source_labels: [__param_target]
                        target_label: instance
                      - target_label: __address__
                        replacement: 127.0.0.1:%d
                  - job_name: exporter
                    static_configs:
                      - targets: ['127.0.0.1:%d']
                """.formatted(echoscp.port, refusing, silent.getLocalPort(), exporter.port, exporter.port));
        Process prometheus = new ProcessBuilder(tool("prometheus"), "--config.file=" + dir.resolve("prometheus.yml"),
                "--storage.tsdb.path=" + dir.resolve("data"), "--web.listen-address=127.0.0.1:" + port)
                .redirectErrorStream(true).redirectOutput(dir.resolve("prometheus.log").toFile()).start();
        try {
            Ports.awaitListening(port, Duration.ofSeconds(30));
            String live = "ECHO@127.0.0.1:" + echoscp.port;
            String refused = "127.0.0.1:" + refusing;
            String quiet = "127.0.0.1:" + silent.getLocalPort();
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            String last = "";
            while (System.nanoTime() < end) {
                Map<String, String> success = byInstance(query(port, "probe_success"), null);
                Map<String, String> up = byInstance(query(port, "up{job=\"dicom\"}"), null);
                Map<String, String> reasons = byInstance(query(port, "probe_dicom_failure_info"), "reason");
                Map<String, String> own = byInstance(query(port, "echoscu_exporter_probes_total{result=\"failure\"}"), null);
                last = success + " " + up + " " + reasons + " " + own;
                if (!own.isEmpty() && "1".equals(success.get(live)) && "0".equals(success.get(refused)) && "0".equals(success.get(quiet))
                        && "refused".equals(reasons.get(refused)) && "timeout-associate".equals(reasons.get(quiet))
                        && "1".equals(up.get(quiet)) && "1".equals(up.get(live)) && "1".equals(up.get(refused))) {
                    return;
                }
                Thread.sleep(500);
            }
            fail("Prometheus did not show the expected values within 60 s; last: " + last + "\n"
                    + Files.readString(dir.resolve("prometheus.log")));
        } finally {
            prometheus.destroy();
            prometheus.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static JsonNode query(int port, String promql) throws Exception {
        HttpResponse<String> r = Exporter.HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
        // while Prometheus starts it answers 503 in plain text: no samples yet
        return new ObjectMapper().readTree(r.statusCode() == 200 ? r.body() : "{}");
    }

    /** instance -> the sample's value, or the value of {@code label} when given. */
    private static Map<String, String> byInstance(JsonNode answer, String label) {
        Map<String, String> out = new java.util.TreeMap<>();
        for (JsonNode s : answer.path("data").path("result")) {
            String instance = s.path("metric").path("instance").asString();
            out.put(instance, label == null ? s.path("value").get(1).asString() : s.path("metric").path(label).asString());
        }
        return out;
    }

    @Test
    void fiveHundredProbesOfSilentPeersDoNotHoldUpALivePeer() throws Exception {
        List<ServerSocket> peers = new ArrayList<>();
        try (Exporter busy = Exporter.start(config.replace("timeout: 5s", "timeout: 25s"),
                "--probe.concurrency=512", "--probe.per-peer=4")) {
            for (int i = 0; i < 125; i++) {
                peers.add(new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1")));
            }
            int idle = busy.threads();
            List<CompletableFuture<HttpResponse<String>>> hung = new ArrayList<>();
            for (ServerSocket p : peers) {
                for (int i = 0; i < 4; i++) {
                    hung.add(Exporter.HTTP.sendAsync(HttpRequest.newBuilder(URI.create(busy.url(
                            "/probe?module=echo&target=127.0.0.1:" + p.getLocalPort()))).build(),
                            HttpResponse.BodyHandlers.ofString()));
                }
            }
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20); // on a loaded machine 500 connections take a while
            double inFlight = 0;
            while (System.nanoTime() < end && inFlight < 500) {
                inFlight = value(busy.get("/metrics").body(), "echoscu_exporter_probes_in_flight");
                Thread.sleep(100);
            }
            assertThat(inFlight).as("probes in flight").isEqualTo(500.0);
            long sent = System.nanoTime();
            HttpResponse<String> live = busy.get("/probe?module=echo&target=127.0.0.1:" + echoscp.port);
            double wall = (System.nanoTime() - sent) / 1e9;
            String body = live.body();
            assertThat(value(body, "probe_success")).as(body).isEqualTo(1.0);
            double phases = 0;
            Matcher m = Pattern.compile("probe_dicom_phase_duration_seconds\\{phase=\"\\w+\"} (\\S+)").matcher(body);
            while (m.find()) {
                phases += Double.parseDouble(m.group(1));
            }
            assertThat(wall - phases).as("time of the live probe beyond its own phases, as the client saw it (%s)", body)
                    .isLessThan(0.5);
            int threads = busy.threads();
            assertThat(threads).as("threads with 500 probes in flight (idle: %d)", idle)
                    .isLessThanOrEqualTo(idle + 2 * 512 + 8);
            int failed = 0;
            for (CompletableFuture<HttpResponse<String>> f : hung) {
                if (value(f.get(60, TimeUnit.SECONDS).body(), "probe_success") == 0.0) {
                    failed++;
                }
            }
            assertThat(failed).isEqualTo(500);
        } finally {
            for (ServerSocket p : peers) {
                p.close();
            }
        }
    }
}
