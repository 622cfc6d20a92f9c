package org.echoscu.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The receive buffer: what one read from below brought, handed out in order, never more asked of the socket than needed. */
class ReceiveBufferTest {

    /** Gives its pieces one per read, as a socket gives what has arrived, and counts the reads. */
    static final class Pieces extends InputStream {
        private final List<byte[]> pieces;
        final List<Integer> asked = new ArrayList<>();
        boolean closed;

        Pieces(byte[]... pieces) {
            this.pieces = new ArrayList<>(Arrays.asList(pieces));
        }

        @Override
        public int read() {
            throw new AssertionError("the buffer reads below in blocks only");
        }

        @Override
        public int read(byte[] b, int off, int len) {
            asked.add(len);
            if (pieces.isEmpty()) {
                return -1;
            }
            byte[] p = pieces.get(0);
            int n = Math.min(len, p.length);
            System.arraycopy(p, 0, b, off, n);
            if (n == p.length) {
                pieces.remove(0);
            } else {
                pieces.set(0, Arrays.copyOfRange(p, n, p.length));
            }
            return n;
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    private static byte[] bytes(int... v) {
        byte[] b = new byte[v.length];
        for (int i = 0; i < v.length; i++) {
            b[i] = (byte) v[i];
        }
        return b;
    }

    @Test
    void aPieceIsReadFromBelowOnceAndHandedOutInOrder() throws IOException {
        Pieces below = new Pieces(bytes(4, 0, 0, 0, 0, 2, 0xaa, 0xbb));
        ReceiveBuffer buffer = new ReceiveBuffer(below, 16);
        assertThat(buffer.buffered()).isZero();
        assertThat(buffer.read()).isEqualTo(4);
        assertThat(buffer.buffered()).isEqualTo(7);
        byte[] rest = new byte[5];
        assertThat(buffer.read(rest, 0, 5)).isEqualTo(5);
        assertThat(rest).containsExactly(0, 0, 0, 0, 2);
        byte[] body = new byte[10];
        assertThat(buffer.read(body, 3, 10 - 3)).as("no more than is buffered, without asking below").isEqualTo(2);
        assertThat(body[3] & 0xFF).isEqualTo(0xaa);
        assertThat(body[4] & 0xFF).isEqualTo(0xbb);
        assertThat(below.asked).containsExactly(16);
        assertThat(buffer.read()).as("the end of the stream").isEqualTo(-1);
        assertThat(buffer.read(body, 0, 1)).isEqualTo(-1);
    }

    @Test
    void anEmptyBufferWaitsForTheNextPieceAndAWholeBufferGoesStraightThrough() throws IOException {
        Pieces below = new Pieces(bytes(1, 2), bytes(3), new byte[40]);
        ReceiveBuffer buffer = new ReceiveBuffer(below, 8);
        byte[] b = new byte[4];
        assertThat(buffer.read(b, 0, 4)).isEqualTo(2);
        assertThat(buffer.read(b, 0, 4)).isEqualTo(1);
        assertThat(b[0]).isEqualTo((byte) 3);
        byte[] big = new byte[32];
        assertThat(buffer.read(big, 0, 32)).as("into the caller's array, not through the buffer").isEqualTo(32);
        assertThat(buffer.buffered()).isZero();
        assertThat(below.asked).containsExactly(8, 8, 32);
    }

    @Test
    void availableIsWhatIsBufferedAndAskingForNothingReadsNothing() throws IOException {
        Pieces below = new Pieces(bytes(1, 2, 3));
        ReceiveBuffer buffer = new ReceiveBuffer(below, 8);
        assertThat(buffer.available()).isZero();
        assertThat(buffer.read(new byte[4], 0, 0)).isZero();
        assertThat(below.asked).isEmpty();
        assertThat(buffer.read()).isEqualTo(1);
        assertThat(buffer.available()).isEqualTo(2);
        assertThatThrownBy(() -> buffer.read(new byte[4], 3, 2)).isInstanceOf(IndexOutOfBoundsException.class);
        buffer.close();
        assertThat(below.closed).isTrue();
    }
}
