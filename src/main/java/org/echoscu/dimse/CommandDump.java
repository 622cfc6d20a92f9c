package org.echoscu.dimse;

import org.echoscu.text.Columns;
import org.echoscu.text.Hex;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.echoscu.acse.Uids;

/**
 * The -d dump of a DIMSE message: DCMTK's summary block, then each command element in
 * dcmdump's layout with its dictionary name, e.g.
 * {@code (0000,0100) US 48          #   2, 1 CommandField}.
 */
public final class CommandDump {

    private CommandDump() {
    }

    /** The dump with the names of the dictionary DCMDICTPATH asks for (loaded on first use). */
    public static String format(boolean outgoing, int contextId, CommandSet cs) {
        return format(outgoing, contextId, cs, ElementDictionary.shared());
    }

    public static String format(boolean outgoing, int contextId, CommandSet cs, ElementDictionary dict) {
        StringBuilder sb = new StringBuilder();
        sb.append(outgoing ? "===================== OUTGOING DIMSE MESSAGE ====================\n"
                : "===================== INCOMING DIMSE MESSAGE ====================\n");
        int field = intValue(cs, Tag.COMMAND_FIELD);
        sb.append("Message Type                  : ").append(CommandField.name(field).replace("-RQ", " RQ")
                .replace("-RSP", " RSP")).append('\n');
        sb.append("Presentation Context ID       : ").append(contextId).append('\n');
        if (cs.contains(Tag.MESSAGE_ID)) {
            sb.append("Message ID                    : ").append(intValue(cs, Tag.MESSAGE_ID)).append('\n');
        }
        if (cs.contains(Tag.MESSAGE_ID_BEING_RESPONDED_TO)) {
            sb.append("Message ID Being Responded To : ")
                    .append(intValue(cs, Tag.MESSAGE_ID_BEING_RESPONDED_TO)).append('\n');
        }
        String sop = cs.text(Tag.AFFECTED_SOP_CLASS_UID);
        if (sop != null) {
            sb.append("Affected SOP Class UID        : ")
                    .append(Uids.VERIFICATION_SOP_CLASS.equals(sop) ? "VerificationSOPClass" : sop).append('\n');
        }
        sb.append("Data Set                      : ")
                .append(intValue(cs, Tag.COMMAND_DATA_SET_TYPE) == CommandField.NO_DATA_SET ? "none" : "present")
                .append('\n');
        if (cs.contains(Tag.STATUS)) {
            int status = intValue(cs, Tag.STATUS);
            sb.append("DIMSE Status                  : 0x").append(Hex.of(status, 4)).append(": ")
                    .append(Status.describe(status)).append(System.lineSeparator());
        }
        sb.append("---------------------------- command set ----------------------------\n");
        for (Map.Entry<Integer, byte[]> e : cs.elements().entrySet()) {
            element(sb, e.getKey(), e.getValue(), dict.lookup(e.getKey()));
        }
        sb.append("======================= END DIMSE MESSAGE =======================");
        return sb.toString();
    }

    private static void element(StringBuilder sb, int tag, byte[] v, ElementDictionary.Entry entry) {
        String value = switch (entry.vr()) {
            case "US" -> v.length == 2 ? String.valueOf((v[0] & 0xFF) | (v[1] & 0xFF) << 8) : hex(v);
            case "UL" -> v.length == 4 ? String.valueOf(((v[0] & 0xFFL) | (v[1] & 0xFFL) << 8
                    | (v[2] & 0xFFL) << 16 | (v[3] & 0xFFL) << 24)) : hex(v);
            case "UI" -> {
                String uid = trim(new String(v, StandardCharsets.US_ASCII));
                yield Uids.VERIFICATION_SOP_CLASS.equals(uid) ? "=VerificationSOPClass" : "[" + uid + "]";
            }
            case "AE", "LO", "SH", "CS", "LT", "IS" -> "[" + trim(new String(v, StandardCharsets.US_ASCII)) + "]";
            default -> hex(v);
        };
        String head = Tag.format(tag) + " " + entry.vr() + " " + value;
        sb.append(Columns.left(head, 50)).append(" # ").append(Columns.right(Integer.toString(v.length), 3))
                .append(", 1 ").append(entry.name()).append(System.lineSeparator());
    }

    private static int intValue(CommandSet cs, int tag) {
        try {
            return cs.us(tag);
        } catch (DimseException e) {
            return -1;
        }
    }

    private static String trim(String s) {
        int e = s.length();
        while (e > 0 && (s.charAt(e - 1) == '\0' || s.charAt(e - 1) == ' ')) {
            e--;
        }
        return s.substring(0, e);
    }

    private static String hex(byte[] v) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < v.length && i < 32; i++) {
            Hex.appendByte(sb.append(i == 0 ? "" : "\\"), v[i] & 0xFF);
        }
        return sb.append(v.length > 32 ? "..." : "").toString();
    }
}
