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

/** The transport's promises: one write per PDU, TCP_NODELAY, QUICKACK on Linux, bounded waits. */
class TransportTest {

    /** A socket that records every write call its output stream gets. */
    static final class CountingSocket extends Socket {
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
    void quickAckIsAvailableAndSetOnLinuxLoopback() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             Socket client = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort());
             Socket accepted = server.accept()) {
            Transport t = new Transport(client, 60);
            t.send(new org.echoscu.pdu.AReleaseRq());
            assertThat(client.getTcpNoDelay()).isTrue();
            if (System.getProperty("os.name").toLowerCase(java.util.Locale.ROOT).contains("linux")) {
                assertThat(client.getOption(jdk.net.ExtendedSocketOptions.TCP_QUICKACK)).isTrue();
            }
            byte[] got = accepted.getInputStream().readNBytes(10);
            assertThat(got).isEqualTo(PduEncoder.encode(new org.echoscu.pdu.AReleaseRq()));
        }
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
