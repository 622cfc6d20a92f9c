package org.echoscu.exporter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

class ProbeTargetTest {

    @Test
    void parsesTheTargetForms() {
        assertThat(ProbeTarget.parse("PACS@pacs.example.org:104")).isEqualTo(new ProbeTarget("PACS", "pacs.example.org", 104));
        assertThat(ProbeTarget.parse("10.0.0.1:11112")).isEqualTo(new ProbeTarget("ANY-SCP", "10.0.0.1", 11112));
        assertThat(ProbeTarget.parse("CT 1@[::1]:104")).isEqualTo(new ProbeTarget("CT 1", "::1", 104));
        assertThat(ProbeTarget.parse("A@B@h:1").calledAe()).isEqualTo("A@B");
        assertThat(ProbeTarget.parse("X@[fd00::1]:104").toString()).isEqualTo("X@[fd00::1]:104");
    }

    @Test
    void refusesMalformedTargetsWithOneLine() {
        for (String bad : new String[] {"", "host", "host:", "host:0", "host:65536", "host:x", "::1:104", "[::1]104",
                "THIS-AE-TITLE-IS-TOO-LONG@h:1", "h/x:1", "@h:1"}) {
            assertThatThrownBy(() -> ProbeTarget.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        }
    }

    @Test
    void queryAllowsOnlyTargetModuleAndDebugOnce() {
        assertThat(ExporterService.query("target=CT%401%40h%3A104&module=echo&debug=true"))
                .isEqualTo(Map.of("target", "CT@1@h:104", "module", "echo", "debug", "true"));
        assertThatThrownBy(() -> ExporterService.query("target=h:1&timeout=3")).hasMessageContaining("timeout");
        assertThatThrownBy(() -> ExporterService.query("target=h:1&target=h:2")).hasMessageContaining("more than once");
    }

    @Test
    void addressHashIsFnv1a32() {
        // FNV-1a 32 of "" is the offset basis; of "a" the published test vector 0xe40c292c
        assertThat(ProbeMetrics.fnv32a("")).isEqualTo(0x811c9dc5L);
        assertThat(ProbeMetrics.fnv32a("a")).isEqualTo(0xe40c292cL);
    }
}
