package org.echoscu.exporter;

import java.net.Inet6Address;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.InfoSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;

import org.echoscu.net.AddressText;
import org.echoscu.probe.PeerFacts;
import org.echoscu.probe.PeerReport;
import org.echoscu.probe.Phase;
import org.echoscu.probe.ProbeResult;
import org.echoscu.probe.Rejection;
import org.echoscu.probe.TlsSession;

/**
 * The answer of {@code /probe}: one probe as Prometheus metrics, a view of its
 * {@link ProbeResult}. blackbox_exporter's names where they mean the same (so that existing
 * alerts and dashboards work), DICOM's own under {@code probe_dicom_}. No label takes a value
 * from outside a small fixed set but the peer's implementation class UID and version name,
 * one series per peer.
 */
final class ProbeMetrics {

    private ProbeMetrics() {
    }

    static MetricSnapshots of(ProbeRun run) {
        ProbeResult r = run.result();
        List<MetricSnapshot> out = new ArrayList<>();
        out.add(gauge("probe_success", "Whether the probe verified the peer: association, C-ECHO with Success, release.",
                r.outcome().ok() ? 1 : 0));
        out.add(gauge("probe_duration_seconds", "How long the probe took, waits for capacity included.",
                run.durationNanos() / 1e9));
        out.add(gauge("probe_timeout_seconds", "The deadline the probe had: the scrape's timeout less the offset, "
                + "or the module's timeout when smaller.", run.timeoutSeconds()));
        r.times().nanos(Phase.RESOLVE).ifPresent(n -> out.add(gauge("probe_dns_lookup_time_seconds",
                "How long resolving the target's host name took.", n / 1e9)));
        if (run.address() != null) {
            out.add(gauge("probe_ip_protocol", "The IP version of the address probed (4 or 6).",
                    run.address() instanceof Inet6Address ? 6 : 4));
            out.add(gauge("probe_ip_addr_hash", "A hash of the address probed, to see when it changes.",
                    fnv32a(AddressText.of(run.address()))));
        }
        GaugeSnapshot.Builder phases = GaugeSnapshot.builder().name("probe_dicom_phase_duration_seconds")
                .help("How long each phase of the probe took (resolve, proxy, connect, tls, associate, echo, release).");
        for (Map.Entry<Phase, Long> e : r.times().asMap().entrySet()) {
            phases.dataPoint(GaugeSnapshot.GaugeDataPointSnapshot.builder()
                    .labels(Labels.of("phase", e.getKey().key())).value(e.getValue() / 1e9).build());
        }
        out.add(phases.build());
        if (r.status() != null) {
            out.add(gauge("probe_dicom_echo_status", "The Status (0000,0900) of the C-ECHO response; 0 is Success.",
                    r.status()));
        }
        if (!r.outcome().ok()) {
            out.add(info("probe_dicom_failure", "Why the probe failed: the phase and the stable reason.",
                    Labels.of("phase", r.outcome().phase().key(), "reason", r.outcome().reason().key())));
        }
        Rejection rj = r.outcome().rejection();
        if (rj != null) {
            out.add(info("probe_dicom_association_rejected", "The peer's A-ASSOCIATE-RJ: result, source and reason "
                    + "as numbers (PS3.8 table 9-21).", Labels.of("result", Integer.toString(rj.result()),
                    "source", Integer.toString(rj.source()), "reason", Integer.toString(rj.reason()))));
        }
        PeerFacts peer = r.peer();
        if (peer != null) {
            out.add(info("probe_dicom_peer", "The peer's Implementation Class UID and Version Name from its A-ASSOCIATE-AC.",
                    Labels.of("implementation_class_uid", orEmpty(peer.implementationClassUid()),
                            "implementation_version_name", orEmpty(peer.implementationVersionName()))));
            if (peer.maxPduLength() >= 0) {
                out.add(gauge("probe_dicom_peer_max_pdu_length_bytes",
                        "The largest PDU the peer receives; 0 means no limit.", peer.maxPduLength()));
            }
        }
        tls(r.tls(), out);
        report(r.report(), out);
        return new MetricSnapshots(out);
    }

    /**
     * {@code peer_info}'s metrics. Their labels are UIDs of our own proposal (the module's
     * configuration and echoscu's table), never the peer's words: a bounded number of series.
     */
    private static void report(PeerReport report, List<MetricSnapshot> out) {
        if (report == null) {
            return;
        }
        out.add(gauge("probe_dicom_peer_report_success", "Whether the peer report was made and the peer accepted "
                + "each of its associations.", report.complete() ? 1 : 0));
        out.add(gauge("probe_dicom_peer_report_duration_seconds", "How long the peer report's associations took.",
                report.durationNanos() / 1e9));
        GaugeSnapshot.Builder classes = GaugeSnapshot.builder().name("probe_dicom_sop_class_accepted")
                .help("Per SOP class of the peer report: whether the peer accepted it with at least one transfer "
                        + "syntax (absent when its association was not accepted).");
        InfoSnapshot.Builder pairs = InfoSnapshot.builder().name("probe_dicom_accepted_transfer_syntax")
                .help("Each SOP class and transfer syntax of the peer report that the peer accepted.");
        boolean anyClass = false;
        boolean anyPair = false;
        for (PeerReport.SopClass c : report.sopClasses()) {
            if (!c.probed()) {
                continue;
            }
            anyClass = true;
            anyPair |= !c.transferSyntaxes().isEmpty();
            classes.dataPoint(GaugeSnapshot.GaugeDataPointSnapshot.builder().labels(Labels.of("sop_class", c.uid()))
                    .value(c.transferSyntaxes().isEmpty() ? 0 : 1).build());
            for (String ts : c.transferSyntaxes()) {
                pairs.dataPoint(InfoSnapshot.InfoDataPointSnapshot.builder()
                        .labels(Labels.of("sop_class", c.uid(), "transfer_syntax", ts)).build());
            }
        }
        if (anyClass) { // a metric without a series says nothing: left out
            out.add(classes.build());
        }
        if (anyPair) {
            out.add(pairs.build());
        }
    }

    /** blackbox_exporter's TLS metrics, with its names and meanings. */
    private static void tls(TlsSession tls, List<MetricSnapshot> out) {
        if (tls == null) {
            return;
        }
        if (tls.earliestExpiry() != null) {
            out.add(gauge("probe_ssl_earliest_cert_expiry", "The earliest expiry (Unix time) of the certificates "
                    + "the peer sent.", tls.earliestExpiry().getEpochSecond()));
            out.add(gauge("probe_ssl_last_chain_expiry_timestamp_seconds", "The earliest expiry (Unix time) along "
                    + "the peer's verified certificate chain.", tls.lastChainExpiry().getEpochSecond()));
        }
        out.add(info("probe_tls_version", "The TLS version the connection used.", Labels.of("version", tls.version())));
        out.add(info("probe_tls_cipher", "The TLS ciphersuite the connection used.",
                Labels.of("cipher", tls.cipherSuite())));
    }

    private static GaugeSnapshot gauge(String name, String help, double value) {
        return GaugeSnapshot.builder().name(name).help(help)
                .dataPoint(GaugeSnapshot.GaugeDataPointSnapshot.builder().value(value).build()).build();
    }

    /** An {@code _info} metric: the name without its suffix, which the writers add. */
    private static InfoSnapshot info(String name, String help, Labels labels) {
        return InfoSnapshot.builder().name(name).help(help)
                .dataPoint(InfoSnapshot.InfoDataPointSnapshot.builder().labels(labels).build()).build();
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    /** FNV-1a, 32 bits, of the address text: the hash blackbox_exporter's probe_ip_addr_hash uses. */
    static long fnv32a(String s) {
        int h = 0x811c9dc5;
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x01000193;
        }
        return h & 0xffffffffL;
    }
}
