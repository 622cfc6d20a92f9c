package org.echoscu.report;

import org.echoscu.probe.ProbeResult;

/** One output format: told of each probe as it ends, and of the whole series at the end. */
public interface ProbeView {

    /** Probe number {@code seq} (from 1) has ended. */
    void probe(int seq, ProbeResult r);

    /** The series is over (all probes done, or SIGINT); {@code series} holds them all. */
    void end(Series series);

    /** The process exit code for this series, as this format defines it. */
    default int exitCode(Series series) {
        return series.exitCode();
    }
}
