package org.echoscu.acse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UidsTest {

    @Test
    void theVersionNameIsMadeOfTheBuildVersion() {
        assertThat(Uids.versionName("0.1.0")).isEqualTo("JECHOSCU_010");
        assertThat(Uids.versionName("1.12.3-SNAPSHOT")).isEqualTo("JECHOSCU_1123");
        assertThat(Uids.IMPLEMENTATION_VERSION_NAME).isEqualTo(Uids.versionName(BuildVersion.VERSION));
    }

    @Test
    void theVersionNameNeverPassesSixteenCharacters() {
        assertThat(Uids.versionName("12345.67890.12")).isEqualTo("JECHOSCU_1234567").hasSize(16);
    }
}
