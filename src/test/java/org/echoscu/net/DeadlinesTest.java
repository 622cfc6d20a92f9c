package org.echoscu.net;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DeadlinesTest {

    @Test
    void deadlinesCompareByTheirDifference() {
        long near = Long.MAX_VALUE - 5; // nanoTime values may wrap: the later one here is negative
        long far = near + 10;
        assertThat(far).isNegative();
        assertThat(Deadlines.earlier(near, far)).isEqualTo(near);
        assertThat(Deadlines.earlier(far, near)).isEqualTo(near);
        assertThat(Deadlines.earlier(0, far)).isEqualTo(far);
        assertThat(Deadlines.earlier(near, 0)).isEqualTo(near);
        assertThat(Deadlines.notAfter(near, far)).isTrue();
        assertThat(Deadlines.passed(near, far)).isTrue();
        assertThat(Deadlines.passed(far, near)).isFalse();
        assertThat(Deadlines.millisLeft(far, near)).isEqualTo(1);
        assertThat(Deadlines.millisLeft(near, far)).isZero();
    }
}
