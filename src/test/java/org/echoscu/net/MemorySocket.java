package org.echoscu.net;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketException;
import java.net.SocketOption;
import java.net.SocketTimeoutException;
import java.util.Set;

/**
 * One end of a connection held in memory, for unit tests of the protocol's users (the SCU, the
 * SCP's association handler) without the network: what one end writes the other reads, a read
 * waits at most the socket timeout (then {@link SocketTimeoutException}, as a real socket), a
 * closed or half-closed end is an end of stream for the other, and a read on an end closed
 * under it fails as a real socket's does.
 */
public final class MemorySocket extends Socket {

    private final Pipe in;
    private final Pipe out;
    private volatile int soTimeout;
    private volatile boolean closed;

    private MemorySocket(Pipe in, Pipe out) {
        this.in = in;
        this.out = out;
    }

    /** Two connected ends: {@code [0]} the requestor's, {@code [1]} the acceptor's. */
    public static MemorySocket[] pair() {
        Pipe a = new Pipe();
        Pipe b = new Pipe();
        return new MemorySocket[] {new MemorySocket(a, b), new MemorySocket(b, a)};
    }

    @Override
    public InputStream getInputStream() {
        return new InputStream() {
            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return in.read(b, off, len, soTimeout);
            }

            @Override
            public int available() {
                return in.available();
            }
        };
    }

    @Override
    public OutputStream getOutputStream() {
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                if (closed) {
                    throw new SocketException("Socket closed");
                }
                out.write(b, off, len);
            }
        };
    }

    @Override
    @SuppressWarnings("UnsynchronizedOverridesSynchronized") // a test's socket, used by one thread
    public void setSoTimeout(int timeout) {
        soTimeout = timeout;
    }

    @Override
    @SuppressWarnings("UnsynchronizedOverridesSynchronized") // a test's socket, used by one thread
    public int getSoTimeout() {
        return soTimeout;
    }

    @Override
    public void setTcpNoDelay(boolean on) {
        // nothing is held back in memory
    }

    @Override
    public Set<SocketOption<?>> supportedOptions() {
        return Set.of();
    }

    @Override
    public boolean isConnected() {
        return true;
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    @Override
    public InetAddress getInetAddress() {
        return InetAddress.getLoopbackAddress();
    }

    @Override
    public SocketAddress getRemoteSocketAddress() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), 104);
    }

    @Override
    public void shutdownOutput() {
        out.closeWrite();
    }

    @Override
    public synchronized void close() {
        closed = true;
        in.closeRead();
        out.closeWrite();
    }

    /** Bytes from one end to the other, without bound. */
    private static final class Pipe {
        private byte[] buf = new byte[4096];
        private int start;
        private int end;
        private boolean writeClosed;
        private boolean readClosed;

        synchronized void write(byte[] b, int off, int len) throws IOException {
            if (writeClosed || readClosed) {
                throw new SocketException(readClosed ? "Connection reset" : "Socket output is shut down");
            }
            if (end + len > buf.length) {
                byte[] grown = new byte[Math.max(buf.length * 2, end - start + len)];
                System.arraycopy(buf, start, grown, 0, end - start);
                end -= start;
                start = 0;
                buf = grown;
            }
            System.arraycopy(b, off, buf, end, len);
            end += len;
            notifyAll();
        }

        synchronized int read(byte[] b, int off, int len, int timeoutMillis) throws IOException {
            long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
            while (start == end && !writeClosed && !readClosed) {
                long left = timeoutMillis == 0 ? 0 : (deadline - System.nanoTime()) / 1_000_000;
                if (timeoutMillis != 0 && left <= 0) {
                    throw new SocketTimeoutException("Read timed out");
                }
                try {
                    wait(timeoutMillis == 0 ? 0 : left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new java.io.InterruptedIOException();
                }
            }
            if (readClosed) {
                throw new SocketException("Socket closed");
            }
            if (start == end) {
                return -1;
            }
            int n = Math.min(len, end - start);
            System.arraycopy(buf, start, b, off, n);
            start += n;
            return n;
        }

        synchronized int available() {
            return end - start;
        }

        synchronized void closeWrite() {
            writeClosed = true;
            notifyAll();
        }

        synchronized void closeRead() {
            readClosed = true;
            notifyAll();
        }
    }
}
