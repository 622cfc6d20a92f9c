package org.echoscu.tls;

/**
 * TLS could not be set up: a key, certificate or CA file that cannot be read, a wrong
 * password, a key that does not match its certificate, a profile this JVM cannot do. The
 * message is one line for the log, naming the file and what to check.
 */
public final class TlsSetupException extends Exception {
    public TlsSetupException(String message) {
        super(message);
    }
}
