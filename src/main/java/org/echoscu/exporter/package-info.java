/**
 * echoscu-exporter: a long-running service that answers Prometheus's scrapes of
 * {@code /probe?target=…&module=…} with one real C-ECHO association each, in the conventions
 * of Prometheus's {@code blackbox_exporter} (docs/exporter.md).
 *
 * <p>The top of the layering, beside {@code cli}: it uses the probe model and the requester
 * ({@code scu}), TLS, networking and logging; nothing imports it. Every answer about a probe
 * is a view of {@link org.echoscu.probe.ProbeResult} ({@link org.echoscu.exporter.ProbeMetrics}).
 * Its libraries (the Prometheus client, SnakeYAML Engine) live in {@code lib/exporter}, which
 * only {@code bin/echoscu-exporter} puts on the class path.
 */
package org.echoscu.exporter;
