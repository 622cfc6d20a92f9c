package org.echoscu.dimse;

/** Command field values (PS3.7 §E.1) and the data set type that means "none". */
public final class CommandField {
    public static final int C_ECHO_RQ = 0x0030;
    public static final int C_ECHO_RSP = 0x8030;
    public static final int NO_DATA_SET = 0x0101;

    private CommandField() {
    }

    public static String name(int field) {
        return switch (field) {
            case 0x0001 -> "C-STORE-RQ";
            case 0x8001 -> "C-STORE-RSP";
            case 0x0010 -> "C-GET-RQ";
            case 0x8010 -> "C-GET-RSP";
            case 0x0020 -> "C-FIND-RQ";
            case 0x8020 -> "C-FIND-RSP";
            case 0x0021 -> "C-MOVE-RQ";
            case 0x8021 -> "C-MOVE-RSP";
            case C_ECHO_RQ -> "C-ECHO-RQ";
            case C_ECHO_RSP -> "C-ECHO-RSP";
            case 0x0FFF -> "C-CANCEL-RQ";
            case 0x0100 -> "N-EVENT-REPORT-RQ";
            case 0x8100 -> "N-EVENT-REPORT-RSP";
            case 0x0110 -> "N-GET-RQ";
            case 0x8110 -> "N-GET-RSP";
            case 0x0120 -> "N-SET-RQ";
            case 0x8120 -> "N-SET-RSP";
            case 0x0130 -> "N-ACTION-RQ";
            case 0x8130 -> "N-ACTION-RSP";
            case 0x0140 -> "N-CREATE-RQ";
            case 0x8140 -> "N-CREATE-RSP";
            case 0x0150 -> "N-DELETE-RQ";
            case 0x8150 -> "N-DELETE-RSP";
            default -> String.format("unknown command 0x%04x", field);
        };
    }
}
