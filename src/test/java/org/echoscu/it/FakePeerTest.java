package org.echoscu.it;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.Socket;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** A fake peer's script that fails fails the test that used it, on close; a connection's end does not. */
class FakePeerTest {

    private static void connectAndLeave(FakePeer peer) throws Exception {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), peer.port)) {
            s.getOutputStream().write(new byte[] {1, 0, 0, 0, 0, 100}); // an A-ASSOCIATE-RQ header, and no body
        }
    }

    @Test
    void aScriptsOwnExceptionFailsOnClose() throws Exception {
        CountDownLatch ran = new CountDownLatch(1);
        FakePeer peer = FakePeer.start(c -> {
            ran.countDown();
            throw new IllegalStateException("the script's own check");
        });
        connectAndLeave(peer);
        ran.await(30, TimeUnit.SECONDS);
        assertThatThrownBy(peer::close).isInstanceOf(AssertionError.class)
                .hasMessageContaining("the script's own check");
    }

    @Test
    void aConnectionThatEndsUnderTheScriptIsNoFailure() throws Exception {
        CountDownLatch ran = new CountDownLatch(1);
        FakePeer peer = FakePeer.start(c -> {
            ran.countDown();
            c.read(); // a PDU the client never finishes
        });
        connectAndLeave(peer);
        ran.await(30, TimeUnit.SECONDS);
        assertThatCode(peer::close).doesNotThrowAnyException();
    }
}
