package org.echoscu.exporter;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.prometheus.metrics.expositionformats.ExpositionFormatWriter;
import io.prometheus.metrics.expositionformats.ExpositionFormats;

import org.echoscu.probe.Phase;
import org.echoscu.probe.ProbeResult;
import org.echoscu.probe.Reason;

/**
 * The HTTP service: {@code /probe}, {@code /metrics}, {@code /-/healthy}, {@code /-/reload}, on
 * the JDK's HTTP server with one bounded pool of threads for all listen addresses. The pool has
 * room for every probe that may run and every probe that may wait for capacity, and a few more
 * for the other endpoints; beyond it requests queue, up to a bound.
 */
final class ExporterService {

    private static final int QUEUE = 1024;

    private final Settings settings;
    private final ExporterLog log;
    private final ExporterMetrics metrics;
    private final Capacity capacity;
    private final DicomProber prober;
    private final RequestThreads pool;
    private final ExpositionFormats formats = ExpositionFormats.init();
    private final AtomicReference<LoadedConfig> config = new AtomicReference<>();
    private final AtomicLong ids = new AtomicLong();
    private final History history;
    /** Requests being answered, and whether SIGTERM came (then new ones get 503). */
    private final AtomicInteger active = new AtomicInteger();
    private volatile boolean stopping;
    private final java.time.Instant started = java.time.Instant.now();
    private final List<HttpServer> servers = new ArrayList<>();
    private final WebGate gate;
    private final java.util.concurrent.ScheduledExecutorService watcher =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor(daemon("exporter-web-config"));

    /** What the command line set. */
    record Settings(Path configFile, List<InetSocketAddress> listen, double timeoutOffset, int concurrency,
                    int perPeer, int historyLimit) {
    }

    ExporterService(Settings settings, LoadedConfig initial, WebGate gate, ExporterLog log) {
        this.settings = settings;
        this.gate = gate;
        this.log = log;
        this.metrics = new ExporterMetrics(ExporterBuild.VERSION);
        this.capacity = new Capacity(settings.concurrency(), settings.perPeer());
        this.prober = new DicomProber();
        this.history = new History(settings.historyLimit());
        int threads = 2 * settings.concurrency() + 8;
        this.pool = new RequestThreads(threads, QUEUE, daemon("exporter-http"));
        config.set(initial);
        metrics.reloadSuccessful.set(1);
        metrics.reloadTimestamp.set(System.currentTimeMillis() / 1000.0);
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** Binds every listen address; the addresses actually bound (port 0 resolved). */
    @SuppressWarnings("FutureReturnValueIgnored") // the watch runs until stop() shuts the watcher down; nothing waits on it
    List<InetSocketAddress> start() throws IOException {
        List<InetSocketAddress> bound = new ArrayList<>();
        for (InetSocketAddress a : settings.listen()) {
            HttpServer s;
            if (gate.tls()) {
                com.sun.net.httpserver.HttpsServer https = com.sun.net.httpserver.HttpsServer.create(a, 256);
                https.setHttpsConfigurator(gate.configurator());
                s = https;
            } else {
                s = HttpServer.create(a, 256);
            }
            s.createContext("/", this::handle);
            s.setExecutor(pool);
            s.start();
            servers.add(s);
            bound.add(s.getAddress());
        }
        // the web configuration is re-read when it changes (checked every 2 s: a stat and a small read)
        watcher.scheduleWithFixedDelay(() -> refreshWebConfig(false), 2, 2, TimeUnit.SECONDS);
        return bound;
    }

    /**
     * Re-reads the web configuration: when its bytes changed, or with {@code force} (SIGHUP) in any
     * case, so that a renewed certificate or key behind an unchanged file is taken up as well.
     * Synchronized: the watcher and a signal must not interleave their updates.
     */
    synchronized void refreshWebConfig(boolean force) {
        gate.refresh(force); // new connections take it up: the listeners' context asks the gate each time
    }

    /**
     * Takes no new request (each is answered 503), waits up to {@code seconds} for the requests in
     * hand, then closes the listeners. Not HttpServer.stop(delay) alone: it closes the connections
     * of exchanges still running, and on JDK 17 waits the whole delay even when none runs.
     */
    void stop(int seconds) {
        watcher.shutdownNow();
        stopping = true;
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        synchronized (active) {
            while (active.get() > 0 && System.nanoTime() < end) {
                try {
                    TimeUnit.NANOSECONDS.timedWait(active, end - System.nanoTime());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        for (HttpServer s : servers) {
            s.stop(0);
        }
        pool.shutdownNow();
    }

    LoadedConfig config() {
        return config.get();
    }

    /**
     * Reads the configuration file again; an unchanged file (same hash) is left alone, a bad one
     * keeps the configuration serving. Returns null on success, else the reason.
     */
    synchronized String reload() {
        if (settings.configFile() == null) {
            return null;
        }
        try {
            ExporterConfig read = ConfigFile.load(settings.configFile());
            if (read.hash().equals(config.get().config().hash())) {
                log.debug("configuration unchanged, not reloaded", "file", settings.configFile());
            } else {
                LoadedConfig next = LoadedConfig.of(read);
                for (String w : next.warnings()) {
                    log.warn(w);
                }
                config.set(next);
                log.info("configuration reloaded", "file", settings.configFile(), "modules", read.modules().size());
            }
            metrics.reloadSuccessful.set(1);
            metrics.reloadTimestamp.set(System.currentTimeMillis() / 1000.0);
            return null;
        } catch (ConfigException e) {
            metrics.reloadSuccessful.set(0);
            log.error("configuration not reloaded, the last good one keeps serving", "err", e.getMessage());
            return e.getMessage();
        }
    }

    private void handle(HttpExchange ex) throws IOException {
        active.incrementAndGet();
        try {
            if (stopping) {
                ex.getResponseHeaders().set("Connection", "close");
                text(ex, 503, "Shutting down\n");
                ex.close();
            } else {
                answer(ex);
            }
        } finally {
            if (active.decrementAndGet() == 0) {
                synchronized (active) {
                    active.notifyAll();
                }
            }
        }
    }

    private void answer(HttpExchange ex) throws IOException {
        try (ex) {
            if (!gate.admit(ex)) {
                return; // 401, nothing done
            }
            String path = ex.getRequestURI().getRawPath();
            String method = ex.getRequestMethod();
            switch (path) {
                case "/probe" -> {
                    if (allowGet(ex, method)) {
                        probe(ex);
                    }
                }
                case "/metrics" -> {
                    if (allowGet(ex, method)) {
                        write(ex, 200, formats.findWriter(ex.getRequestHeaders().getFirst("Accept")),
                                metrics.registry.scrape());
                    }
                }
                case "/-/healthy" -> {
                    if (allowGet(ex, method)) {
                        text(ex, 200, "Healthy\n");
                    }
                }
                case "/-/reload" -> {
                    if (!method.equals("POST")) {
                        ex.getResponseHeaders().set("Allow", "POST");
                        text(ex, 405, "This endpoint requires a POST request.\n");
                    } else {
                        String error = reload();
                        text(ex, error == null ? 200 : 500, error == null ? "" : "failed to reload config: " + error + "\n");
                    }
                }
                case "/" -> {
                    if (allowGet(ex, method)) {
                        ex.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
                        ex.getResponseHeaders().set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'");
                        send(ex, 200, StatusPage.render(history, started, settings.historyLimit())
                                .getBytes(StandardCharsets.UTF_8));
                    }
                }
                case "/logs" -> {
                    if (allowGet(ex, method)) {
                        logs(ex);
                    }
                }
                case "/config" -> {
                    if (allowGet(ex, method)) {
                        String source = config.get().config().source();
                        text(ex, 200, source != null ? source : "# the built-in configuration\nmodules:\n"
                                + ModuleText.of(Module.builtIn()).indent(2));
                    }
                }
                default -> text(ex, 404, "Not Found\n");
            }
        } catch (RuntimeException e) {
            log.error("request failed", "path", ex.getRequestURI().getRawPath(), "err", e.toString());
        }
    }

    /** {@code /logs?id=N}, or {@code /logs?target=T&module=M} for the latest probe of a target. */
    private void logs(HttpExchange ex) throws IOException {
        Map<String, String> q = new LinkedHashMap<>();
        String raw = ex.getRequestURI().getRawQuery();
        for (String pair : raw == null ? new String[0] : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                q.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        ProbeRun run = null;
        if (q.containsKey("id")) {
            try {
                run = history.byId(Long.parseLong(q.get("id")));
            } catch (NumberFormatException e) {
                run = null;
            }
        } else if (q.containsKey("target")) {
            run = history.last(q.get("target"), q.getOrDefault("module", "echo"));
        }
        if (run == null) {
            text(ex, 404, "No such probe in the history\n");
        } else {
            text(ex, 200, StatusPage.log(run));
        }
    }

    private static boolean allowGet(HttpExchange ex, String method) throws IOException {
        if (method.equals("GET") || method.equals("HEAD")) {
            return true;
        }
        ex.getResponseHeaders().set("Allow", "GET, HEAD");
        text(ex, 405, "Method Not Allowed\n");
        return false;
    }

    private void probe(HttpExchange ex) throws IOException {
        long arrived = System.nanoTime();
        Map<String, String> q;
        try {
            q = query(ex.getRequestURI().getRawQuery());
        } catch (IllegalArgumentException e) {
            bad(ex, e.getMessage());
            return;
        }
        LoadedConfig loaded = config.get(); // the probe keeps this module even if a reload comes
        String moduleName = q.getOrDefault("module", "echo");
        ModuleRuntime rt = loaded.modules().get(moduleName);
        if (rt == null) {
            metrics.unknownModule.inc();
            log.debug("unknown module", "module", moduleName);
            text(ex, 400, "Unknown module \"" + oneLine(moduleName) + "\"\n");
            return;
        }
        ProbeTarget target;
        try {
            target = ProbeTarget.parse(q.get("target"));
        } catch (IllegalArgumentException e) {
            bad(ex, e.getMessage());
            return;
        }
        boolean debug = "true".equals(q.get("debug"));
        double timeout = timeoutSeconds(ex.getRequestHeaders().getFirst("X-Prometheus-Scrape-Timeout-Seconds"),
                rt.module());
        long deadline = arrived + (long) (timeout * 1e9);
        DicomProber.Resolved resolved;
        try {
            resolved = DicomProber.resolve(target, rt.module(), loaded.config().allowedTargets());
        } catch (DicomProber.Forbidden e) {
            log.warn("probe refused", "target", target, "module", moduleName, "reason", e.getMessage());
            text(ex, 403, e.getMessage() + "\n");
            return;
        }
        StringBuilder probeLog = new StringBuilder(debug ? 8192 : 256);
        ProbeResult result;
        if (resolved.address() == null) {
            result = DicomProber.notMade(rt.module(), target, resolved, Reason.RESOLVE, Phase.RESOLVE,
                    "cannot resolve " + target.host() + " (" + rt.module().family().label() + ")");
        } else {
            result = probeWithin(rt, target, resolved, deadline, probeLog, debug);
        }
        ProbeRun run = new ProbeRun(ids.incrementAndGet(), moduleName, target, result, timeout,
                System.nanoTime() - arrived, resolved.address(), probeLog.toString());
        account(run);
        history.add(run);
        if (debug) {
            debugAnswer(ex, run, rt.module());
        } else {
            write(ex, 200, formats.findWriter(ex.getRequestHeaders().getFirst("Accept")), ProbeMetrics.of(run));
        }
    }

    private ProbeResult probeWithin(ModuleRuntime rt, ProbeTarget target, DicomProber.Resolved resolved, long deadline,
                                    StringBuilder probeLog, boolean debug) {
        boolean admitted;
        try {
            admitted = capacity.acquire(target.peer(), deadline);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            admitted = false;
        }
        if (!admitted) {
            metrics.refused.labelValues("capacity").inc();
            return DicomProber.notMade(rt.module(), target, resolved, Reason.CAPACITY, Phase.CONNECT,
                    "no capacity: " + settings.concurrency() + " probes in all, " + settings.perPeer()
                            + " per peer, until the deadline");
        }
        metrics.inFlight.inc();
        try {
            return prober.probe(rt, target, resolved, deadline, probeLog, debug);
        } finally {
            metrics.inFlight.dec();
            capacity.release(target.peer());
        }
    }

    /** Counts the probe and logs it: every probe at debug, each failure at info. */
    private void account(ProbeRun run) {
        ProbeResult r = run.result();
        boolean ok = r.outcome().ok();
        metrics.probes.labelValues(run.module(), ok ? "success" : "failure").inc();
        metrics.durations.labelValues(run.module()).observe(run.durationNanos() / 1e9);
        ExporterLog.Level level = ok ? ExporterLog.Level.DEBUG : ExporterLog.Level.INFO;
        if (log.enabled(level)) {
            log.log(level, ok ? "probe succeeded" : "probe failed", "id", run.id(), "target", run.target(),
                    "module", run.module(), "reason", r.outcome().reason().key(), "phase", r.outcome().phase().key(),
                    "duration_seconds", String.format(java.util.Locale.ROOT, "%.6f", run.durationNanos() / 1e9));
        }
    }

    private void debugAnswer(HttpExchange ex, ProbeRun run, Module m) throws IOException {
        StringBuilder sb = new StringBuilder();
        sb.append("Logs for the probe:\n").append(run.log());
        ProbeResult r = run.result();
        if (!r.outcome().ok() && r.outcome().message() != null) {
            sb.append("Probe failed: ").append(r.outcome().reason().key()).append(" in phase ")
                    .append(r.outcome().phase().key()).append(": ").append(r.outcome().message()).append('\n');
        }
        sb.append("\nMetrics that would have been returned:\n");
        sb.append(formats.getPrometheusTextFormatWriter().toDebugString(ProbeMetrics.of(run)));
        sb.append("\nModule configuration:\n").append(ModuleText.of(m));
        text(ex, 200, sb.toString());
    }

    /** The scrape's timeout less the offset, or the module's timeout when smaller (blackbox_exporter's rule). */
    double timeoutSeconds(String header, Module m) {
        double module = m.timeout().toNanos() / 1e9;
        if (header == null) {
            return module;
        }
        double scrape;
        try {
            scrape = Double.parseDouble(header);
        } catch (NumberFormatException e) {
            return module;
        }
        double t = scrape - settings.timeoutOffset();
        if (t <= 0) {
            t = scrape; // an offset as large as the timeout would leave nothing: the scrape's own
        }
        return Math.min(module, t);
    }

    private void bad(HttpExchange ex, String reason) throws IOException {
        metrics.badRequests.inc();
        log.debug("bad request", "reason", reason);
        text(ex, 400, oneLine(reason) + "\n");
    }

    /** target, module and debug, URL-decoded; any other parameter, or one given twice, is refused. */
    static Map<String, String> query(String raw) {
        Map<String, String> q = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return q;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            if (!key.equals("target") && !key.equals("module") && !key.equals("debug")) {
                throw new IllegalArgumentException("unknown parameter \"" + key + "\" (only target, module, debug)");
            }
            if (q.put(key, value) != null) {
                throw new IllegalArgumentException("parameter \"" + key + "\" given more than once");
            }
        }
        return q;
    }

    private static String oneLine(String s) {
        String t = s.replaceAll("[\\r\\n\\p{Cntrl}]", "?");
        return t.length() > 200 ? t.substring(0, 200) + "…" : t;
    }

    private static void write(HttpExchange ex, int status, ExpositionFormatWriter writer,
                              io.prometheus.metrics.model.snapshots.MetricSnapshots snapshots) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream(2048);
        writer.write(body, snapshots);
        ex.getResponseHeaders().set("Content-Type", writer.getContentType());
        send(ex, status, body.toByteArray());
    }

    static void text(HttpExchange ex, int status, String body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        send(ex, status, body.getBytes(StandardCharsets.UTF_8));
    }

    static void send(HttpExchange ex, int status, byte[] body) throws IOException {
        ex.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        boolean head = ex.getRequestMethod().equals("HEAD");
        ex.sendResponseHeaders(status, head || body.length == 0 ? -1 : body.length);
        if (!head && body.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
