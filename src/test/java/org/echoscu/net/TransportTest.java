package org.echoscu.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.echoscu.acse.AssociationProposal;
import org.echoscu.pdu.AAssociateRq;
import org.echoscu.pdu.PduEncoder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The transport's promises: one write per PDU, TCP_NODELAY, QUICKACK for a peer that needs it, bounded waits. */
class TransportTest {

    /** A socket that records every write call its output stream gets. */
    static class CountingSocket extends Socket {
        final List<byte[]> writes = new ArrayList<>();
        boolean noDelay;

        @Override
        public OutputStream getOutputStream() {
            return new OutputStream() {
                @Override
                public void write(int b) {
                    writes.add(new byte[] {(byte) b});
                }

                @Override
                public void write(byte[] b, int off, int len) {
                    writes.add(java.util.Arrays.copyOfRange(b, off, off + len));
                }
            };
        }

        @Override
        public InputStream getInputStream() {
            return new ByteArrayInputStream(new byte[0]);
        }

        @Override
        public void setTcpNoDelay(boolean on) {
            noDelay = on;
        }

        @Override
        public Set<SocketOption<?>> supportedOptions() {
            return Set.of();
        }

        @Override
        public void setSoTimeout(int timeout) {
        }
    }

    @Test
    void everyPduLeavesInASingleWriteWithNoDelay() throws Exception {
        CountingSocket s = new CountingSocket();
        Transport t = new Transport(s, 60);
        AAssociateRq rq = new AssociationProposal("A", "B", 16384, 128, 38).toPdu();
        t.send(rq);
        assertThat(s.noDelay).isTrue();
        assertThat(s.writes).hasSize(1);
        assertThat(s.writes.get(0)).isEqualTo(PduEncoder.encode(rq));
    }

    @Test
    void onLoopbackAPduLeavesWholeWithNoDelay() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             Socket client = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort());
             Socket accepted = server.accept()) {
            Transport t = new Transport(client, 60);
            t.send(new org.echoscu.pdu.AReleaseRq());
            assertThat(client.getTcpNoDelay()).isTrue();
            byte[] got = accepted.getInputStream().readNBytes(10);
            assertThat(got).isEqualTo(PduEncoder.encode(new org.echoscu.pdu.AReleaseRq()));
        }
    }

    /**
     * A socket with TCP_QUICKACK whose peer sends a PDU in two pieces: the first at once, the
     * second either at once too (TCP_NODELAY) or, with Nagle's algorithm, only once we have
     * acknowledged the first, which here is the moment QUICKACK is set.
     */
    static final class PiecesSocket extends CountingSocket {
        static final SocketOption<Boolean> QUICKACK = jdk.net.ExtendedSocketOptions.TCP_QUICKACK;
        final byte[] pdu = PduEncoder.encode(new org.echoscu.pdu.AReleaseRp());
        final boolean heldBack;
        int quickAcks;
        int pos;

        PiecesSocket(boolean heldBack) {
            this.heldBack = heldBack;
        }

        private int released() {
            return heldBack && quickAcks == 0 ? 6 : pdu.length; // the header, then the body
        }

        @Override
        public Set<SocketOption<?>> supportedOptions() {
            return Set.of(QUICKACK);
        }

        @Override
        public <T> Socket setOption(SocketOption<T> name, T value) {
            assertThat(name).isEqualTo(QUICKACK);
            quickAcks++;
            return this;
        }

        @Override
        public InputStream getInputStream() {
            return new InputStream() {
                @Override
                public int available() {
                    return released() - pos;
                }

                @Override
                public int read() {
                    throw new AssertionError("single-byte reads are not expected");
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    int n = Math.min(len, released() - pos);
                    assertThat(n).as("a read the fake peer could not answer: it would block").isPositive();
                    System.arraycopy(pdu, pos, b, off, n);
                    pos += n;
                    return n;
                }
            };
        }
    }

    @Test
    void aPeerThatHoldsBackTheRestOfAPduIsAcknowledgedThenAndAfterEachSend() throws Exception {
        PiecesSocket s = new PiecesSocket(true);
        Transport t = new Transport(s, 60);

        assertThat(t.receive(0, "test", 1 << 20)).isInstanceOf(org.echoscu.pdu.AReleaseRp.class);
        assertThat(s.quickAcks).as("the ACK that released the rest").isEqualTo(1);

        t.send(new org.echoscu.pdu.AReleaseRq());
        assertThat(s.quickAcks).as("from then on after each send").isEqualTo(2);
    }

    @Test
    void theQuickAckAfterEachSendIsRecheckedAfterAWhile() throws Exception {
        PiecesSocket s = new PiecesSocket(true);
        Transport t = new Transport(s, 60);
        assertThat(t.receive(0, "test", 1 << 20)).isInstanceOf(org.echoscu.pdu.AReleaseRp.class);
        for (int i = 0; i < DeadlineInputStream.RECHECK_AFTER; i++) {
            t.send(new org.echoscu.pdu.AReleaseRq());
        }
        assertThat(s.quickAcks).isEqualTo(1 + DeadlineInputStream.RECHECK_AFTER);

        t.send(new org.echoscu.pdu.AReleaseRq());
        t.send(new org.echoscu.pdu.AReleaseRq());
        assertThat(s.quickAcks).as("the recheck: sends without, until the peer holds back again")
                .isEqualTo(1 + DeadlineInputStream.RECHECK_AFTER);
    }

    @Test
    void aPeerThatSendsItsPiecesAtOnceGetsNoQuickAck() throws Exception {
        PiecesSocket s = new PiecesSocket(false);
        Transport t = new Transport(s, 60);
        t.send(new org.echoscu.pdu.AReleaseRq());

        assertThat(t.receive(0, "test", 1 << 20)).isInstanceOf(org.echoscu.pdu.AReleaseRp.class);
        t.send(new org.echoscu.pdu.AReleaseRq());

        assertThat(s.quickAcks).isZero();
    }

    @Test
    @Timeout(10)
    void aDeadlineBoundsAPeerDrippingBytes() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             Socket client = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort());
             Socket accepted = server.accept()) {
            Thread dripper = new Thread(() -> {
                try {
                    OutputStream out = accepted.getOutputStream();
                    out.write(new byte[] {2, 0, 0, 0, 0x10, 0}); // an A-ASSOCIATE-AC header, then a byte each 100 ms
                    for (int i = 0; i < 100; i++) {
                        Thread.sleep(100);
                        out.write(0);
                    }
                } catch (Exception ignored) {
                    // the client gave up: expected
                }
            });
            dripper.setDaemon(true);
            dripper.start();
            Transport t = new Transport(client, 60);
            // the deadline's own exception, not the PDU (which takes seconds to come whole) nor the socket timeout
            assertThatThrownBy(() -> t.receive(Deadlines.after(1), "ACSE timeout (1 s)", 16384))
                    .isInstanceOf(TimeoutExpiredException.class).hasMessage("ACSE timeout (1 s)")
                    .matches(e -> !((TimeoutExpiredException) e).socketTimeout());
        }
    }

    @Test
    @Timeout(10)
    void theSocketTimeoutBoundsEachRead() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             Socket client = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort());
             Socket accepted = server.accept()) {
            Transport t = new Transport(client, 1);
            assertThatThrownBy(() -> t.receive(0, "", 16384))
                    .isInstanceOf(TimeoutExpiredException.class).hasMessage("socket timeout (1 s)");
        }
    }

}
