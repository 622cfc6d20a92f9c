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

    @Test
    void aLiteralUnderADeadlineIsParsedOnTheCallersThread() throws Exception {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long before = threads.getTotalStartedThreadCount();
        for (int i = 0; i < 100; i++) {
            TcpConnector c = with(IpFamily.IPV4).limit(System.nanoTime() + 5_000_000_000L, "deadline");
            assertThat(c.resolve(i % 2 == 0 ? "127.0.0.1" : "::1")).hasSize(1);
        }
        // a thread per resolution would start 100; the JVM may start one or two of its own meanwhile
        assertThat(threads.getTotalStartedThreadCount() - before).isLessThan(10);
    }

    @Test
    void onlyWhatTheJdkParsesSkipsTheResolver() {
        assertThat(TcpConnector.parsedNotLookedUp("127.0.0.1")).isTrue();
        assertThat(TcpConnector.parsedNotLookedUp("::1")).isTrue();
        assertThat(TcpConnector.parsedNotLookedUp("255.255.255.255")).isTrue();
        assertThat(TcpConnector.parsedNotLookedUp("256.1.1.1")).isFalse();
        assertThat(TcpConnector.parsedNotLookedUp("127.1")).isFalse();
        assertThat(TcpConnector.parsedNotLookedUp("1.2.3.4.5")).isFalse();
        assertThat(TcpConnector.parsedNotLookedUp("pacs.example")).isFalse();
        assertThat(TcpConnector.parsedNotLookedUp("")).isFalse();
    }
}
