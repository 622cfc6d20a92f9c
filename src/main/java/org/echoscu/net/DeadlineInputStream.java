package org.echoscu.net;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;

/**
 * Bounds every blocking read by the nearer of two limits: the socket timeout (-ts), which
 * caps each single read, and a deadline for the whole wait (ACSE, DIMSE or ARTIM timer),
 * which a peer dripping one byte at a time cannot stretch.
 */
final class DeadlineInputStream extends FilterInputStream {

    private final Socket socket;
    private final int socketTimeoutMillis;
    private long deadlineNanos;
    private String deadlineName = "";
    /** Whether the current read's timeout is the deadline's rather than the socket timeout's. */
    private boolean deadlineBinds;

    DeadlineInputStream(InputStream in, Socket socket, int socketTimeoutMillis) {
        super(in);
        this.socket = socket;
        this.socketTimeoutMillis = socketTimeoutMillis;
    }

    /** @param deadlineNanos a {@link System#nanoTime()} value, or 0 for none */
    void deadline(long deadlineNanos, String name) {
        this.deadlineNanos = deadlineNanos;
        this.deadlineName = name;
    }

    @Override
    public int read() throws IOException {
        arm();
        try {
            return super.read();
        } catch (SocketTimeoutException e) {
            throw expired();
        }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        arm();
        try {
            return super.read(b, off, len);
        } catch (SocketTimeoutException e) {
            throw expired();
        }
    }

    private void arm() throws IOException {
        int timeout = socketTimeoutMillis;
        deadlineBinds = false;
        if (deadlineNanos != 0) {
            long left = Math.max(0, (deadlineNanos - System.nanoTime() + 999_999) / 1_000_000);
            if (left == 0) {
                deadlineBinds = true;
                throw expired();
            }
            if (timeout == 0 || left < timeout) {
                timeout = (int) Math.min(left, Integer.MAX_VALUE);
                deadlineBinds = true;
            }
        }
        socket.setSoTimeout(timeout);
    }

    private TimeoutExpiredException expired() {
        return deadlineBinds
                ? new TimeoutExpiredException(deadlineName)
                : new TimeoutExpiredException("socket timeout (" + socketTimeoutMillis / 1000 + " s)");
    }
}
