package org.echoscu.net;

import java.net.SocketTimeoutException;

/** A wait ran out; the message names which limit it was, as the user set it. */
public final class TimeoutExpiredException extends SocketTimeoutException {
    public TimeoutExpiredException(String which) {
        super(which);
    }
}
