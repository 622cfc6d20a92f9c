package org.echoscu.net;

import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/**
 * The receive buffer of a {@link Transport}: what one read from the socket brought, handed out
 * to the PDU reader, and how much of it is left ({@link #buffered}) without asking the socket.
 *
 * <p>Written here rather than taken from {@link java.io.BufferedInputStream}, which did this job
 * until 2026-12: its reads are synchronized and it carries mark and reset, which PDUs never need,
 * and in a long series of echoes that cost two lock round trips per PDU and some 6 KB of machine
 * code for C1 to compile before the echoes run at full speed (docs/PERFORMANCE.md, "Fourth
 * pass"). The contract is the one BufferedInputStream kept here: a read takes what is buffered,
 * or else fills the buffer with one read from below, which waits for at least one byte; a read
 * of at least a whole buffer goes straight into the caller's array.
 */
final class ReceiveBuffer extends InputStream {

    private final InputStream in;
    private final byte[] buf;
    private int pos;
    private int count;

    ReceiveBuffer(InputStream in, int size) {
        this.in = in;
        this.buf = new byte[size];
    }

    /** Bytes received and not yet read. */
    int buffered() {
        return count - pos;
    }

    @Override
    public int read() throws IOException {
        if (pos == count && !fill()) {
            return -1;
        }
        return buf[pos++] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        if (len == 0) {
            return 0;
        }
        if (pos == count) {
            if (len >= buf.length) {
                return in.read(b, off, len);
            }
            if (!fill()) {
                return -1;
            }
        }
        int n = Math.min(count - pos, len);
        System.arraycopy(buf, pos, b, off, n);
        pos += n;
        return n;
    }

    /** One read from below into the empty buffer; false at the end of the stream. */
    private boolean fill() throws IOException {
        int n = in.read(buf, 0, buf.length);
        if (n <= 0) { // a blocking read gives at least one byte or the end, as BufferedInputStream took it
            return false;
        }
        pos = 0;
        count = n;
        return true;
    }

    /** What is buffered; the socket is not asked (that would be a FIONREAD system call). */
    @Override
    public int available() {
        return count - pos;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
