package org.echoscu.exporter;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.core.metrics.Info;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

/**
 * The exporter's own metrics ({@code /metrics}): build, configuration reloads, probes by
 * module and result, their durations, probes in flight and refused, bad requests, and the JVM's
 * basics from Prometheus's official JVM instrumentation. Names are fixed (alert rules use them).
 */
final class ExporterMetrics {

    final PrometheusRegistry registry = new PrometheusRegistry();
    final Gauge reloadSuccessful;
    final Gauge reloadTimestamp;
    final Counter probes;
    final Histogram durations;
    final Gauge inFlight;
    final Counter refused;
    final Counter unknownModule;
    final Counter badRequests;

    ExporterMetrics(String version) {
        Info build = Info.builder().name("echoscu_exporter_build_info")
                .help("The exporter's version; the value is 1.").labelNames("version").register(registry);
        build.setLabelValues(version);
        reloadSuccessful = Gauge.builder().name("echoscu_exporter_config_last_reload_successful")
                .help("Whether the last (re)load of the configuration file succeeded.").register(registry);
        reloadTimestamp = Gauge.builder().name("echoscu_exporter_config_last_reload_success_timestamp_seconds")
                .help("When the configuration was last loaded successfully.").register(registry);
        probes = Counter.builder().name("echoscu_exporter_probes_total")
                .help("Probes made, by module and result (success or failure).").labelNames("module", "result")
                .register(registry);
        durations = Histogram.builder().name("echoscu_exporter_probe_duration_seconds")
                .help("How long probes took, by module.").labelNames("module").classicOnly()
                .classicUpperBounds(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30)
                .register(registry);
        inFlight = Gauge.builder().name("echoscu_exporter_probes_in_flight")
                .help("Probes running now (not those waiting for capacity).").register(registry);
        refused = Counter.builder().name("echoscu_exporter_probes_refused_total")
                .help("Probes not made, by reason (capacity: the bounds stayed full until the deadline).")
                .labelNames("reason").register(registry);
        refused.labelValues("capacity");
        unknownModule = Counter.builder().name("echoscu_exporter_module_unknown_total")
                .help("Probe requests naming a module the configuration does not have.").register(registry);
        badRequests = Counter.builder().name("echoscu_exporter_bad_requests_total")
                .help("Requests answered 400: a missing or malformed target, an unknown parameter.")
                .register(registry);
        JvmMetrics.builder().register(registry);
    }
}
