package org.echoscu.probe;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * How long each phase of a probe took, in nanoseconds. A phase that did not happen (no TLS,
 * no proxy, a probe that ended before the echo) has no entry; a phase that started and
 * failed has the time until it failed. The echoes' own round trips are in {@link RoundTrips}.
 */
public final class PhaseTimes {

    private final EnumMap<Phase, Long> nanos;

    private PhaseTimes(EnumMap<Phase, Long> nanos) {
        this.nanos = nanos;
    }

    public static PhaseTimes of(Map<Phase, Long> durations) {
        EnumMap<Phase, Long> copy = new EnumMap<>(Phase.class);
        copy.putAll(durations);
        return new PhaseTimes(copy);
    }

    /** The duration of {@code phase}, empty when it did not happen. */
    public OptionalLong nanos(Phase phase) {
        Long n = nanos.get(phase);
        return n == null ? OptionalLong.empty() : OptionalLong.of(n);
    }

    /** The phases that happened, in their order, with their durations. */
    public Map<Phase, Long> asMap() {
        return Collections.unmodifiableMap(nanos);
    }

    /** The whole probe: the sum of its phases. */
    public long totalNanos() {
        long sum = 0;
        for (long n : nanos.values()) {
            sum += n;
        }
        return sum;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PhaseTimes p && p.nanos.equals(nanos);
    }

    @Override
    public int hashCode() {
        return nanos.hashCode();
    }

    @Override
    public String toString() {
        return "PhaseTimes" + nanos;
    }
}
