package org.echoscu.probe;

/**
 * The C-ECHO round trips of one probe, or of many added up: what {@code ping} prints at the end.
 * Keeps sums rather than a list, so a probe of a million echoes stays this size.
 *
 * @param sent          C-ECHO-RQ sent
 * @param answered      C-ECHO-RSP received with Success
 * @param minNanos      the shortest answered round trip (0 when none answered)
 * @param maxNanos      the longest answered round trip
 * @param sumNanos      the sum of the answered round trips
 * @param sumSquares    the sum of their squares, in ns², for the deviation
 */
public record RoundTrips(long sent, long answered, long minNanos, long maxNanos, long sumNanos, double sumSquares) {

    public static final RoundTrips NONE = new RoundTrips(0, 0, 0, 0, 0, 0);

    /** Echoes sent that got no Success answer. */
    public long failed() {
        return sent - answered;
    }

    /** Lost echoes in percent of those sent (0 when none was sent). */
    public double lossPercent() {
        return sent == 0 ? 0 : 100.0 * failed() / sent;
    }

    public double avgNanos() {
        return answered == 0 ? 0 : (double) sumNanos / answered;
    }

    /** The mean deviation as {@code ping} computes it: sqrt(mean(x²) − mean(x)²). */
    public double mdevNanos() {
        if (answered == 0) {
            return 0;
        }
        double mean = avgNanos();
        return Math.sqrt(Math.max(0, sumSquares / answered - mean * mean));
    }

    /** These round trips and one more answered echo of {@code nanos}. */
    public RoundTrips plusAnswered(long nanos) {
        return new RoundTrips(sent + 1, answered + 1, answered == 0 ? nanos : Math.min(minNanos, nanos),
                Math.max(maxNanos, nanos), sumNanos + nanos, sumSquares + (double) nanos * nanos);
    }

    /** These round trips and one more echo that got no Success answer. */
    public RoundTrips plusFailed() {
        return new RoundTrips(sent + 1, answered, minNanos, maxNanos, sumNanos, sumSquares);
    }

    /** Both sets together (the summary of a series of probes). */
    public RoundTrips plus(RoundTrips o) {
        if (o.answered == 0 || answered == 0) {
            RoundTrips base = answered == 0 ? o : this;
            return new RoundTrips(sent + o.sent, answered + o.answered, base.minNanos, base.maxNanos,
                    sumNanos + o.sumNanos, sumSquares + o.sumSquares);
        }
        return new RoundTrips(sent + o.sent, answered + o.answered, Math.min(minNanos, o.minNanos),
                Math.max(maxNanos, o.maxNanos), sumNanos + o.sumNanos, sumSquares + o.sumSquares);
    }
}
