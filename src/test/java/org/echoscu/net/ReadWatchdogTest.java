package org.echoscu.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.TimeUnit;

import org.echoscu.pdu.PDataTf;
import org.echoscu.pdu.Pdu;
import org.echoscu.pdu.PduEncoder;
import org.echoscu.pdu.Pdv;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The reads of a plain TCP socket block without a socket timeout and are ended by the
 * watchdog: a silent peer's wait still ends (as a timeout, naming the limit), the input stays
 * ended, sending still works, and a read with a nearer deadline than the one the watchdog
 * sleeps until is not kept waiting for the farther one. The JUnit timeouts only turn a hang
 * into a failure; nothing here asserts how long a wait took.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ReadWatchdogTest {

    @BeforeEach
    void readsBlock() {
        Transport.blockOnReads(true); // as echoscp, the exporter and a long series set it
    }

    @AfterEach
    void shortRunsAgain() {
        Transport.blockOnReads(false);
    }

    private static final long MAX = 1 << 20;

    /** Our transport and the raw peer's socket, on loopback. */
    private record Pair(Transport ours, Socket peer) implements AutoCloseable {
        @Override
        public void close() throws Exception {
            ours.close();
            peer.close();
        }
    }

    private static Pair connect(int socketTimeoutSeconds) throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Socket client = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort());
            return new Pair(new Transport(client, socketTimeoutSeconds), server.accept());
        }
    }

    private static byte[] pdata(int n) {
        return PduEncoder.encode(new PDataTf(java.util.List.of(new Pdv(1, 0x03, new byte[] {(byte) n}))));
    }

    private static long in(long millis) {
        return System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
    }

    @Test
    void aPlainSocketReadsWithoutASocketTimeout() throws Exception {
        try (Pair p = connect(60)) {
            assertThat(p.ours().socket().getSoTimeout()).as("the watchdog bounds the reads").isZero();
        }
    }

    @Test
    void inAShortRunAReadThatRanOutLeavesTheAssociationUsable() throws Exception {
        Transport.blockOnReads(false);
        try (Pair p = connect(60)) {
            assertThatThrownBy(() -> p.ours().receive(in(200), "DIMSE timeout (0.2 s)", MAX))
                    .isInstanceOf(TimeoutExpiredException.class).hasMessage("DIMSE timeout (0.2 s)");
            p.peer().getOutputStream().write(pdata(3));
            Pdu got = p.ours().receive(in(5000), "DIMSE timeout", MAX);
            assertThat(((PDataTf) got).pdvs().get(0).data()).containsExactly((byte) 3);
        }
    }

    @Test
    void aSilentPeersWaitEndsAsATimeoutAndTheInputStaysEnded() throws Exception {
        try (Pair p = connect(60)) {
            assertThatThrownBy(() -> p.ours().receive(in(200), "DIMSE timeout (0.2 s)", MAX))
                    .isInstanceOfSatisfying(TimeoutExpiredException.class, e -> {
                        assertThat(e.getMessage()).isEqualTo("DIMSE timeout (0.2 s)");
                        assertThat(e.socketTimeout()).isFalse();
                    });
            // what the peer sends now is never read: the wait that ran out ended the input
            p.peer().getOutputStream().write(pdata(1));
            assertThatThrownBy(() -> p.ours().receive(in(5000), "ARTIM timer", MAX))
                    .isInstanceOfSatisfying(TimeoutExpiredException.class,
                            e -> assertThat(e.getMessage()).isEqualTo("ARTIM timer"));
            // sending still works (an A-ABORT after the timeout)
            byte[] sent = pdata(2);
            p.ours().sendEncoded(sent);
            InputStream in = p.peer().getInputStream();
            assertThat(in.readNBytes(sent.length)).isEqualTo(sent);
        }
    }

    @Test
    void theSocketTimeoutBindsWhenNearerThanTheDeadline() throws Exception {
        try (Pair p = connect(1)) {
            assertThatThrownBy(() -> p.ours().receive(in(60_000), "DIMSE timeout (60 s)", MAX))
                    .isInstanceOfSatisfying(TimeoutExpiredException.class, e -> {
                        assertThat(e.socketTimeout()).isTrue();
                        assertThat(e.getMessage()).isEqualTo("socket timeout (1 s)");
                    });
        }
    }

    @Test
    void readsThatGetTheirPdusInTimeAreNotEnded() throws Exception {
        try (Pair p = connect(60)) {
            OutputStream peer = p.peer().getOutputStream();
            for (int i = 0; i < 200; i++) {
                peer.write(pdata(i));
                Pdu got = p.ours().receive(in(5000), "DIMSE timeout", MAX);
                assertThat(((PDataTf) got).pdvs().get(0).data()).containsExactly((byte) i);
            }
        }
    }

    @Test
    void aNearerDeadlineWakesTheWatchdogSleepingUntilAFartherOne() throws Exception {
        try (Pair far = connect(0); Pair near = connect(0)) {
            // a read with a deadline 10 minutes away, in progress: the watchdog sleeps until then
            Thread farReader = new Thread(() -> {
                try {
                    far.ours().receive(in(600_000), "far", MAX);
                } catch (Exception ignored) {
                    // closed at the end of the test
                }
            });
            farReader.setDaemon(true);
            farReader.start();
            Thread.sleep(300); // for the far read to start first (if it does not, the test proves less, but holds)
            // a nearer one must still end, long before the farther deadline (the class timeout)
            assertThatThrownBy(() -> near.ours().receive(in(300), "near", MAX))
                    .isInstanceOf(TimeoutExpiredException.class).hasMessage("near");
            assertThat(farReader.isAlive()).as("the far read still waits").isTrue();
        }
    }

    @Test
    void aReadWithNoLimitAtAllIsNotWatched() throws Exception {
        try (Pair p = connect(0)) {
            p.peer().getOutputStream().write(pdata(7));
            Pdu got = p.ours().receive(0, "", MAX);
            assertThat(((PDataTf) got).pdvs().get(0).data()).containsExactly((byte) 7);
        }
    }
}
