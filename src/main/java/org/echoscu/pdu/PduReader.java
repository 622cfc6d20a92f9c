package org.echoscu.pdu;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads whole PDUs from a stream. A length field is checked against the limit for its PDU
 * type before anything is allocated, and the body buffer grows with the bytes that really
 * arrive, so a peer announcing 4 GiB and sending ten bytes costs ten bytes.
 */
public final class PduReader {

    /** A-ASSOCIATE-RQ/AC may list 128 contexts of 53 syntaxes each: about 190 KB. */
    public static final int MAX_ASSOCIATE_PDU = 1 << 20;
    private static final int CHUNK = 64 * 1024;
    /** The largest body a Java array holds. */
    private static final int MAX_BODY = Integer.MAX_VALUE - 8;

    private static final byte[] NO_BYTES = new byte[0];

    private final InputStream in;
    private final byte[] header = new byte[6];
    /** How much of the latest PDU came in, header and body, for {@link #lastBytes()}; kept, never copied. */
    private int headerRead;
    private byte[] body = NO_BYTES;
    private int bodyRead;

    public PduReader(InputStream in) {
        this.in = in;
    }


    /**
     * Reads the next PDU.
     *
     * @param maxPDataLength the largest P-DATA-TF body we announced we accept; 0 for no limit of ours
     * @throws PeerClosedException the peer closed the connection (before or inside a PDU)
     * @throws PduFormatException   the bytes are not a valid PDU
     */
    public Pdu read(long maxPDataLength) throws IOException, PduFormatException {
        headerRead = 0;
        body = NO_BYTES;
        bodyRead = 0;
        int first = in.read();
        if (first < 0) {
            throw new PeerClosedException(true, "connection closed by peer");
        }
        header[0] = (byte) first;
        readFully(header, 1, 5, "PDU header");
        headerRead = header.length;
        int type = header[0] & 0xFF;
        long length = ((long) (header[2] & 0xFF) << 24) | ((header[3] & 0xFF) << 16)
                | ((header[4] & 0xFF) << 8) | (header[5] & 0xFF);
        long limit = limitFor(type, maxPDataLength);
        if (limit < 0) {
            throw unrecognized(type);
        }
        if (length > limit) {
            throw tooLong(type, length, limit);
        }
        return PduDecoder.decode(type, readBody((int) length, type));
    }

    // Why a header is refused, in words: apart from read, which a long series of echoes runs for
    // every PDU, so that C1 compiles it without them.

    private PduFormatException unrecognized(int type) {
        return new PduFormatException(AAbort.REASON_UNRECOGNIZED_PDU,
                String.format("unrecognized PDU type 0x%02x%s", type, guess(header)));
    }

    private static PduFormatException tooLong(int type, long length, long limit) {
        return new PduFormatException(AAbort.REASON_INVALID_PDU_PARAMETER_VALUE,
                PduDecoder.pduName(type) + " length " + length + " exceeds the limit of " + limit + " bytes");
    }

    /**
     * The bytes of the latest PDU as they came off the wire, header included: the whole PDU once
     * {@link #read} returned it, as far as they came when it threw (an invalid or cut-short
     * PDU); empty when nothing of it came. A copy, made only when asked for (trace logging).
     */
    public byte[] lastBytes() {
        byte[] out = Arrays.copyOf(header, headerRead + bodyRead);
        System.arraycopy(body, 0, out, headerRead, bodyRead);
        return out;
    }

    private static long limitFor(int type, long maxPData) {
        return switch (type) {
            case Pdu.TYPE_ASSOCIATE_RQ, Pdu.TYPE_ASSOCIATE_AC -> MAX_ASSOCIATE_PDU;
            // Our limit may be announced as anything up to 2^32-1, but a body must fit an array.
            case Pdu.TYPE_P_DATA_TF -> maxPData == 0 ? MAX_BODY : Math.min(maxPData, MAX_BODY);
            case Pdu.TYPE_ASSOCIATE_RJ, Pdu.TYPE_RELEASE_RQ, Pdu.TYPE_RELEASE_RP, Pdu.TYPE_ABORT -> 4;
            default -> -1;
        };
    }

    private byte[] readBody(int length, int type) throws IOException {
        byte[] body = new byte[Math.min(length, CHUNK)];
        int have = 0;
        while (have < length) {
            if (have == body.length) {
                body = Arrays.copyOf(body, (int) Math.min(length, (long) body.length * 2));
            }
            int n = in.read(body, have, body.length - have);
            if (n < 0) {
                this.body = body;
                bodyRead = have;
                throw closedInside(type, have, length);
            }
            have += n;
        }
        this.body = body;
        bodyRead = length;
        return body;
    }

    private static PeerClosedException closedInside(int type, int have, int length) {
        return closedInside(PduDecoder.pduName(type) + " (" + have + " of " + length + " bytes received)");
    }

    private static PeerClosedException closedInside(String what) {
        return new PeerClosedException(false, "connection closed by peer inside a " + what);
    }

    private void readFully(byte[] b, int off, int len, String what) throws IOException {
        int end = off + len;
        while (off < end) {
            int n = in.read(b, off, end - off);
            if (n < 0) {
                headerRead = off;
                throw closedInside(what);
            }
            off += n;
        }
    }

    /** What the bytes look like when they are not DICOM: the likeliest misconfigurations. */
    private static String guess(byte[] h) {
        if ((h[0] == 0x15 || h[0] == 0x16) && h[1] == 0x03) {
            return " (this looks like TLS: is TLS enabled on one side only? check +tls on both)";
        }
        if (looksLikeText(h)) {
            return " (the peer sent text \"" + printable(h) + "...\": is this port a DICOM service?)";
        }
        return " (is the peer speaking DICOM?)";
    }

    private static boolean looksLikeText(byte[] b) {
        for (byte x : b) {
            if (x < 0x20 || x > 0x7e) {
                return false;
            }
        }
        return true;
    }

    private static String printable(byte[] b) {
        return new String(b, java.nio.charset.StandardCharsets.US_ASCII);
    }
}
