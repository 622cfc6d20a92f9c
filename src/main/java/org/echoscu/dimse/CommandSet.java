package org.echoscu.dimse;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * A DIMSE command set (PS3.7 §6.3, §E.1): group 0000 elements, always in Implicit VR Little
 * Endian. Values are kept as their raw bytes; typed accessors read US and UI values. The
 * encoder writes the group length first, as PS3.7 requires; the decoder checks every element
 * length against what is left and refuses anything outside group 0000.
 */
public final class CommandSet {

    /** Commands bigger than this are not C-ECHO traffic; refuse them rather than buffer them. */
    public static final int MAX_ENCODED_LENGTH = 64 * 1024;

    private final Map<Integer, byte[]> elements = new TreeMap<>(Integer::compareUnsigned);

    public CommandSet putUs(int tag, int value) {
        elements.put(tag, new byte[] {(byte) value, (byte) (value >>> 8)});
        return this;
    }

    public CommandSet putUi(int tag, String uid) {
        byte[] b = uid.getBytes(StandardCharsets.US_ASCII);
        elements.put(tag, (b.length & 1) == 0 ? b : Arrays.copyOf(b, b.length + 1)); // NUL pad to even length
        return this;
    }

    public CommandSet putLo(int tag, String text) {
        byte[] b = text.getBytes(StandardCharsets.US_ASCII);
        if ((b.length & 1) != 0) {
            b = Arrays.copyOf(b, b.length + 1);
            b[b.length - 1] = ' ';
        }
        elements.put(tag, b);
        return this;
    }

    public boolean contains(int tag) {
        return elements.containsKey(tag);
    }

    /** The US value of an element, or throws naming the element. */
    public int us(int tag) throws DimseException {
        byte[] v = elements.get(tag);
        if (v == null) {
            throw new DimseException("command lacks element " + Tag.format(tag));
        }
        if (v.length != 2) {
            throw new DimseException("element " + Tag.format(tag) + " has length " + v.length + ", not 2 (US)");
        }
        return (v[0] & 0xFF) | (v[1] & 0xFF) << 8;
    }

    public String text(int tag) {
        byte[] v = elements.get(tag);
        if (v == null) {
            return null;
        }
        String s = new String(v, StandardCharsets.US_ASCII);
        int e = s.length();
        while (e > 0 && (s.charAt(e - 1) == '\0' || s.charAt(e - 1) == ' ')) {
            e--;
        }
        return s.substring(0, e);
    }

    public Map<Integer, byte[]> elements() {
        return java.util.Collections.unmodifiableMap(elements);
    }

    public byte[] encode() {
        int length = 0;
        for (Map.Entry<Integer, byte[]> e : elements.entrySet()) {
            if (e.getKey() != Tag.COMMAND_GROUP_LENGTH) {
                length += 8 + e.getValue().length;
            }
        }
        byte[] out = new byte[12 + length];
        int pos = header(out, 0, Tag.COMMAND_GROUP_LENGTH, 4);
        pos = le32(out, pos, length);
        for (Map.Entry<Integer, byte[]> e : elements.entrySet()) {
            if (e.getKey() != Tag.COMMAND_GROUP_LENGTH) {
                pos = header(out, pos, e.getKey(), e.getValue().length);
                System.arraycopy(e.getValue(), 0, out, pos, e.getValue().length);
                pos += e.getValue().length;
            }
        }
        return out;
    }

    public static CommandSet decode(byte[] b) throws DimseException {
        CommandSet cs = new CommandSet();
        int pos = 0;
        while (pos < b.length) {
            if (b.length - pos < 8) {
                throw new DimseException("command set ends inside an element header at offset " + pos);
            }
            int group = le16(b, pos);
            int element = le16(b, pos + 2);
            long length = le32u(b, pos + 4);
            int tag = group << 16 | element;
            if (group != 0) {
                throw new DimseException("element " + Tag.format(tag) + " outside the command group 0000 at offset "
                        + pos + " (a data set sent as a command?)");
            }
            if (length > b.length - pos - 8) {
                throw new DimseException("element " + Tag.format(tag) + " claims " + length
                        + " bytes, only " + (b.length - pos - 8) + " are left");
            }
            pos += 8;
            cs.elements.put(tag, Arrays.copyOfRange(b, pos, pos + (int) length));
            pos += (int) length;
        }
        return cs;
    }

    private static int header(byte[] out, int pos, int tag, int length) {
        out[pos] = (byte) (tag >>> 16);
        out[pos + 1] = (byte) (tag >>> 24);
        out[pos + 2] = (byte) tag;
        out[pos + 3] = (byte) (tag >>> 8);
        return le32(out, pos + 4, length);
    }

    private static int le32(byte[] out, int pos, int v) {
        out[pos] = (byte) v;
        out[pos + 1] = (byte) (v >>> 8);
        out[pos + 2] = (byte) (v >>> 16);
        out[pos + 3] = (byte) (v >>> 24);
        return pos + 4;
    }

    private static int le16(byte[] b, int pos) {
        return (b[pos] & 0xFF) | (b[pos + 1] & 0xFF) << 8;
    }

    private static long le32u(byte[] b, int pos) {
        return (le16(b, pos) | (long) le16(b, pos + 2) << 16) & 0xFFFF_FFFFL;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<Integer, byte[]> e : elements.entrySet()) {
            sb.append(Tag.format(e.getKey())).append(' ').append(e.getValue().length).append(" bytes\n");
        }
        return sb.toString();
    }
}
