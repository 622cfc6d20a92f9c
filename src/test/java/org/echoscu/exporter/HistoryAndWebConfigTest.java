package org.echoscu.exporter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

import org.echoscu.probe.Phase;
import org.echoscu.probe.PhaseTimes;
import org.echoscu.probe.ProbeOutcome;
import org.echoscu.probe.ProbeResult;
import org.echoscu.probe.Reason;
import org.echoscu.probe.RoundTrips;
import org.echoscu.probe.Target;
import org.junit.jupiter.api.Test;

class HistoryAndWebConfigTest {

    private static ProbeRun run(long id, String host, boolean ok) {
        ProbeResult r = new ProbeResult(new Target(host, null, 104, "ECHOSCU", "ANY-SCP", false), Instant.ofEpochSecond(id),
                PhaseTimes.of(Map.of()), RoundTrips.NONE, new ProbeOutcome(ok ? 0 : 1, ok ? Reason.OK : Reason.REFUSED,
                ok ? Phase.RELEASE : Phase.CONNECT, ok ? null : "refused", null), null, null, null);
        return new ProbeRun(id, "echo", new ProbeTarget("ANY-SCP", host, 104), r, 5, 1000, null, "");
    }

    @Test
    void failuresAreKeptApartFromABurstOfSuccesses() {
        History h = new History(2);
        h.add(run(1, "a", false));
        for (int i = 2; i < 10; i++) {
            h.add(run(i, "a", true));
        }
        assertThat(h.probes()).extracting(ProbeRun::id).containsExactly(9L, 8L, 1L);
        assertThat(h.byId(1)).isNotNull();
        assertThat(h.byId(2)).isNull();
        History.Latest latest = h.latest().get(0);
        assertThat(latest.last().id()).isEqualTo(9);
        assertThat(latest.lastFailure()).isEqualTo(Instant.ofEpochSecond(1));
        assertThat(h.last("ANY-SCP@a:104", "echo").id()).isEqualTo(9);
    }

    @Test
    void latestPerTargetIsBounded() {
        History h = new History(4); // 16 targets at most
        for (int i = 0; i < 100; i++) {
            h.add(run(i, "host" + i, true));
        }
        assertThat(h.latest()).hasSize(16);
    }

    @Test
    void statusPageEscapesWhatItShows() {
        History h = new History(2);
        h.add(run(1, "<b>", false));
        String page = StatusPage.render(h, Instant.now(), 2);
        assertThat(page).contains("ANY-SCP@&lt;b&gt;:104").doesNotContain("<b>").doesNotContain("<script");
    }

    @Test
    void webConfigIsReadStrictly() throws Exception {
        Path f = Files.createTempFile("web", ".yml");
        Files.writeString(f, "basic_auth_users:\n  u: $2y$10$abcdefghijklmnopqrstuuR1oO7mI8YyY0tZ6D2bUeY4dmoKXNv6m\n"
                + "http_server_config:\n  headers:\n    X-Frame-Options: deny\n");
        WebConfig c = WebConfig.load(f);
        assertThat(c.users()).containsKey("u");
        assertThat(c.headers()).containsEntry("X-Frame-Options", "deny");
        assertThat(c.tls()).isNull();
        Files.writeString(f, "basic_auth_users:\n  u: plaintext-password\n");
        assertThatThrownBy(() -> WebConfig.load(f)).hasMessageContaining(":2: key 'basic_auth_users.u': is not a bcrypt hash")
                .hasMessageNotContaining("plaintext-password");
        Files.writeString(f, "tls_server_config:\n  cert_file: a\n  key_file: b\n  client_auth_type: Sometimes\n");
        assertThatThrownBy(() -> WebConfig.load(f)).hasMessageContaining("client_auth_type");
        Files.writeString(f, "tls_server_config:\n  cert_file: a\n  key_file: b\n  client_auth_type: RequireAndVerifyClientCert\n");
        assertThatThrownBy(() -> WebConfig.load(f)).hasMessageContaining("client_ca_file");
        Files.writeString(f, "http_server_config:\n  headers:\n    Set-Cookie: x\n");
        assertThatThrownBy(() -> WebConfig.load(f)).hasMessageContaining(":3: key 'http_server_config.headers.Set-Cookie': unknown key");
        Files.writeString(f, "tls_config: {}\n");
        assertThatThrownBy(() -> WebConfig.load(f)).hasMessageContaining(":1: key 'tls_config': unknown key");
    }
}
