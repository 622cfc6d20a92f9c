package org.echoscu.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class FleetRunTest {

    private static List<TargetSpec> targets(int n) {
        List<TargetSpec> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new TargetSpec("t" + i, null, "h" + i, 1 + i));
        }
        return out;
    }

    @Test
    void neverMoreThanParallelInFlightAndExactlyThatManyWhenWorkWaits() throws Exception {
        int parallel = 7;
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        CountDownLatch allStarted = new CountDownLatch(parallel);
        List<Integer> results = FleetRun.run(targets(50), parallel, t -> {
            int now = inFlight.incrementAndGet();
            most.accumulateAndGet(now, Math::max);
            allStarted.countDown();
            try { // the first wave waits until all of it is running: proves the pool really is that wide
                allStarted.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            inFlight.decrementAndGet();
            return t.port();
        }, (i, t, r) -> { });
        assertThat(most.get()).isEqualTo(parallel);
        assertThat(allStarted.getCount()).isZero();
        assertThat(results).hasSize(50);
        for (int i = 0; i < 50; i++) {
            assertThat(results.get(i)).as("results in target order").isEqualTo(1 + i);
        }
    }

    @Test
    void doneHearsOfEachTargetOnceOneAtATime() throws Exception {
        AtomicInteger inDone = new AtomicInteger();
        List<String> heard = new ArrayList<>();
        FleetRun.run(targets(40), 8, TargetSpec::name, (i, t, r) -> {
            assertThat(inDone.incrementAndGet()).isEqualTo(1);
            heard.add(r);
            inDone.decrementAndGet();
        });
        assertThat(heard).hasSize(40).doesNotHaveDuplicates();
    }

    @Test
    void fewerTargetsThanParallelAndABugSurfaces() throws Exception {
        assertThat(FleetRun.run(targets(2), 32, TargetSpec::host, (i, t, r) -> { })).containsExactly("h0", "h1");
        assertThatThrownBy(() -> FleetRun.run(targets(5), 2, t -> {
            throw new IllegalStateException("bug");
        }, (i, t, r) -> { })).isInstanceOf(IllegalStateException.class).hasMessage("bug");
    }

    @Test
    void progressOnlyOnATerminalAndErasedAtTheEnd() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        Progress p = new Progress(err, true, 3);
        p.advance(true);
        p.advance(false);
        p.hide();
        String shown = bytes.toString(StandardCharsets.UTF_8);
        assertThat(shown).contains("\r1 / 3 done, 0 failed", "\r2 / 3 done, 1 failed");
        assertThat(shown).endsWith("\r" + " ".repeat("2 / 3 done, 1 failed".length()) + "\r");
        assertThat(p.failed()).isEqualTo(1);

        ByteArrayOutputStream none = new ByteArrayOutputStream();
        Progress quiet = new Progress(new PrintStream(none, true, StandardCharsets.UTF_8), false, 3);
        quiet.advance(false);
        quiet.hide();
        assertThat(none.size()).isZero();
        assertThat(quiet.failed()).isEqualTo(1);
    }
}
