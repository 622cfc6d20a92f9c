package org.echoscu.scu;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.echoscu.acse.AssociationProposal;
import org.echoscu.acse.ProbeProposal;
import org.echoscu.acse.TransferSyntax;
import org.echoscu.acse.Uids;
import org.echoscu.net.IpFamily;
import org.echoscu.net.Tunnel;
import org.junit.jupiter.api.Test;

/**
 * The peer report connects as an echo does, through the same requester: with a proxy given it
 * goes through the proxy (it once made a direct connection of its own, bypassing it).
 */
class PeerInfoProbeTest {

    @Test
    void thePeerReportGoesThroughTheProxy() throws Exception {
        List<String> asked = new CopyOnWriteArrayList<>();
        try (ServerSocket proxy = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            Tunnel tunnel = new Tunnel() {
                @Override
                public String proxyHost() {
                    return "127.0.0.1";
                }

                @Override
                public int proxyPort() {
                    return proxy.getLocalPort();
                }

                @Override
                public String kind() {
                    return "HTTP proxy";
                }

                @Override
                public void open(Socket toProxy, String host, int port) throws IOException {
                    asked.add(host + ":" + port);
                    throw new IOException("HTTP proxy refuses the tunnel");
                }
            };
            // the peer's own port is closed: a direct connection would be refused instead
            EchoSettings s = new EchoSettings("127.0.0.1", 9, IpFamily.IPV4,
                    new AssociationProposal("ECHOSCU", "ANY-SCP", 16384, 1, 1), 10, 10, 10, 10, 1, false, null, null,
                    tunnel);
            ProbeProposal proposal = new ProbeProposal("ECHOSCU", "ANY-SCP", 16384,
                    List.of(Uids.VERIFICATION_SOP_CLASS), List.of(TransferSyntax.LITTLE_ENDIAN_IMPLICIT.uid()),
                    false, false);
            PeerInfo info = new PeerInfoProbe(s, proposal, false).run();
            assertThat(asked).containsExactly("127.0.0.1:9");
            assertThat(info.accepted()).isZero();
            assertThat(info.failures()).singleElement().asString()
                    .isEqualTo("association request failed: HTTP proxy refuses the tunnel");
        }
    }
}
