package org.echoscu.scp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.echoscu.acse.AcceptorPolicy;
import org.echoscu.acse.TransferSyntax;
import org.echoscu.net.IpFamily;
import org.echoscu.net.MemorySocket;
import org.junit.jupiter.api.Test;

/**
 * echoscp's bound on connections, with connections held in memory: up to the association limit
 * and a waiting room beyond it, connections are served; past them a connection is closed at once,
 * so that clients that connect and say nothing cannot take every thread.
 */
class EchoScpTest {

    @Test
    void aConnectionPastTheLimitAndTheWaitingRoomIsClosedAtOnce() throws Exception {
        AcceptorPolicy policy = new AcceptorPolicy("ECHOSCP", false, Set.of(),
                List.of(TransferSyntax.LITTLE_ENDIAN_IMPLICIT.uid()), 16384);
        int limit = 2;
        EchoScp scp = new EchoScp(new ScpSettings(0, IpFamily.IPV4, policy, 0, 60, 60, limit, null));
        List<MemorySocket[]> held = new ArrayList<>();
        try {
            for (int i = 0; i < limit + EchoScp.MAX_WAITING; i++) { // connected, silent: each waits for its RQ
                MemorySocket[] pair = MemorySocket.pair();
                held.add(pair);
                scp.dispatch(pair[1]);
            }
            assertThat(held).noneMatch(pair -> pair[1].isClosed());

            MemorySocket[] oneTooMany = MemorySocket.pair();
            scp.dispatch(oneTooMany[1]);
            assertThat(oneTooMany[1].isClosed()).isTrue();
            assertThat(oneTooMany[0].getInputStream().read()).as("the client sees the close").isEqualTo(-1);
        } finally {
            for (MemorySocket[] pair : held) {
                pair[0].close(); // each handler then ends (Sta2 + Evt17)
            }
        }
    }
}
