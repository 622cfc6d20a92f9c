package org.echoscu.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class ArgumentMaskTest {

    @Test
    void passwordsOfOurOptionsAreMasked() {
        assertThat(ArgumentMask.masked(List.of("-usr", "alice", "-pwd", "s3cret", "--password=s3cret",
                "--proxy", "bob:pr0xy@host:3128", "--socks5=carol:s0cks@[::1]:1080", "--socks5", "host:1080",
                "peer", "104")))
                .containsExactly("-usr", "alice", "-pwd", "********", "--password=********",
                        "--proxy", "bob:********@host:3128", "--socks5=carol:********@[::1]:1080", "--socks5",
                        "host:1080", "peer", "104");
    }

    @Test
    void theTlsKeyPasswordIsMaskedButPasswordFilesAreNamed() {
        assertThat(ArgumentMask.masked(List.of("+tls", "k.pem", "c.pem", "+pw", "k3y", "--use-passwd=k3y",
                "--use-passwd", "k3y", "--password-file", "pw.txt", "--key-password-file", "kpw.txt")))
                .containsExactly("+tls", "k.pem", "c.pem", "+pw", "********", "--use-passwd=********",
                        "--use-passwd", "********", "--password-file", "pw.txt", "--key-password-file", "kpw.txt");
    }

    @Test
    void otherArgumentsAsGiven() {
        List<String> plain = List.of("-v", "-aet", "A:B@C", "localhost", "104");
        assertThat(ArgumentMask.masked(plain)).isEqualTo(plain);
    }
}
