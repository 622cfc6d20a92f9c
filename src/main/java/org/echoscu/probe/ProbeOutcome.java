package org.echoscu.probe;

/**
 * How a probe ended.
 *
 * @param exitCode   the exit code a single run with this ending has (0, 1 or 70; see docs/echoscu.md, "Exit codes")
 * @param reason     the stable machine-readable reason
 * @param phase      the phase in which the probe ended badly; for {@link Reason#OK}, the last phase
 * @param message    the same words the log gave a person, null for {@link Reason#OK}
 * @param rejection  the A-ASSOCIATE-RJ fields for {@link Reason#REJECTED}, otherwise null
 */
public record ProbeOutcome(int exitCode, Reason reason, Phase phase, String message, Rejection rejection) {

    public boolean ok() {
        return reason == Reason.OK;
    }
}
