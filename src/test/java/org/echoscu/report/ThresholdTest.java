package org.echoscu.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The range syntax of the Monitoring Plugins guidelines, case by case. */
class ThresholdTest {

    @Test
    void plainNumberAlertsOutsideZeroToIt() {
        Threshold t = Threshold.parse("10");
        assertThat(t.alerts(-0.1)).isTrue();
        assertThat(t.alerts(0)).isFalse();
        assertThat(t.alerts(10)).isFalse();
        assertThat(t.alerts(10.01)).isTrue();
    }

    @Test
    void openEndedAndNegativeInfinity() {
        Threshold below = Threshold.parse("10:");
        assertThat(below.alerts(9.9)).isTrue();
        assertThat(below.alerts(1e9)).isFalse();
        Threshold above = Threshold.parse("~:10");
        assertThat(above.alerts(-1e9)).isFalse();
        assertThat(above.alerts(10.5)).isTrue();
    }

    @Test
    void rangeAndInsideRange() {
        Threshold outside = Threshold.parse("10:20");
        assertThat(outside.alerts(9)).isTrue();
        assertThat(outside.alerts(15)).isFalse();
        assertThat(outside.alerts(21)).isTrue();
        Threshold inside = Threshold.parse("@10:20");
        assertThat(inside.alerts(9)).isFalse();
        assertThat(inside.alerts(10)).isTrue();
        assertThat(inside.alerts(20)).isTrue();
        assertThat(inside.alerts(20.5)).isFalse();
    }

    @Test
    void fractionsOfASecond() {
        assertThat(Threshold.parse("0.25").alerts(0.3)).isTrue();
        assertThat(Threshold.parse("0.25").alerts(0.2)).isFalse();
    }

    @Test
    void nonsenseIsRefusedInWords() {
        assertThatThrownBy(() -> Threshold.parse("x")).hasMessageContaining("not a threshold range");
        assertThatThrownBy(() -> Threshold.parse("NaN")).hasMessageContaining("not a threshold range");
        assertThatThrownBy(() -> Threshold.parse("20:10")).hasMessageContaining("start is greater than end");
    }
}
