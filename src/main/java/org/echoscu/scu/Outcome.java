package org.echoscu.scu;

/** How an echoscu run ended, and its exit code (DCMTK 3.6.5's codes; README, "Exit codes"). */
public enum Outcome {
    /** Every echo answered with Success and the association ended as asked. */
    SUCCESS(0),
    /** No association: connection, negotiation or release failed. */
    ASSOCIATION_FAILED(1),
    /** The association was accepted but an echo failed. */
    ECHO_FAILED(70);

    private final int exitCode;

    Outcome(int exitCode) {
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
