package org.echoscu.net;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;

/**
 * What both proxy protocols share: the proxy's address and credentials, a time limit on the
 * whole exchange (the ACSE timeout), and reads that never take a byte past the proxy's answer
 * (the bytes after it belong to the peer, or to the TLS handshake).
 */
abstract class ProxyHandshake implements Tunnel {

    final ProxyAddress proxy;
    private final int timeoutSeconds;
    private long deadline;

    ProxyHandshake(ProxyAddress proxy, int timeoutSeconds) {
        this.proxy = proxy;
        this.timeoutSeconds = Math.max(1, timeoutSeconds);
    }

    @Override
    public String proxyHost() {
        return proxy.host();
    }

    @Override
    public int proxyPort() {
        return proxy.port();
    }

    @Override
    public final void open(Socket toProxy, String host, int port) throws IOException {
        int before = toProxy.getSoTimeout();
        deadline = System.nanoTime() + timeoutSeconds * 1_000_000_000L;
        try {
            handshake(toProxy, host, port);
        } catch (SocketTimeoutException e) {
            throw fail(ProxyException.Kind.NOT_A_PROXY, "no answer within " + timeoutSeconds
                    + " s, the ACSE timeout (is this really a" + article() + " " + kind() + "?)");
        } catch (ProxyException e) {
            throw e;
        } catch (IOException e) { // a reset, say: whatever listens there broke off our request
            throw fail(ProxyException.Kind.NOT_A_PROXY, "the connection broke instead of an answer ("
                    + e.getMessage() + "): is this really a" + article() + " " + kind() + "?");
        }
        toProxy.setSoTimeout(before);
    }

    abstract void handshake(Socket s, String host, int port) throws IOException;

    /** One byte, or -1 at the end of the stream, within the time left. */
    final int read(Socket s) throws IOException {
        long left = (deadline - System.nanoTime()) / 1_000_000;
        if (left <= 0) {
            throw new SocketTimeoutException();
        }
        s.setSoTimeout((int) Math.min(Integer.MAX_VALUE, left));
        return s.getInputStream().read();
    }

    /** Exactly n bytes; the end of the stream before them is the proxy hanging up on us. */
    final byte[] readFully(Socket s, int n, String what) throws IOException {
        byte[] out = new byte[n];
        InputStream in = s.getInputStream();
        for (int i = 0; i < n; i++) {
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                throw new SocketTimeoutException();
            }
            s.setSoTimeout((int) Math.min(Integer.MAX_VALUE, left));
            int b = in.read();
            if (b < 0) {
                throw fail(ProxyException.Kind.NOT_A_PROXY, "closed the connection " + (i == 0 ? "instead of"
                        : "in the middle of") + " its " + what + " (is this really a" + article() + " " + kind() + "?)");
            }
            out[i] = (byte) b;
        }
        return out;
    }

    final ProxyException fail(ProxyException.Kind kind, String why) {
        return new ProxyException(kind, ProxyException.name(this) + ": " + why);
    }

    private String article() {
        return kind().startsWith("HTTP") ? "n" : "";
    }

    /** Up to 16 bytes of what a non-proxy sent, as hex and as text where printable, for the message. */
    static String sample(byte[] b, int n) {
        StringBuilder hex = new StringBuilder();
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < Math.min(n, 16); i++) {
            hex.append(i == 0 ? "" : " ").append(String.format("%02x", b[i] & 0xff));
            text.append(b[i] >= 0x20 && b[i] < 0x7f ? (char) b[i] : '.');
        }
        return hex + " \"" + text + "\"";
    }
}
