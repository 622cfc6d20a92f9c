package org.echoscu.dimse;

/** Words for DIMSE status codes (PS3.7 Annex C), with the C-ECHO ones of PS3.7 §9.1.5.1.4 named. */
public final class Status {

    public static final int SUCCESS = 0x0000;

    private Status() {
    }

    /** The status class of PS3.7 §C: Success, Warning, Failure, Cancel or Pending. */
    public static String category(int status) {
        if (status == SUCCESS) {
            return "Success";
        }
        if (status == 0x0001 || status == 0x0107 || status == 0x0116 || (status & 0xF000) == 0xB000) {
            return "Warning";
        }
        if (status == 0xFE00) {
            return "Cancel";
        }
        if (status == 0xFF00 || status == 0xFF01) {
            return "Pending";
        }
        return "Failure";
    }

    /** A description of a status, e.g. "Failure: Refused: SOP Class not supported". */
    public static String describe(int status) {
        String specific = switch (status) {
            case 0x0000 -> null;
            case 0x0001 -> "Requested optional Attributes are not supported";
            case 0x0107 -> "Attribute list error";
            case 0x0116 -> "Attribute Value out of range";
            case 0x0110 -> "Processing failure";
            case 0x0111 -> "Duplicate SOP Instance";
            case 0x0112 -> "No such SOP Instance";
            case 0x0117 -> "Invalid object Instance";
            case 0x0118 -> "No such SOP Class";
            case 0x0119 -> "Class-Instance conflict";
            case 0x0120 -> "Missing Attribute";
            case 0x0121 -> "Missing Attribute Value";
            case 0x0122 -> "Refused: SOP Class not supported";
            case 0x0123 -> "No such action";
            case 0x0124 -> "Refused: not authorized";
            case 0x0210 -> "Duplicate invocation";
            case 0x0211 -> "Unrecognized operation";
            case 0x0212 -> "Mistyped argument";
            case 0x0213 -> "Resource limitation";
            case 0xFE00 -> "Cancelled";
            case 0xFF00, 0xFF01 -> "Operation continuing";
            default -> null;
        };
        String category = category(status);
        return specific == null ? category : category + ": " + specific;
    }
}
