package org.echoscu.acse;

import org.echoscu.pdu.AAssociateRj;

/** Words for every result, source and reason of an A-ASSOCIATE-RJ (PS3.8 table 9-21), in DCMTK's terms. */
public final class RejectReasons {

    private RejectReasons() {
    }

    public static String result(int result) {
        return switch (result) {
            case AAssociateRj.RESULT_PERMANENT -> "Rejected Permanent";
            case AAssociateRj.RESULT_TRANSIENT -> "Rejected Transient";
            default -> "Invalid Result (" + result + ")";
        };
    }

    public static String source(int source) {
        return switch (source) {
            case AAssociateRj.SOURCE_SERVICE_USER -> "Service User";
            case AAssociateRj.SOURCE_PROVIDER_ACSE -> "Service Provider (ACSE Related)";
            case AAssociateRj.SOURCE_PROVIDER_PRESENTATION -> "Service Provider (Presentation Related)";
            default -> "Invalid Source (" + source + ")";
        };
    }

    public static String reason(int source, int reason) {
        String text = switch (source) {
            case AAssociateRj.SOURCE_SERVICE_USER -> switch (reason) {
                case 1 -> "No Reason";
                case 2 -> "App Context Name Not Supported";
                case 3 -> "Calling AE Title Not Recognized";
                case 7 -> "Called AE Title Not Recognized";
                case 4, 5, 6, 8, 9, 10 -> "Reserved (" + reason + ")";
                default -> null;
            };
            case AAssociateRj.SOURCE_PROVIDER_ACSE -> switch (reason) {
                case 1 -> "No Reason";
                case 2 -> "Protocol Version Not Supported";
                default -> null;
            };
            case AAssociateRj.SOURCE_PROVIDER_PRESENTATION -> switch (reason) {
                case 1 -> "Temporary Congestion";
                case 2 -> "Local Limit Exceeded";
                case 3, 4, 5, 6, 7 -> "Reserved (" + reason + ")";
                default -> null;
            };
            default -> null;
        };
        return text != null ? text : "Invalid Reason (" + reason + ")";
    }

    /** What a user can check for the reasons that have a likely cause, or null. */
    public static String hint(int source, int reason) {
        if (source == AAssociateRj.SOURCE_SERVICE_USER && reason == 3) {
            return "the peer does not know our calling AE title: check -aet against the peer's configuration";
        }
        if (source == AAssociateRj.SOURCE_SERVICE_USER && reason == 7) {
            return "the peer does not answer to this called AE title: check -aec against the peer's AE title";
        }
        if (source == AAssociateRj.SOURCE_PROVIDER_PRESENTATION && reason == 2) {
            return "the peer has reached its limit of simultaneous associations: try again later";
        }
        if (source == AAssociateRj.SOURCE_PROVIDER_PRESENTATION && reason == 1) {
            return "the peer is busy: try again later";
        }
        return null;
    }
}
