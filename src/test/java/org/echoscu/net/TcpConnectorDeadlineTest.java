package org.echoscu.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The deadline of a whole connection ({@link TcpConnector#limit}) ends the waits that have no
 * deadline of their own: a proxy that never answers its handshake, a socket layer (TLS) whose
 * handshake never completes. Against a loopback listener that accepts and says nothing; every
 * timeout of the connection's own is a minute, so only the deadline can end these waits, and the
 * tests tell it by the failure's type, not by the time taken.
 */
class TcpConnectorDeadlineTest {

    private static final int MINUTE = 60;
    private ServerSocket silent;

    @BeforeEach
    void listen() throws IOException {
        silent = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        Thread t = new Thread(() -> {
            try {
                while (true) {
                    silent.accept(); // kept open by the listener's backlog and never read
                }
            } catch (IOException e) {
                // closed by the test
            }
        });
        t.setDaemon(true);
        t.start();
    }

    @AfterEach
    void close() throws IOException {
        silent.close();
    }

    /** A step of the connection that waits on the socket with no limit of its own. */
    private static void readForever(Socket s) throws IOException {
        s.setSoTimeout(0);
        s.getInputStream().read();
    }

    private static final SocketLayer HANGING_HANDSHAKE = new SocketLayer() {
        @Override
        public Socket wrapConnected(Socket connected, String host, int port) throws IOException {
            readForever(connected);
            return connected;
        }

        @Override
        public Socket wrapAccepted(Socket accepted) {
            return accepted;
        }
    };

    private Tunnel hangingProxy() {
        return new Tunnel() {
            @Override
            public String proxyHost() {
                return "127.0.0.1";
            }

            @Override
            public int proxyPort() {
                return silent.getLocalPort();
            }

            @Override
            public String kind() {
                return "HTTP proxy";
            }

            @Override
            public void open(Socket toProxy, String host, int port) throws IOException {
                readForever(toProxy);
            }
        };
    }

    private static long soon() {
        return System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(200);
    }

    @Test
    void theDeadlineEndsASocketLayersHandshake() {
        TcpConnector c = new TcpConnector("127.0.0.1", silent.getLocalPort(), IpFamily.IPV4, MINUTE,
                HANGING_HANDSHAKE).limit(soon(), "deadline of the probe");
        IOException e = catchThrowableOfType(IOException.class, c::connect);
        assertThat(e).hasMessage("no connection to 127.0.0.1 port " + silent.getLocalPort()
                + " within the deadline of the probe").hasCauseInstanceOf(TimeoutExpiredException.class);
        assertThat(c.tcpConnectedNanos()).as("the TCP connection was made; the handshake ran out").isNotZero();
    }

    @Test
    void theDeadlineEndsAProxysHandshake() {
        TcpConnector c = new TcpConnector("pacs.example.org", 104, IpFamily.IPV4, MINUTE, null, hangingProxy())
                .limit(soon(), "deadline of the probe");
        IOException e = catchThrowableOfType(IOException.class, c::connect);
        assertThat(e).hasMessageContaining("HTTP proxy 127.0.0.1 port " + silent.getLocalPort()
                + " to pacs.example.org port 104 within the deadline of the probe")
                .hasCauseInstanceOf(TimeoutExpiredException.class);
        assertThat(c.tunnelOpenedAt()).isZero();
    }

    @Test
    void aDeadlinePassedConnectsNothing() {
        TcpConnector c = new TcpConnector("127.0.0.1", silent.getLocalPort(), IpFamily.IPV4, MINUTE, null)
                .limit(System.nanoTime() - 1, "deadline of the probe");
        IOException e = catchThrowableOfType(IOException.class, c::connect);
        assertThat(e).hasCauseInstanceOf(TimeoutExpiredException.class);
        assertThat(c.resolvedNanos()).isZero();
    }

    @Test
    void aCancelEndsAHandshakeAndIsNoTimeout() throws Exception {
        TcpConnector c = new TcpConnector("127.0.0.1", silent.getLocalPort(), IpFamily.IPV4, MINUTE,
                HANGING_HANDSHAKE).limit(System.nanoTime() + TimeUnit.SECONDS.toNanos(MINUTE), "deadline of the probe");
        CompletableFuture<Throwable> failed = CompletableFuture.supplyAsync(() -> catchThrowableOfType(IOException.class,
                c::connect));
        while (c.tcpConnectedNanos() == 0 && !failed.isDone()) {
            Thread.sleep(10);
        }
        c.cancel();
        Throwable e = failed.get(MINUTE, TimeUnit.SECONDS);
        assertThat(e).isNotNull();
        assertThat(e.getCause()).isNotInstanceOf(TimeoutExpiredException.class);
    }

    @Test
    void withoutADeadlineAConnectionIsMadeAsBefore() throws Exception {
        TcpConnector c = new TcpConnector("127.0.0.1", silent.getLocalPort(), IpFamily.IPV4, MINUTE, null);
        try (Socket s = c.connect()) {
            assertThat(s.isConnected()).isTrue();
            assertThat(c.connectedAddress()).isEqualTo(InetAddress.getByName("127.0.0.1"));
        }
    }
}
