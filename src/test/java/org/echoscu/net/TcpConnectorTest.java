package org.echoscu.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

import org.junit.jupiter.api.Test;

class TcpConnectorTest {

    private static TcpConnector with(IpFamily family) {
        return new TcpConnector("unused", 104, family, 5, null);
    }

    @Test
    void aLiteralIsUsedAsTheFamilyItIs() throws Exception {
        assertThat(with(IpFamily.IPV4).resolve("::1")).containsExactly(InetAddress.getByName("::1"));
        assertThat(with(IpFamily.IPV4).resolve("[::1]")).containsExactly(InetAddress.getByName("::1"));
        assertThat(with(IpFamily.IPV6).resolve("127.0.0.1")).containsExactly(InetAddress.getByName("127.0.0.1"));
    }

    @Test
    void theFamilySteersNames() throws Exception {
        assertThat(with(IpFamily.IPV4).resolve("localhost")).isNotEmpty().allMatch(a -> a instanceof Inet4Address);
        try {
            assertThat(with(IpFamily.IPV6).resolve("localhost")).allMatch(a -> a instanceof Inet6Address);
        } catch (IOException e) { // a machine whose localhost has no IPv6 address: refused, and said so by type
            assertThat(e).hasMessageContaining("has no IPv6 address").hasCauseInstanceOf(UnknownHostException.class);
        }
    }
}
