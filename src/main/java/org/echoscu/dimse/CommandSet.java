package org.echoscu.dimse;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
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

    /** Tags in unsigned ascending order, and their values: a C-ECHO command has five or six. */
    private int[] tags = new int[8];
    private byte[][] values = new byte[8][];
    private int size;

    public CommandSet putUs(int tag, int value) {
        put(tag, new byte[] {(byte) value, (byte) (value >>> 8)});
        return this;
    }

    public CommandSet putUi(int tag, String uid) {
        byte[] b = uid.getBytes(StandardCharsets.US_ASCII);
        put(tag, (b.length & 1) == 0 ? b : Arrays.copyOf(b, b.length + 1)); // NUL pad to even length
        return this;
    }

    public CommandSet putLo(int tag, String text) {
        byte[] b = text.getBytes(StandardCharsets.US_ASCII);
        if ((b.length & 1) != 0) {
            b = Arrays.copyOf(b, b.length + 1);
            b[b.length - 1] = ' ';
        }
        put(tag, b);
        return this;
    }

    public boolean contains(int tag) {
        return indexOf(tag) >= 0;
    }

    /** The US value of an element, or throws naming the element. */
    public int us(int tag) throws DimseException {
        byte[] v = value(tag);
        if (v == null || v.length != 2) {
            throw notUs(tag, v);
        }
        return (v[0] & 0xFF) | (v[1] & 0xFF) << 8;
    }

    // The failures' words, apart from the checks: a long series of echoes reads and decodes a
    // command for every echo, and C1 then compiles those methods without these (docs/PERFORMANCE.md).

    private static DimseException notUs(int tag, byte[] v) {
        return v == null ? new DimseException("command lacks element " + Tag.format(tag))
                : new DimseException("element " + Tag.format(tag) + " has length " + v.length + ", not 2 (US)");
    }

    public String text(int tag) {
        byte[] v = value(tag);
        if (v == null) {
            return null;
        }
        int e = v.length;
        while (e > 0 && (v[e - 1] == 0 || v[e - 1] == ' ')) {
            e--;
        }
        return new String(v, 0, e, StandardCharsets.US_ASCII);
    }

    /** The elements in tag order (a copy; changing it changes nothing here). */
    public Map<Integer, byte[]> elements() {
        Map<Integer, byte[]> m = new TreeMap<>(UNSIGNED);
        for (int i = 0; i < size; i++) {
            m.put(tags[i], values[i]);
        }
        return java.util.Collections.unmodifiableMap(m);
    }

    /** Orders tags as unsigned numbers, group first (a class rather than a method reference: no bootstrap). */
    private static final Comparator<Integer> UNSIGNED = new Comparator<>() {
        @Override
        public int compare(Integer a, Integer b) {
            return Integer.compareUnsigned(a, b);
        }
    };

    private byte[] value(int tag) {
        int i = indexOf(tag);
        return i < 0 ? null : values[i];
    }

    /** Index of tag, or -(insertion point) - 1. Commands arrive sorted, so appends are the rule. */
    private int indexOf(int tag) {
        int lo = 0;
        int hi = size - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int c = Integer.compareUnsigned(tags[mid], tag);
            if (c < 0) {
                lo = mid + 1;
            } else if (c > 0) {
                hi = mid - 1;
            } else {
                return mid;
            }
        }
        return -(lo + 1);
    }

    /** Sets an element; a tag given twice keeps its last value. */
    private void put(int tag, byte[] value) {
        // the usual case, every element of a command decoded: it comes after the last one, and fits
        if (size < tags.length && (size == 0 || Integer.compareUnsigned(tags[size - 1], tag) < 0)) {
            tags[size] = tag;
            values[size++] = value;
            return;
        }
        putInOrder(tag, value);
    }

    /** Anywhere else: in its place by tag (the arrays grown when full), or over the value it had. */
    private void putInOrder(int tag, byte[] value) {
        int i = indexOf(tag);
        if (i >= 0) {
            values[i] = value;
            return;
        }
        int at = -(i + 1);
        if (size == tags.length) {
            tags = Arrays.copyOf(tags, size * 2);
            values = Arrays.copyOf(values, size * 2);
        }
        System.arraycopy(tags, at, tags, at + 1, size - at);
        System.arraycopy(values, at, values, at + 1, size - at);
        tags[at] = tag;
        values[at] = value;
        size++;
    }

    public byte[] encode() {
        int length = 0;
        for (int i = 0; i < size; i++) {
            if (tags[i] != Tag.COMMAND_GROUP_LENGTH) {
                length += 8 + values[i].length;
            }
        }
        byte[] out = new byte[12 + length];
        int pos = header(out, 0, Tag.COMMAND_GROUP_LENGTH, 4);
        pos = le32(out, pos, length);
        for (int i = 0; i < size; i++) {
            if (tags[i] != Tag.COMMAND_GROUP_LENGTH) {
                byte[] v = values[i];
                pos = header(out, pos, tags[i], v.length);
                System.arraycopy(v, 0, out, pos, v.length);
                pos += v.length;
            }
        }
        return out;
    }

    /**
     * Where the value of {@code tag} starts in {@link #encode()}'s bytes, or -1 when there is no
     * such element (or it is the group length, whose value encode() computes).
     */
    public int encodedValueOffset(int tag) {
        int pos = 12;
        for (int i = 0; i < size; i++) {
            if (tags[i] != Tag.COMMAND_GROUP_LENGTH) {
                if (tags[i] == tag) {
                    return pos + 8;
                }
                pos += 8 + values[i].length;
            }
        }
        return -1;
    }

    public static CommandSet decode(byte[] b) throws DimseException {
        return decode(b, 0, b.length);
    }

    /** Decodes {@code length} bytes of {@code b} from {@code offset}. */
    public static CommandSet decode(byte[] b, int offset, int length) throws DimseException {
        CommandSet cs = new CommandSet();
        int end = offset + length;
        int pos = offset;
        while (pos < end) {
            if (end - pos < 8) {
                throw cutHeader(pos - offset);
            }
            int group = le16(b, pos);
            int element = le16(b, pos + 2);
            long valueLength = le32u(b, pos + 4);
            int tag = group << 16 | element;
            if (group != 0) {
                throw outsideGroup(tag, pos - offset);
            }
            if (valueLength > end - pos - 8) {
                throw claimsTooMuch(tag, valueLength, end - pos - 8);
            }
            pos += 8;
            cs.put(tag, Arrays.copyOfRange(b, pos, pos + (int) valueLength));
            pos += (int) valueLength;
        }
        return cs;
    }

    // Why an element cannot be decoded, in words (see decode above).

    private static DimseException cutHeader(int at) {
        return new DimseException("command set ends inside an element header at offset " + at);
    }

    private static DimseException outsideGroup(int tag, int at) {
        return new DimseException("element " + Tag.format(tag) + " outside the command group 0000 at offset "
                + at + " (a data set sent as a command?)");
    }

    private static DimseException claimsTooMuch(int tag, long valueLength, int left) {
        return new DimseException("element " + Tag.format(tag) + " claims " + valueLength
                + " bytes, only " + left + " are left");
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
        for (int i = 0; i < size; i++) {
            sb.append(Tag.format(tags[i])).append(' ').append(values[i].length).append(" bytes\n");
        }
        return sb.toString();
    }
}
