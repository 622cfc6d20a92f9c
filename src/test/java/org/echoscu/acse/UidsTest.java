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

    @Test
    void aUidIsDigitsAndSingleDotsWithoutLeadingZeros() {
        assertThat(Uids.isUid("1.2.840.10008.1.2")).isTrue();
        assertThat(Uids.isUid("1.2.0.3")).isTrue();
        assertThat(Uids.isUid("0")).isTrue();
        assertThat(Uids.isUid("1.2.03")).isFalse();
        assertThat(Uids.isUid("01.2")).isFalse();
        assertThat(Uids.isUid("1..2")).isFalse();
        assertThat(Uids.isUid(".1")).isFalse();
        assertThat(Uids.isUid("1.")).isFalse();
        assertThat(Uids.isUid("")).isFalse();
        assertThat(Uids.isUid("1.2.x")).isFalse();
        assertThat(Uids.isUid("1." + "2".repeat(62))).isTrue();
        assertThat(Uids.isUid("1." + "2".repeat(63))).isFalse();
    }

    @Test
    void aProposalTakesTheTableCountOrAListOfUidsInOrder() {
        assertThat(new AssociationProposal("A", "B", 16384, 1, 2).toPdu().presentationContexts().get(0)
                .transferSyntaxes()).containsExactly("1.2.840.10008.1.2", "1.2.840.10008.1.2.1");
        assertThat(new AssociationProposal("A", "B", 16384, 2, java.util.List.of("1.2.840.10008.1.2.1", "1.2.3"))
                .toPdu().presentationContexts()).allSatisfy(pc -> assertThat(pc.transferSyntaxes())
                        .containsExactly("1.2.840.10008.1.2.1", "1.2.3"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new AssociationProposal("A", "B", 16384, 1,
                java.util.List.of("1.2", "1.2"))).isInstanceOf(IllegalArgumentException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new AssociationProposal("A", "B", 16384, 1,
                java.util.List.of())).isInstanceOf(IllegalArgumentException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new AssociationProposal("A", "B", 16384, 1,
                java.util.List.of("1.02"))).isInstanceOf(IllegalArgumentException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new AssociationProposal("A", "B", 16384, 1, 54))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
