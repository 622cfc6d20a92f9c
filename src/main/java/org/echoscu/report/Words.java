package org.echoscu.report;

import org.echoscu.probe.ProbeOutcome;
import org.echoscu.probe.ProbeResult;
import org.echoscu.probe.Reason;
import org.echoscu.probe.Rejection;

/** The reason of a probe in words, for the one-line outputs (Nagios, the series lines). */
final class Words {

    private Words() {
    }

    /** A message of several log lines (an association rejection) on one line. */
    static String oneLine(String message) {
        return message.replaceAll("\\s*\\n\\s*", "; ").strip();
    }

    /** What happened, in a sentence that names the AE title at fault for a rejection. */
    static String reason(ProbeResult r) {
        ProbeOutcome o = r.outcome();
        if (o.reason() == Reason.OK) {
            return "echo answered with Success";
        }
        Rejection rj = o.rejection();
        if (rj != null && rj.calledAeNotRecognized()) {
            return "association rejected: the peer does not know the called AE title '" + r.target().calledAe()
                    + "' (" + o.reason().key() + ")";
        }
        if (rj != null && rj.callingAeNotRecognized()) {
            return "association rejected: the peer does not know our calling AE title '" + r.target().callingAe()
                    + "' (" + o.reason().key() + ")";
        }
        return (o.message() == null ? o.reason().key() : oneLine(o.message())) + " (" + o.reason().key() + ")";
    }
}
