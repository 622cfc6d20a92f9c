package org.echoscu.dimse;

import org.echoscu.text.Hex;

/** Command set elements of PS3.7 §E.1 used by C-ECHO, as (group << 16 | element). */
public final class Tag {
    public static final int COMMAND_GROUP_LENGTH = 0x0000_0000;
    public static final int AFFECTED_SOP_CLASS_UID = 0x0000_0002;
    public static final int COMMAND_FIELD = 0x0000_0100;
    public static final int MESSAGE_ID = 0x0000_0110;
    public static final int MESSAGE_ID_BEING_RESPONDED_TO = 0x0000_0120;
    public static final int COMMAND_DATA_SET_TYPE = 0x0000_0800;
    public static final int STATUS = 0x0000_0900;
    public static final int ERROR_COMMENT = 0x0000_0902;

    private Tag() {
    }

    public static String format(int tag) {
        return "(" + Hex.of(tag >>> 16, 4) + "," + Hex.of(tag & 0xFFFF, 4) + ")";
    }
}
