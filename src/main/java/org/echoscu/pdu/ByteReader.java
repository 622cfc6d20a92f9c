package org.echoscu.pdu;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A bounded cursor over one PDU body or item. Every read checks what is left, so a length
 * field pointing past its enclosing item or PDU is an error, never an out-of-bounds read.
 */
final class ByteReader {

    private final byte[] buf;
    private final String what;
    private int pos;
    private final int end;

    ByteReader(byte[] buf, String what) {
        this(buf, 0, buf.length, what);
    }

    private ByteReader(byte[] buf, int start, int end, String what) {
        this.buf = buf;
        this.pos = start;
        this.end = end;
        this.what = what;
    }

    int remaining() {
        return end - pos;
    }

    boolean hasRemaining() {
        return pos < end;
    }

    int u8() throws PduFormatException {
        need(1, "a byte");
        return buf[pos++] & 0xFF;
    }

    int u16() throws PduFormatException {
        need(2, "a 2-byte field");
        int v = ((buf[pos] & 0xFF) << 8) | (buf[pos + 1] & 0xFF);
        pos += 2;
        return v;
    }

    long u32() throws PduFormatException {
        need(4, "a 4-byte field");
        long v = ((long) (buf[pos] & 0xFF) << 24) | ((buf[pos + 1] & 0xFF) << 16)
                | ((buf[pos + 2] & 0xFF) << 8) | (buf[pos + 3] & 0xFF);
        pos += 4;
        return v;
    }

    void skip(int n) throws PduFormatException {
        if (n > end - pos) {
            throw tooShort(n + " reserved bytes");
        }
        pos += n;
    }

    byte[] bytes(int n) throws PduFormatException {
        if (n > end - pos) {
            throw tooShort(n + " bytes");
        }
        byte[] b = Arrays.copyOfRange(buf, pos, pos + n);
        pos += n;
        return b;
    }

    /** The rest of this reader as a string, ASCII, without the padding senders may add. */
    String restAsText() {
        String s = new String(buf, pos, end - pos, StandardCharsets.US_ASCII);
        pos = end;
        return trimPadding(s);
    }

    String text(int n) throws PduFormatException {
        if (n > end - pos) {
            throw tooShort("a " + n + "-byte text field");
        }
        String s = new String(buf, pos, n, StandardCharsets.US_ASCII);
        pos += n;
        return trimPadding(s);
    }

    /** A text field preceded by its 2-byte length, as in role selection and extended negotiation. */
    String prefixedText() throws PduFormatException {
        return text(u16());
    }

    /** A sub-reader over the next {@code n} bytes, which this reader then skips. */
    ByteReader slice(int n, String name) throws PduFormatException {
        if (n > remaining()) {
            throw runsPast(n, name);
        }
        ByteReader r = new ByteReader(buf, pos, pos + n, name);
        pos += n;
        return r;
    }

    private void need(int n, String field) throws PduFormatException {
        if (n > end - pos) {
            throw tooShort(field);
        }
    }

    // The failures' words are put together apart from the checks, and only when a check fails:
    // a long series of echoes runs the checks for every PDU, so C1 compiles them without these,
    // and no check builds a string it does not need (docs/PERFORMANCE.md).

    private PduFormatException tooShort(String field) {
        return new PduFormatException(AAbort.REASON_INVALID_PDU_PARAMETER_VALUE,
                what + " ends before " + field + " (" + (end - pos) + " bytes left)");
    }

    private PduFormatException runsPast(int n, String name) {
        return new PduFormatException(AAbort.REASON_INVALID_PDU_PARAMETER_VALUE,
                name + " length " + n + " runs past the end of " + what + " (" + remaining() + " bytes left)");
    }

    /** UIDs may carry a trailing NUL and AE titles spaces on either side (PS3.8 §9.3.2, PS3.5 §9.1). */
    static String trimPadding(String s) {
        int b = 0;
        int e = s.length();
        while (e > b && (s.charAt(e - 1) == ' ' || s.charAt(e - 1) == '\0')) {
            e--;
        }
        while (b < e && s.charAt(b) == ' ') {
            b++;
        }
        return s.substring(b, e);
    }
}
