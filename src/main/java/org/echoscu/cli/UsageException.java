package org.echoscu.cli;

/** A bad command line: the message is the text after "error: ", exit code 1. */
public final class UsageException extends Exception {
    public UsageException(String message) {
        super(message);
    }
}
