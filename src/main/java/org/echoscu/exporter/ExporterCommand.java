package org.echoscu.exporter;

import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import org.echoscu.log.DcmtkLevel;
import org.echoscu.log.Logs;
import org.echoscu.net.AddressText;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import sun.misc.Signal;

/**
 * {@code echoscu-exporter}: the command line (flags named as blackbox_exporter names them), then
 * the service until SIGTERM or SIGINT. SIGHUP reloads the configuration and the web configuration.
 * See docs/exporter.md.
 */
@Command(name = "echoscu-exporter", mixinStandardHelpOptions = true, versionProvider = ExporterCommand.Version.class,
        sortOptions = false, usageHelpWidth = 100,
        description = "A Prometheus exporter that answers each scrape of /probe?target=CALLED_AE@HOST:PORT&module=NAME "
                + "with one DICOM association and C-ECHO (docs/exporter.md).")
public final class ExporterCommand implements Callable<Integer> {

    /**
     * The default port: outside Prometheus's exporter range 9100-9999, which its "default port
     * allocations" list shows fully taken (docs/exporter.md), not blackbox_exporter's 9115, so
     * that both run on one host; 11104 is free there (docs/exporter.md).
     */
    public static final int DEFAULT_PORT = 11104;
    static final String DEFAULT_CONFIG = "echoscu-exporter.yml";

    @Option(names = "--config.file", paramLabel = "FILE", description = "The configuration file (default: "
            + DEFAULT_CONFIG + "; when that default is missing, the built-in module 'echo' serves).")
    String configFile;

    @Option(names = "--web.listen-address", paramLabel = "[HOST]:PORT",
            description = "Where to listen; repeatable (default: :" + DEFAULT_PORT + ", every interface).")
    List<String> listen = new ArrayList<>();

    @Option(names = "--web.config.file", paramLabel = "FILE", description = "exporter-toolkit's web configuration: "
            + "TLS, basic authentication (bcrypt), response headers; re-read when it changes.")
    String webConfigFile;

    @Option(names = "--config.check", description = "Check the configuration file, say what is wrong and where, "
            + "and exit (0: valid, 1: not).")
    boolean check;

    @Option(names = "--timeout-offset", paramLabel = "SECONDS", defaultValue = "0.5",
            description = "Subtracted from the scrape's timeout to give the probe's deadline (default: 0.5).")
    double timeoutOffset;

    @Option(names = "--history.limit", paramLabel = "N", defaultValue = "100",
            description = "Probes kept for the status page and /logs (default: 100).")
    int historyLimit;

    @Option(names = "--probe.concurrency", paramLabel = "N", defaultValue = "64",
            description = "Probes in flight at most (default: 64).")
    int concurrency;

    @Option(names = "--probe.per-peer", paramLabel = "N", defaultValue = "4",
            description = "Probes in flight to one peer (host and port) at most (default: 4).")
    int perPeer;

    @Option(names = "--shutdown-timeout", paramLabel = "SECONDS", defaultValue = "10",
            description = "On SIGTERM, how long probes in flight may take to finish (default: 10).")
    int shutdownTimeout;

    @Option(names = "--log.level", paramLabel = "LEVEL", defaultValue = "info",
            description = "debug, info, warn or error (default: info).")
    String logLevel;

    @Option(names = "--log.format", paramLabel = "FORMAT", defaultValue = "logfmt",
            description = "logfmt or json (default: logfmt).")
    String logFormat;

    public static void main(String[] args) {
        // The JDK's HTTP server sends headers and body in two writes; with Nagle's algorithm on, the
        // second waits for the client's delayed ACK (some 40 ms), which capped keep-alive scrapes at
        // about 350 per second. Read once, when the server's configuration class loads.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
        CommandLine cl = new CommandLine(new ExporterCommand());
        cl.setParameterExceptionHandler((e, a) -> {
            PrintWriter err = e.getCommandLine().getErr();
            err.println("echoscu-exporter: " + e.getMessage());
            err.println("Try 'echoscu-exporter --help'.");
            return 2;
        });
        int code = cl.execute(args);
        if (code != Integer.MIN_VALUE) { // the service returns only to stop
            System.exit(code);
        }
    }

    @Override
    public Integer call() throws Exception {
        ExporterLog.Level level;
        try {
            level = ExporterLog.Level.valueOf(logLevel.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return usage("--log.level must be debug, info, warn or error");
        }
        if (!logFormat.equals("logfmt") && !logFormat.equals("json")) {
            return usage("--log.format must be logfmt or json");
        }
        if (concurrency < 1 || perPeer < 1 || historyLimit < 0 || timeoutOffset < 0 || shutdownTimeout < 0) {
            return usage("--probe.concurrency and --probe.per-peer must be 1 or more; --history.limit, "
                    + "--timeout-offset and --shutdown-timeout 0 or more");
        }
        ExporterLog log = new ExporterLog(level, logFormat.equals("json"));
        Logs.console(DcmtkLevel.OFF); // the requester's own lines go only to a probe's debug log
        Path file = configFile != null ? Path.of(configFile)
                : Files.exists(Path.of(DEFAULT_CONFIG)) ? Path.of(DEFAULT_CONFIG) : null;
        if (check) {
            try {
                LoadedConfig c = LoadedConfig.load(file);
                System.out.println((file == null ? "the built-in configuration" : file) + ": valid, "
                        + c.config().modules().size() + " module(s)");
                return 0;
            } catch (ConfigException e) {
                System.err.println(e.getMessage());
                return 1;
            }
        }
        List<InetSocketAddress> addresses = new ArrayList<>();
        for (String l : listen.isEmpty() ? List.of(":" + DEFAULT_PORT) : listen) {
            try {
                addresses.add(listenAddress(l));
            } catch (IllegalArgumentException e) {
                return usage("--web.listen-address " + l + ": " + e.getMessage());
            }
        }
        LoadedConfig initial;
        try {
            initial = LoadedConfig.load(file);
        } catch (ConfigException e) {
            log.error("cannot load the configuration", "err", e.getMessage());
            return 1;
        }
        for (String w : initial.warnings()) {
            log.warn(w);
        }
        if (file == null) {
            log.info("no configuration file: the built-in module 'echo' serves", "looked_for", DEFAULT_CONFIG);
        }
        if (initial.config().allowedTargets().loopbackOnly()) {
            log.warn("no allowed_targets configured: only loopback targets are probed; list the networks or hosts "
                    + "to probe under allowed_targets in the configuration file");
        }
        WebGate gate;
        try {
            gate = new WebGate(webConfigFile == null ? null : Path.of(webConfigFile), log);
        } catch (ConfigException e) {
            log.error("cannot load the web configuration", "err", e.getMessage());
            return 1;
        }
        // many probes at once: a read that waits blocks at once rather than yielding the CPU first
        org.echoscu.net.Transport.yieldBeforeBlocking(false);
        org.echoscu.net.Transport.blockOnReads(true); // and reads block, the watchdog ends them at their deadlines
        ExporterService service = new ExporterService(new ExporterService.Settings(file, addresses, timeoutOffset,
                concurrency, perPeer, historyLimit), initial, gate, log);
        List<InetSocketAddress> bound;
        try {
            bound = service.start();
        } catch (java.io.IOException e) {
            log.error("cannot listen", "address", addresses, "err", e.getClass().getSimpleName() + ": " + e.getMessage());
            return 1;
        }
        CountDownLatch stop = new CountDownLatch(1);
        Signal.handle(new Signal("HUP"), s -> {
            service.reload();
            service.refreshWebConfig(true);
        });
        Signal.handle(new Signal("TERM"), s -> stop.countDown());
        Signal.handle(new Signal("INT"), s -> stop.countDown());
        for (InetSocketAddress a : bound) {
            log.info("listening", "address", AddressText.of(a),
                    "version", ExporterBuild.VERSION);
        }
        stop.await();
        log.info("stopping: no new requests, waiting for probes in flight", "timeout_seconds", shutdownTimeout);
        service.stop(shutdownTimeout);
        log.info("stopped");
        return 0;
    }

    private static int usage(String message) {
        System.err.println("echoscu-exporter: " + message);
        return 2;
    }

    /** {@code :PORT}, {@code HOST:PORT} or {@code [IPV6]:PORT}. */
    static InetSocketAddress listenAddress(String text) {
        int colon = text.lastIndexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("expected [HOST]:PORT");
        }
        String host = text.substring(0, colon);
        int port;
        try {
            port = Integer.parseInt(text.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the port is not a number");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("the port must be 0..65535");
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        return host.isEmpty() ? new InetSocketAddress(port) : new InetSocketAddress(host, port);
    }

    /** --version: ours and the libraries that make the exporter. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"echoscu-exporter " + ExporterBuild.VERSION + " (" + ExporterBuild.DATE + ")",
                    "Prometheus Java client " + ExporterBuild.PROMETHEUS + ", SnakeYAML Engine "
                            + ExporterBuild.SNAKEYAML_ENGINE + ", Java " + System.getProperty("java.version")};
        }
    }

}
