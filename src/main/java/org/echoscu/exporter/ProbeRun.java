package org.echoscu.exporter;

import java.net.InetAddress;

import org.echoscu.probe.ProbeResult;

/**
 * One probe the exporter made, with what the exporter adds to the probe model: which module
 * and target it was for, the deadline it had, the address it resolved, and its log when asked.
 *
 * @param id              a number for {@code /logs?id=}
 * @param module          the module's name
 * @param target          as the scrape gave it
 * @param result          the probe model; every answer about the probe is a view of it
 * @param timeoutSeconds  the deadline the probe had, from its start
 * @param durationNanos   the whole probe, from the request's arrival (waits for capacity included)
 * @param address         the address the target's name resolved to, null when it did not
 * @param log             the probe's debug log, null unless asked for
 */
public record ProbeRun(long id, String module, ProbeTarget target, ProbeResult result, double timeoutSeconds,
                       long durationNanos, InetAddress address, String log) {
}
