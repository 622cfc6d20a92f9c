package org.echoscu.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RoundTripsTest {

    @Test
    void statisticsAreThoseOfPing() {
        RoundTrips r = RoundTrips.NONE.plusAnswered(1_000_000).plusAnswered(3_000_000).plusFailed()
                .plusAnswered(2_000_000);
        assertThat(r.sent()).isEqualTo(4);
        assertThat(r.answered()).isEqualTo(3);
        assertThat(r.failed()).isEqualTo(1);
        assertThat(r.lossPercent()).isEqualTo(25.0);
        assertThat(r.minNanos()).isEqualTo(1_000_000);
        assertThat(r.maxNanos()).isEqualTo(3_000_000);
        assertThat(r.avgNanos()).isEqualTo(2_000_000.0);
        // population deviation of 1, 2, 3 ms: sqrt(2/3) ms
        assertThat(r.mdevNanos()).isCloseTo(Math.sqrt(2.0 / 3) * 1e6, within(1.0));
    }

    @Test
    void addingSeriesKeepsExtremesAndSums() {
        RoundTrips a = RoundTrips.NONE.plusAnswered(5).plusAnswered(9);
        RoundTrips b = RoundTrips.NONE.plusAnswered(2).plusFailed();
        RoundTrips none = RoundTrips.NONE.plusFailed();
        RoundTrips all = a.plus(none).plus(b);
        assertThat(all).isEqualTo(none.plus(b).plus(a));
        assertThat(all.sent()).isEqualTo(5);
        assertThat(all.answered()).isEqualTo(3);
        assertThat(all.minNanos()).isEqualTo(2);
        assertThat(all.maxNanos()).isEqualTo(9);
        assertThat(all.sumNanos()).isEqualTo(16);
    }

    @Test
    void nothingAnsweredHasNoRoundTrip() {
        RoundTrips r = RoundTrips.NONE.plusFailed();
        assertThat(r.lossPercent()).isEqualTo(100.0);
        assertThat(r.avgNanos()).isZero();
        assertThat(r.mdevNanos()).isZero();
        assertThat(RoundTrips.NONE.lossPercent()).isZero();
    }
}
