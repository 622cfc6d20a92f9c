package org.echoscu.net;

import java.net.SocketTimeoutException;

/**
 * A wait ran out; the message names which limit it was, as the user set it, and
 * {@link #socketTimeout()} tells the per-read socket timeout (-ts) from the deadline of the
 * whole wait (ACSE, DIMSE or ARTIM timer), so a caller never has to read the message.
 */
public final class TimeoutExpiredException extends SocketTimeoutException {

    private final boolean socketTimeout;

    public TimeoutExpiredException(String which) {
        this(which, false);
    }

    public TimeoutExpiredException(String which, boolean socketTimeout) {
        super(which);
        this.socketTimeout = socketTimeout;
    }

    /** Whether the socket timeout of one read expired, rather than the deadline of the wait. */
    public boolean socketTimeout() {
        return socketTimeout;
    }
}
