package org.echoscu.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TargetWordsTest {

    @Test
    void hostAndPort() throws Exception {
        assertThat(TargetWords.parse("pacs.example.org:104"))
                .isEqualTo(new TargetSpec("pacs.example.org:104", null, "pacs.example.org", 104));
    }

    @Test
    void calledAeTitleBeforeTheAt() throws Exception {
        TargetSpec t = TargetWords.parse("CT_01@10.0.0.7:11112");
        assertThat(t.calledAeTitle()).isEqualTo("CT_01");
        assertThat(t.host()).isEqualTo("10.0.0.7");
        assertThat(t.port()).isEqualTo(11112);
        assertThat(t.address()).isEqualTo("CT_01@10.0.0.7:11112");
    }

    @Test
    void ipv6InBrackets() throws Exception {
        TargetSpec t = TargetWords.parse("PACS@[::1]:4242");
        assertThat(t.host()).isEqualTo("::1");
        assertThat(t.port()).isEqualTo(4242);
        assertThat(t.address()).isEqualTo("PACS@[::1]:4242");
        assertThat(TargetWords.parse("[fe80::1%eth0]:104").host()).isEqualTo("fe80::1%eth0");
    }

    @Test
    void ipv6AsRfc5952WritesIt() throws Exception {
        TargetSpec t = TargetWords.parse("PACS@[0:0:0:0:0:0:0:1]:4242");
        assertThat(t.host()).isEqualTo("::1");
        assertThat(t.address()).isEqualTo("PACS@[::1]:4242");
        assertThat(t.label()).isEqualTo("PACS@[::1]:4242");
    }

    @Test
    void refusesWhatIsNotATarget() {
        assertThatThrownBy(() -> TargetWords.parse("pacs")).hasMessageContaining("no port");
        assertThatThrownBy(() -> TargetWords.parse("pacs:0")).hasMessageContaining("out of range");
        assertThatThrownBy(() -> TargetWords.parse("pacs:70000")).hasMessageContaining("out of range");
        assertThatThrownBy(() -> TargetWords.parse("pacs:abc")).hasMessageContaining("invalid port 'abc'");
        assertThatThrownBy(() -> TargetWords.parse("::1:104")).hasMessageContaining("in brackets: [::1]:104");
        assertThatThrownBy(() -> TargetWords.parse("[::1]104")).hasMessageContaining("expected [IPv6-ADDRESS]:PORT");
        assertThatThrownBy(() -> TargetWords.parse("@host:104")).hasMessageContaining("is empty");
        assertThatThrownBy(() -> TargetWords.parse("SEVENTEEN_CHARS_X@host:104"))
                .hasMessageContaining("17 characters long");
        assertThatThrownBy(() -> TargetWords.parse("AE@:104")).hasMessageContaining("no host");
    }
}
