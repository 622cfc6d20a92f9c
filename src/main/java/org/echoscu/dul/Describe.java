package org.echoscu.dul;

import org.echoscu.pdu.AAbort;

/** Sentences for what the upper layer reports, shared by echoscu and echoscp. */
public final class Describe {

    private Describe() {
    }

    public static String abort(AAbort a) {
        String source = switch (a.source()) {
            case AAbort.SOURCE_SERVICE_USER -> "service user";
            case AAbort.SOURCE_RESERVED -> "reserved source 1";
            case AAbort.SOURCE_SERVICE_PROVIDER -> "service provider";
            default -> "invalid source " + a.source();
        };
        if (a.source() != AAbort.SOURCE_SERVICE_PROVIDER) {
            return "A-ABORT from the " + source;
        }
        String reason = switch (a.reason()) {
            case AAbort.REASON_NOT_SPECIFIED -> "reason not specified";
            case AAbort.REASON_UNRECOGNIZED_PDU -> "unrecognized PDU";
            case AAbort.REASON_UNEXPECTED_PDU -> "unexpected PDU";
            case AAbort.REASON_UNRECOGNIZED_PDU_PARAMETER -> "unrecognized PDU parameter";
            case AAbort.REASON_UNEXPECTED_PDU_PARAMETER -> "unexpected PDU parameter";
            case AAbort.REASON_INVALID_PDU_PARAMETER_VALUE -> "invalid PDU parameter value";
            default -> "invalid reason " + a.reason();
        };
        return "A-ABORT from the " + source + ": " + reason;
    }

    /** What an indication that ends a wait unexpectedly means, as a sentence fragment. */
    public static String interruption(Indication ind) {
        if (ind instanceof Indication.PeerAborted p) {
            return "peer aborted the association (" + abort(p.abort()) + ")";
        }
        if (ind instanceof Indication.ProviderAborted p) {
            return p.why() + (p.sentAbort() ? " (association aborted)" : "");
        }
        if (ind instanceof Indication.TimedOut t) {
            return "no answer within the " + t.which();
        }
        if (ind instanceof Indication.Closed) {
            return "connection closed";
        }
        if (ind instanceof Indication.ReleaseRequested) {
            return "peer requested release";
        }
        return "unexpected " + ind.getClass().getSimpleName();
    }
}
