package org.echoscu.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;

import org.junit.jupiter.api.Test;

class AddressTextTest {

    private static String text(String literal) throws Exception {
        return AddressText.of(InetAddress.getByName(literal));
    }

    @Test
    void rfc5952Examples() throws Exception {
        assertThat(text("0:0:0:0:0:0:0:1")).isEqualTo("::1");
        assertThat(text("0:0:0:0:0:0:0:0")).isEqualTo("::");
        assertThat(text("2001:0DB8:0:0:0:0:0:1")).isEqualTo("2001:db8::1"); // 4.1 no leading zeros, 4.3 lower case
        assertThat(text("2001:db8:0:0:1:0:0:1")).isEqualTo("2001:db8::1:0:0:1"); // 4.2.3 the first of equal runs
        assertThat(text("2001:0:0:1:0:0:0:1")).isEqualTo("2001:0:0:1::1"); // 4.2.3 the longest run
        assertThat(text("2001:db8:0:1:1:1:1:1")).isEqualTo("2001:db8:0:1:1:1:1:1"); // 4.2.2 one zero group stays
        assertThat(text("fe80:0:0:0:0:0:0:0")).isEqualTo("fe80::");
        assertThat(text("1:0:0:0:0:0:0:0")).isEqualTo("1::");
        assertThat(text("0:0:0:0:0:0:0:2")).isEqualTo("::2");
    }

    @Test
    void ipv4AsDottedQuad() throws Exception {
        assertThat(text("127.0.0.1")).isEqualTo("127.0.0.1");
        assertThat(text("::ffff:192.0.2.1")).isEqualTo("192.0.2.1"); // the JDK makes a mapped address IPv4
    }

    @Test
    void socketAddressesBracketIpv6() throws Exception {
        assertThat(AddressText.of(new InetSocketAddress(InetAddress.getByName("::1"), 104))).isEqualTo("[::1]:104");
        assertThat(AddressText.of(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 104)))
                .isEqualTo("127.0.0.1:104");
        assertThat(AddressText.of((InetSocketAddress) null)).isEqualTo("?");
    }

    @Test
    void hostsAsGiven() {
        assertThat(AddressText.host("0:0:0:0:0:0:0:1")).isEqualTo("::1");
        assertThat(AddressText.host("[0::1]")).isEqualTo("::1");
        assertThat(AddressText.host("pacs.example.org")).isEqualTo("pacs.example.org");
        assertThat(AddressText.host("127.0.0.1")).isEqualTo("127.0.0.1");
        assertThat(AddressText.host("1:2:3")).isEqualTo("1:2:3"); // not an address: as written
    }

    @Test
    void literalsAreTheirOwnFamily() {
        assertThat(AddressText.isLiteral("::1")).isTrue();
        assertThat(AddressText.isLiteral("[::1]")).isTrue();
        assertThat(AddressText.isLiteral("127.0.0.1")).isTrue();
        assertThat(AddressText.isLiteral("localhost")).isFalse();
        assertThat(AddressText.isLiteral("pacs1.example.org")).isFalse();
        assertThat(AddressText.isLiteral("")).isFalse();
    }
}
