package org.echoscu.exporter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;

import org.echoscu.net.IpFamily;
import org.junit.jupiter.api.Test;

class ConfigFileTest {

    @Test
    void readsEveryModuleKeyWithDefaults() throws Exception {
        ExporterConfig c = ConfigFile.parseText("x.yml", """
                modules:
                  echo: {}
                  pacs:
                    calling_ae: MONITOR
                    timeout: 1m30s
                    ip_family: auto
                    max_pdu: 32768
                    transfer_syntaxes: 3
                    proxy: socks5://127.0.0.1:1080
                    user_identity:
                      username: mon
                """);
        assertThat(c.modules().get("echo")).isEqualTo(new Module("echo", "ECHOSCU", Duration.ofSeconds(5), IpFamily.IPV4,
                16384, 1, null, null, null));
        Module p = c.modules().get("pacs");
        assertThat(p.callingAe()).isEqualTo("MONITOR");
        assertThat(p.timeout()).isEqualTo(Duration.ofSeconds(90));
        assertThat(p.family()).isEqualTo(IpFamily.AUTO);
        assertThat(p.maxPdu()).isEqualTo(32768);
        assertThat(p.transferSyntaxes()).isEqualTo(3);
        assertThat(p.identity()).isEqualTo(new Module.Identity("username", "mon", null));
        assertThat(c.allowedTargets().loopbackOnly()).isTrue();
    }

    @Test
    void errorsNameTheFileTheLineAndTheKey() {
        assertThatThrownBy(() -> ConfigFile.parseText("x.yml", "modules:\n  echo:\n    timout: 5s\n"))
                .hasMessageStartingWith("x.yml:3: key 'modules.echo.timout': unknown key");
        assertThatThrownBy(() -> ConfigFile.parseText("x.yml", "modules:\n  echo:\n    timeout: five\n"))
                .hasMessageStartingWith("x.yml:3: key 'modules.echo.timeout'");
        assertThatThrownBy(() -> ConfigFile.parseText("x.yml", "modules:\n  echo:\n    max_pdu: [1]\n"))
                .hasMessageStartingWith("x.yml:3: key 'modules.echo.max_pdu': must be a single value");
        assertThatThrownBy(() -> ConfigFile.parseText("x.yml", "modules:\n  e:\n    calling_ae: THIS-TITLE-IS-TOO-LONG\n"))
                .hasMessageContaining("x.yml:3: key 'modules.e.calling_ae'");
        assertThatThrownBy(() -> ConfigFile.parseText("x.yml", "modules:\n  e:\n    proxy: http://u:secret@h:3128\n"))
                .hasMessageContaining("no credentials").hasMessageNotContaining("secret");
        assertThatThrownBy(() -> ConfigFile.parseText("x.yml", "modulez: {}\n"))
                .hasMessageStartingWith("x.yml:1: key 'modulez': unknown key");
        assertThatThrownBy(() -> ConfigFile.parseText("x.yml", "modules:\n  e: {}\nallowed_targets:\n  - 10.0.0.0/33\n"))
                .hasMessageStartingWith("x.yml:4: key 'allowed_targets'");
        assertThatThrownBy(() -> ConfigFile.parseText("x.yml", "modules:\n  e:\n  e:\n"))
                .hasMessageContaining("x.yml:");
        assertThatThrownBy(() -> ConfigFile.parseText("x.yml", "modules: [\n")).hasMessageStartingWith("x.yml:");
    }

    @Test
    void durationsAsPrometheusWritesThem() {
        assertThat(ConfigFile.parseDuration("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(ConfigFile.parseDuration("1h2m3s")).isEqualTo(Duration.ofSeconds(3723));
        assertThat(ConfigFile.parseDuration("1.5s")).isEqualTo(Duration.ofMillis(1500));
        assertThat(ConfigFile.parseDuration("5")).isNull();
        assertThat(ConfigFile.parseDuration("5s ")).isNull();
    }

    @Test
    void theShippedExampleIsValid() throws Exception {
        ExporterConfig c = ConfigFile.load(Path.of("contrib/echoscu-exporter.yml"));
        assertThat(c.modules()).containsKey("echo");
        assertThat(c.allowedTargets().admits(InetAddress.getByName("127.0.0.1"), 104)).isTrue();
    }

    @Test
    void allowedTargetsMatchNetworksNamesAndPorts() throws Exception {
        AllowedTargets a = AllowedTargets.of(java.util.List.of("10.20.0.0/16:104", "[fd00::/8]:100-200", "192.0.2.7",
                "localhost:11112"));
        assertThat(a.admits(InetAddress.getByName("10.20.3.4"), 104)).isTrue();
        assertThat(a.admits(InetAddress.getByName("10.20.3.4"), 105)).isFalse();
        assertThat(a.admits(InetAddress.getByName("10.21.0.1"), 104)).isFalse();
        assertThat(a.admits(InetAddress.getByName("fd12::1"), 150)).isTrue();
        assertThat(a.admits(InetAddress.getByName("fe80::1"), 150)).isFalse();
        assertThat(a.admits(InetAddress.getByName("192.0.2.7"), 1)).isTrue();
        assertThat(a.admits(InetAddress.getByName("192.0.2.8"), 1)).isFalse();
        assertThat(a.admits(InetAddress.getByName("127.0.0.1"), 11112)).as("what localhost resolves to").isTrue();
        assertThat(a.admits(InetAddress.getByName("127.0.0.1"), 104)).isFalse();
        AllowedTargets none = AllowedTargets.of(java.util.List.of());
        assertThat(none.admits(InetAddress.getByName("127.0.0.5"), 104)).isTrue();
        assertThat(none.admits(InetAddress.getByName("::1"), 104)).isTrue();
        assertThat(none.admits(InetAddress.getByName("10.0.0.1"), 104)).isFalse();
        for (String bad : new String[] {"10.0.0.0/33", "fd00::/8:104", "host:0", "host:5-4", "a b", ""}) {
            assertThatThrownBy(() -> AllowedTargets.of(java.util.List.of(bad))).as(bad)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
