package org.echoscu.scu;

import java.net.InetAddress;

import org.echoscu.acse.Negotiated;
import org.echoscu.dul.Indication;
import org.echoscu.pdu.AAssociateAc;
import org.echoscu.pdu.AAssociateRj;

/**
 * What one {@link EchoScu} run saw, whole and immutable: the probe model
 * ({@code ProbeResults.of(run)}) is made from it and nothing else. Times are
 * {@link System#nanoTime()} values, 0 for a moment the run never reached.
 *
 * @param settings      what the run was asked to do
 * @param outcome       how it ended (and its exit code)
 * @param interrupted   ended from another thread ({@link EchoScu#interrupt}: Ctrl-C, a cancel)
 * @param startedMillis the wall-clock start
 * @param times         when each phase began and ended
 * @param tls           what the TLS handshake showed of the peer, null without TLS or when none was made
 * @param address       the peer's address the TCP connection went to, or the last one tried when none
 *                      could be made; null through a proxy, or when the name did not resolve
 * @param echoes        the C-ECHOs sent and their round trips
 * @param accepted      the A-ASSOCIATE-AC, null when none came
 * @param rejected      the A-ASSOCIATE-RJ, null when none came
 * @param context       the accepted Verification context the echoes used, null when none
 * @param noContext     accepted with no Verification context we can use
 * @param protocolError a C-ECHO-RSP that does not answer our request (PS3.7 §9.3.5.2)
 * @param status        the Status of the last C-ECHO-RSP, -1 when none came
 * @param ending        the indication that ended a wait unexpectedly (abort, close, timeout, release request), or null
 * @param failure       the failure as the log said it, null on success
 */
public record EchoRun(EchoSettings settings, Outcome outcome, boolean interrupted, long startedMillis,
                      Times times, TlsFacts tls, InetAddress address, Echoes echoes, AAssociateAc accepted,
                      AAssociateRj rejected, Negotiated.Accepted context, boolean noContext,
                      boolean protocolError, int status, Indication ending, String failure) {

    /** The process exit code of this run (docs/echoscu.md, "Exit codes"). */
    public int exitCode() {
        return outcome.exitCode();
    }

    /**
     * When each phase began or ended ({@link System#nanoTime()}, 0 when not reached), in the
     * order they happen. Through a proxy, {@code resolved} and {@code tcpConnected} are the
     * proxy's and {@code tunnelOpened} is when it opened the tunnel to the peer.
     *
     * @param transport    the transport was up: TCP, tunnel and TLS done
     * @param answered     the A-ASSOCIATE-AC or -RJ, or the failure of the association, came
     */
    public record Times(long started, long resolved, long tcpConnected, long tunnelOpened, long transport,
                        long answered, long echoStart, long echoEnd, long releaseStart, long end) {
    }

    /** The C-ECHOs sent, those answered with Success, and the sums of their round trips in nanoseconds. */
    public record Echoes(long sent, long answered, long minNanos, long maxNanos, long sumNanos, double sumSquares) {
    }
}
