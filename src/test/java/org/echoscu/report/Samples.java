package org.echoscu.report;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

import org.echoscu.probe.PeerFacts;
import org.echoscu.probe.Phase;
import org.echoscu.probe.PhaseTimes;
import org.echoscu.probe.ProbeOutcome;
import org.echoscu.probe.ProbeResult;
import org.echoscu.probe.Reason;
import org.echoscu.probe.Rejection;
import org.echoscu.probe.RoundTrips;
import org.echoscu.probe.Target;

/** Probe results of known content for the views' tests. */
final class Samples {

    static final Instant START = Instant.parse("2026-12-01T10:00:00.250Z");
    static final Target PACS = new Target("pacs.example.org", "192.0.2.7", 104, "ECHOSCU", "PACS", false);

    private Samples() {
    }

    static PhaseTimes times(long... msPerPhase) {
        Map<Phase, Long> m = new EnumMap<>(Phase.class);
        Phase[] order = {Phase.RESOLVE, Phase.CONNECT, Phase.ASSOCIATE, Phase.ECHO, Phase.RELEASE};
        for (int i = 0; i < msPerPhase.length; i++) {
            m.put(order[i], msPerPhase[i] * 100_000); // tenths of a millisecond
        }
        return PhaseTimes.of(m);
    }

    /** 1 + 2 + 3 + 4 + 0.5 ms = 10.5 ms, one echo of 4 ms. */
    static ProbeResult ok() {
        return new ProbeResult(PACS, START, times(10, 20, 30, 40, 5), RoundTrips.NONE.plusAnswered(4_000_000),
                new ProbeOutcome(0, Reason.OK, Phase.RELEASE, null, null),
                new PeerFacts("1.2.276.0.7230010.3.0.3.6.7", "OFFIS_DCMTK_367", 16384, "1.2.840.10008.1.2"), 0, null);
    }

    static ProbeResult refused() {
        Target t = new Target("pacs.example.org", null, 104, "ECHOSCU", "PACS", false);
        return new ProbeResult(t, START, times(10, 5), RoundTrips.NONE,
                new ProbeOutcome(1, Reason.REFUSED, Phase.CONNECT, "Association Request Failed: TCP connection to "
                        + "192.0.2.7 port 104 refused: Connection refused", null), null, null, null);
    }

    static ProbeResult calledAeRejected() {
        return new ProbeResult(PACS, START, times(10, 20, 30), RoundTrips.NONE,
                new ProbeOutcome(1, Reason.REJECTED, Phase.ASSOCIATE, "Association Rejected:\n"
                        + "Result: Rejected Permanent, Source: Service User\nReason: Called AE Title Not Recognized",
                        new Rejection(1, 1, 7)), null, null, null);
    }

    static ProbeResult failedStatus() {
        return new ProbeResult(PACS, START, times(10, 20, 30, 40, 5), RoundTrips.NONE.plusFailed(),
                new ProbeOutcome(70, Reason.STATUS, Phase.ECHO,
                        "Echo Failed: peer answered with status 0x0122 (Failure: Refused: SOP Class not supported)",
                        null), new PeerFacts(null, null, 0, "1.2.840.10008.1.2"), 0x0122, null);
    }

    static Series series(ProbeResult... results) {
        Series s = new Series();
        for (ProbeResult r : results) {
            s.add(r);
        }
        return s;
    }
}
