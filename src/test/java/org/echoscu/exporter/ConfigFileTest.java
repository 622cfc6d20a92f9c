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
                16384, Module.TransferSyntaxes.first(1), null, null, null, false, java.util.List.of()));
        Module p = c.modules().get("pacs");
        assertThat(p.callingAe()).isEqualTo("MONITOR");
        assertThat(p.timeout()).isEqualTo(Duration.ofSeconds(90));
        assertThat(p.family()).isEqualTo(IpFamily.AUTO);
        assertThat(p.maxPdu()).isEqualTo(32768);
        assertThat(p.transferSyntaxes()).isEqualTo(Module.TransferSyntaxes.first(3));
        assertThat(p.transferSyntaxes().proposed()).containsExactly("1.2.840.10008.1.2", "1.2.840.10008.1.2.1",
                "1.2.840.10008.1.2.2");
        assertThat(p.peerInfo()).isFalse();
        assertThat(p.identity()).isEqualTo(new Module.Identity("username", "mon", null));
        assertThat(c.allowedTargets().loopbackOnly()).isTrue();
    }

    @Test
    void transferSyntaxesAsAListAreProposedInThatOrder() throws Exception {
        ExporterConfig c = ConfigFile.parseText("x.yml", """
                modules:
                  pacs:
                    transfer_syntaxes:
                      - 1.2.840.10008.1.2.1
                      - 1.2.840.10008.1.2
                      - 1.2.826.0.1.3680043.9.9999.1
                    peer_info: true
                """);
        Module p = c.modules().get("pacs");
        assertThat(p.transferSyntaxes().proposed()).containsExactly("1.2.840.10008.1.2.1", "1.2.840.10008.1.2",
                "1.2.826.0.1.3680043.9.9999.1");
        assertThat(p.peerInfo()).isTrue();
        assertThat(ModuleText.of(p)).contains("""
                  transfer_syntaxes:
                    - 1.2.840.10008.1.2.1 # LittleEndianExplicit
                    - 1.2.840.10008.1.2 # LittleEndianImplicit
                    - 1.2.826.0.1.3680043.9.9999.1 # not in echoscu's -pts table
                  peer_info: true
                """);
        assertThat(ModuleText.of(Module.builtIn())).contains("  transfer_syntaxes: 1\n  peer_info: false\n");
    }

    @Test
    void peerInfoSopClassesByUidOrName() throws Exception {
        Module p = ConfigFile.parseText("x.yml", """
                modules:
                  pacs:
                    peer_info: true
                    peer_info_sop_classes: [CTImageStorage, 1.2.840.10008.5.1.4.1.1.4, 1.2.3.4]
                """).modules().get("pacs");
        assertThat(p.peerInfoSopClasses()).containsExactly("1.2.840.10008.5.1.4.1.1.2", "1.2.840.10008.5.1.4.1.1.4",
                "1.2.3.4");
        assertThat(ModuleText.of(p)).contains("""
                  peer_info_sop_classes:
                    - 1.2.840.10008.5.1.4.1.1.2 # CTImageStorage
                    - 1.2.840.10008.5.1.4.1.1.4 # MRImageStorage
                    - 1.2.3.4
                """);
        String head = "modules:\n  e:\n    peer_info: true\n    peer_info_sop_classes:";
        assertThatThrownBy(() -> ConfigFile.parseText("x.yml", "modules:\n  e:\n    peer_info_sop_classes: [CTImageStorage]\n"))
                .hasMessageStartingWith("x.yml:3: key 'modules.e.peer_info_sop_classes': goes with peer_info: true only");
        assertThatThrownBy(() -> ConfigFile.parseText("x.yml", head + " []\n"))
                .hasMessageStartingWith("x.yml:4: key 'modules.e.peer_info_sop_classes': must list 1..16");
        assertThatThrownBy(() -> ConfigFile.parseText("x.yml", head + " CTImageStorage\n"))
                .hasMessageStartingWith("x.yml:4: key 'modules.e.peer_info_sop_classes': must be a list");
        assertThatThrownBy(() -> ConfigFile.parseText("x.yml", head + "\n      - CTImageStorage\n      - CTImage\n"))
                .hasMessageStartingWith("x.yml:6: key 'modules.e.peer_info_sop_classes': 'CTImage' is neither a UID");
        assertThatThrownBy(() -> ConfigFile.parseText("x.yml", head + "\n      - CTImageStorage\n"
                + "      - 1.2.840.10008.5.1.4.1.1.2\n"))
                .hasMessageStartingWith("x.yml:6: key 'modules.e.peer_info_sop_classes': SOP class 1.2.840.10008.5.1.4.1.1.2 "
                        + "is given twice");
        assertThatThrownBy(() -> ConfigFile.parseText("x.yml", head + " [Verification]\n"))
                .hasMessageStartingWith("x.yml:4: key 'modules.e.peer_info_sop_classes': Verification is always proposed");
    }

    @Test
    void transferSyntaxListErrorsNameTheLine() {
        String head = "modules:\n  e:\n    transfer_syntaxes:";
        assertThatThrownBy(() -> ConfigFile.parseText("x.yml", head + " []\n"))
                .hasMessageStartingWith("x.yml:3: key 'modules.e.transfer_syntaxes': the list is empty");
        assertThatThrownBy(() -> ConfigFile.parseText("x.yml", head + "\n      - 1.2.840.10008.1.2\n"
                + "      - 1.2.840.10008.1.2.1\n      - 1.2.840.10008.1.2\n"))
                .hasMessageStartingWith("x.yml:6: key 'modules.e.transfer_syntaxes': transfer syntax 1.2.840.10008.1.2 "
                        + "is given twice");
        assertThatThrownBy(() -> ConfigFile.parseText("x.yml", head + "\n      - 1.2.840.10008.1.2\n      - LittleEndianExplicit\n"))
                .hasMessageStartingWith("x.yml:5: key 'modules.e.transfer_syntaxes': 'LittleEndianExplicit' is not a UID");
        assertThatThrownBy(() -> ConfigFile.parseText("x.yml", head + "\n      - 1.2.840.10008.01.2\n"))
                .hasMessageStartingWith("x.yml:4: key 'modules.e.transfer_syntaxes': '1.2.840.10008.01.2' is not a UID");
        assertThatThrownBy(() -> ConfigFile.parseText("x.yml", head + "\n      - [1.2]\n"))
                .hasMessageStartingWith("x.yml:4: key 'modules.e.transfer_syntaxes': must be a single value");
        assertThatThrownBy(() -> ConfigFile.parseText("x.yml", head + " 1.2.840.10008.1.2\n"))
                .hasMessageStartingWith("x.yml:3: key 'modules.e.transfer_syntaxes': must be a count 1..53 or a list");
        assertThatThrownBy(() -> ConfigFile.parseText("x.yml", head + " {a: 1}\n"))
                .hasMessageStartingWith("x.yml:3: key 'modules.e.transfer_syntaxes': must be a count 1..53 or a list");
        assertThatThrownBy(() -> ConfigFile.parseText("x.yml", head + " 54\n"))
                .hasMessageStartingWith("x.yml:3: key 'modules.e.transfer_syntaxes': must be 1..53");
        StringBuilder many = new StringBuilder(head).append('\n');
        for (int i = 1; i <= 129; i++) {
            many.append("      - 1.2.3.").append(i).append('\n');
        }
        assertThatThrownBy(() -> ConfigFile.parseText("x.yml", many.toString()))
                .hasMessageStartingWith("x.yml:4: key 'modules.e.transfer_syntaxes': at most 128");
        assertThatThrownBy(() -> ConfigFile.parseText("x.yml", "modules:\n  e:\n    peer_info: yes\n"))
                .hasMessageStartingWith("x.yml:3: key 'modules.e.peer_info': must be true or false");
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
