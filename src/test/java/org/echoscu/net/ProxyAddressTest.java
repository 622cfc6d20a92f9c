package org.echoscu.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ProxyAddressTest {

    @Test
    void hostAndPort() {
        assertThat(ProxyAddress.parse("proxy.example.org:3128"))
                .isEqualTo(new ProxyAddress("proxy.example.org", 3128, null, null));
        assertThat(ProxyAddress.parse("[::1]:1080")).isEqualTo(new ProxyAddress("::1", 1080, null, null));
    }

    @Test
    void credentialsMayHoldColonsAndAts() {
        ProxyAddress a = ProxyAddress.parse("alice:p@ss:word@127.0.0.1:8080");
        assertThat(a).isEqualTo(new ProxyAddress("127.0.0.1", 8080, "alice", "p@ss:word"));
        assertThat(a.hasCredentials()).isTrue();
        assertThat(a.toString()).isEqualTo("alice:********@127.0.0.1:8080");
    }

    @Test
    void refusalsNeverQuoteThePassword() {
        assertThatThrownBy(() -> ProxyAddress.parse("alice:s3cret@host")).hasMessage("expected [USER:PASSWORD@]HOST:PORT");
        assertThatThrownBy(() -> ProxyAddress.parse("alice@host:1")).hasMessage("credentials must be USER:PASSWORD");
        assertThatThrownBy(() -> ProxyAddress.parse("host:99999")).hasMessage("port 99999 is not 1..65535");
        assertThatThrownBy(() -> ProxyAddress.parse("host:x")).hasMessage("port 'x' is not a number");
        assertThatThrownBy(() -> ProxyAddress.parse("::1:80")).hasMessageContaining("in brackets");
        assertThatThrownBy(() -> ProxyAddress.parse(":80")).hasMessage("expected [USER:PASSWORD@]HOST:PORT");
    }
}
