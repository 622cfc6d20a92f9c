package org.echoscu.fleet;

/** A target word or file that cannot be read; the message names the file and line. */
public final class TargetFormatException extends Exception {
    public TargetFormatException(String message) {
        super(message);
    }
}
