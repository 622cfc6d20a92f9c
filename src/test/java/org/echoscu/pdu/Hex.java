package org.echoscu.pdu;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Test helper: hex literals written as spaced pairs, with '|' and line breaks allowed as separators. */
public final class Hex {

    private Hex() {
    }

    /** "01 00 0a|ff" to bytes; whitespace and '|' are ignored, anything else but hex digits is an error. */
    public static byte[] bytes(String hex) {
        String digits = hex.replaceAll("[\\s|]", "");
        if ((digits.length() & 1) != 0) {
            throw new IllegalArgumentException("odd number of hex digits in " + hex);
        }
        byte[] out = new byte[digits.length() / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) Integer.parseInt(digits.substring(2 * i, 2 * i + 2), 16);
        }
        return out;
    }

    /** The hex of an ASCII string, for building literals whose text parts stay readable. */
    public static String ascii(String s) {
        StringBuilder sb = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.US_ASCII)) {
            sb.append(String.format("%02x ", b & 0xFF));
        }
        return sb.toString();
    }

    public static String string(byte[] b) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < b.length; i++) {
            if (i > 0) {
                sb.append(i % 16 == 0 ? '\n' : ' ');
            }
            sb.append(String.format("%02x", b[i] & 0xFF));
        }
        return sb.toString();
    }

    public static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    /** The body of an encoded PDU: everything after its 6-byte header. */
    public static byte[] body(byte[] pdu) {
        return java.util.Arrays.copyOfRange(pdu, 6, pdu.length);
    }
}
