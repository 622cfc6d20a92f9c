package org.echoscu.report;

import org.echoscu.probe.ProbeResult;
import org.echoscu.probe.Reason;
import org.echoscu.probe.RoundTrips;

/**
 * The probes of one run added up: what the closing summary says. A probe we interrupted
 * ourselves (SIGINT) is shown, but counts neither in the statistics nor in the exit code.
 */
public final class Series {

    private long probes;
    private long succeeded;
    private RoundTrips echoes = RoundTrips.NONE;
    private int worstExit;
    private boolean interrupted;
    private ProbeResult last;
    private ProbeResult lastFinished;
    private ProbeResult worst;
    private long totalMin;
    private long totalMax;
    private long totalSum;

    /** Adds one finished probe. */
    public void add(ProbeResult r) {
        last = r;
        if (r.outcome().reason() == Reason.INTERRUPTED) {
            interrupted = true;
            return;
        }
        probes++;
        lastFinished = r;
        echoes = echoes.plus(r.echoes());
        long total = r.times().totalNanos();
        totalMin = probes == 1 ? total : Math.min(totalMin, total);
        totalMax = Math.max(totalMax, total);
        totalSum += total;
        if (r.outcome().ok()) {
            succeeded++;
        }
        if (worst == null || rank(r.outcome().exitCode()) > rank(worstExit)) {
            worstExit = r.outcome().exitCode();
            worst = r;
        }
    }

    /** Marks the series as ended by SIGINT, even between two probes. */
    public void interrupted() {
        interrupted = true;
    }

    /** 70 (an echo failed on an association) ranks above 1 (no association), above 0. */
    static int rank(int exitCode) {
        return switch (exitCode) {
            case 0 -> 0;
            case 1 -> 1;
            default -> 2;
        };
    }

    public long probes() {
        return probes;
    }

    public long succeeded() {
        return succeeded;
    }

    public long failed() {
        return probes - succeeded;
    }

    public RoundTrips echoes() {
        return echoes;
    }

    public boolean wasInterrupted() {
        return interrupted;
    }

    /** The exit code of the worst probe; 1 when no probe finished at all (nothing was verified). */
    public int exitCode() {
        return probes == 0 ? 1 : worstExit;
    }

    /** The last probe, interrupted or not; null before the first. */
    public ProbeResult last() {
        return last;
    }

    /** The last probe that was not interrupted; null when none finished. */
    public ProbeResult lastFinished() {
        return lastFinished;
    }

    /** The first probe with the worst exit code; null when no probe finished. */
    public ProbeResult worst() {
        return worst;
    }

    public long totalMinNanos() {
        return totalMin;
    }

    public long totalMaxNanos() {
        return totalMax;
    }

    public double totalAvgNanos() {
        return probes == 0 ? 0 : (double) totalSum / probes;
    }
}
