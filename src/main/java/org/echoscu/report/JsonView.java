package org.echoscu.report;

import java.io.PrintStream;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import org.echoscu.probe.PeerFacts;
import org.echoscu.probe.Phase;
import org.echoscu.probe.ProbeOutcome;
import org.echoscu.probe.ProbeResult;
import org.echoscu.probe.Rejection;
import org.echoscu.probe.RoundTrips;
import org.echoscu.probe.Target;

/**
 * {@code --format json}: one object per probe as it ends, then one summary object, each on a
 * line of its own (JSON Lines), on standard output. The shape is docs/echoscu-probe.schema.json,
 * whose version is {@link #SCHEMA_VERSION}: a change that could break a reader raises it.
 */
public final class JsonView implements ProbeView {

    /** The version of docs/echoscu-probe.schema.json these objects follow. */
    public static final int SCHEMA_VERSION = 1;

    private final PrintStream out;

    public JsonView(PrintStream out) {
        this.out = out;
    }

    @Override
    public void probe(int seq, ProbeResult r) {
        out.println(probe(seq, r, null, new JsonWriter()));
        out.flush();
    }

    @Override
    public void end(Series s) {
        out.println(summary(s));
        out.flush();
    }

    /** The probe object; {@code seq} from 1. Public for the many-target run, which writes one per target. */
    public static String probeObject(int seq, ProbeResult r) {
        return probe(seq, r, null, new JsonWriter());
    }

    /** The probe object of a target with a name of its own ({@code "name"} in its target object; null for none). */
    public static String probeObject(int seq, ProbeResult r, String name) {
        return probe(seq, r, name, new JsonWriter());
    }

    private static String probe(int seq, ProbeResult r, String name, JsonWriter w) {
        w.begin().string("type", "probe").number("schema_version", SCHEMA_VERSION).number("seq", seq)
                .string("time", DateTimeFormatter.ISO_INSTANT.format(r.started()));
        target(w, r.target(), name);
        ProbeOutcome o = r.outcome();
        w.begin("outcome").number("exit_code", o.exitCode()).string("reason", o.reason().key())
                .string("phase", o.phase().key()).string("message", o.message());
        Rejection rj = o.rejection();
        if (rj != null) {
            w.begin("rejection").number("result", rj.result()).number("source", rj.source())
                    .number("reason", rj.reason()).end();
        }
        w.end();
        w.begin("phases_ms");
        for (Map.Entry<Phase, Long> e : r.times().asMap().entrySet()) {
            w.decimal(e.getKey().key(), Millis.exact(e.getValue()));
        }
        w.end();
        w.decimal("total_ms", Millis.exact(r.times().totalNanos()));
        echoes(w, r.echoes());
        if (r.status() == null) {
            w.nul("status");
        } else {
            w.number("status", r.status());
        }
        PeerFacts p = r.peer();
        if (p == null) {
            w.nul("peer");
        } else {
            w.begin("peer").string("implementation_class_uid", p.implementationClassUid())
                    .string("implementation_version_name", p.implementationVersionName())
                    .number("max_pdu_length", p.maxPduLength()).string("transfer_syntax", p.transferSyntax()).end();
        }
        return w.end().toString();
    }

    static String summary(Series s) {
        JsonWriter w = new JsonWriter().begin().string("type", "summary").number("schema_version", SCHEMA_VERSION);
        if (s.last() != null) {
            target(w, s.last().target(), null);
        }
        w.number("probes", s.probes()).number("succeeded", s.succeeded()).number("failed", s.failed())
                .bool("interrupted", s.wasInterrupted()).number("exit_code", s.exitCode());
        if (s.probes() > 0) {
            w.begin("total_ms").decimal("min", Millis.exact(s.totalMinNanos()))
                    .decimal("avg", Millis.exact(s.totalAvgNanos())).decimal("max", Millis.exact(s.totalMaxNanos()))
                    .end();
        }
        echoes(w, s.echoes());
        return w.end().toString();
    }

    private static void target(JsonWriter w, Target t, String name) {
        w.begin("target");
        if (name != null) {
            w.string("name", name);
        }
        w.string("host", t.host()).string("address", t.address()).number("port", t.port())
                .string("calling_ae", t.callingAe()).string("called_ae", t.calledAe()).bool("tls", t.tls()).end();
    }

    private static void echoes(JsonWriter w, RoundTrips rt) {
        w.begin("echoes").number("sent", rt.sent()).number("answered", rt.answered()).number("failed", rt.failed())
                .decimal("loss_percent", new java.math.BigDecimal(rt.lossPercent())
                        .setScale(3, java.math.RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString());
        if (rt.answered() > 0) {
            w.begin("rtt_ms").decimal("min", Millis.exact(rt.minNanos())).decimal("avg", Millis.exact(rt.avgNanos()))
                    .decimal("max", Millis.exact(rt.maxNanos())).decimal("mdev", Millis.exact(rt.mdevNanos())).end();
        }
        w.end();
    }
}
