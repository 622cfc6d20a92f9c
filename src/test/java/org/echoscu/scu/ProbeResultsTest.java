package org.echoscu.scu;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;

import javax.net.ssl.SSLHandshakeException;

import org.echoscu.dul.AbortCause;
import org.echoscu.dul.Indication;
import org.echoscu.pdu.AAbort;
import org.echoscu.probe.Phase;
import org.echoscu.probe.Reason;
import org.junit.jupiter.api.Test;

/** The reason of a failed probe comes from the indication's type and the exception's type, never from words. */
class ProbeResultsTest {

    private static Indication connectFailed(Exception error) {
        return new Indication.ProviderAborted(AbortCause.CONNECT_FAILED, "whatever the words", false, error);
    }

    @Test
    void connectFailuresByExceptionType() {
        assertThat(ProbeResults.ending(connectFailed(new IOException("x", new ConnectException("y"))), Phase.CONNECT))
                .isEqualTo(Reason.REFUSED);
        assertThat(ProbeResults.ending(connectFailed(new IOException("refused", new SocketTimeoutException())),
                Phase.CONNECT)).isEqualTo(Reason.TIMEOUT_CONNECT);
        assertThat(ProbeResults.ending(connectFailed(new IOException("refused", new NoRouteToHostException())),
                Phase.CONNECT)).isEqualTo(Reason.UNREACHABLE);
        assertThat(ProbeResults.ending(connectFailed(new IOException("x", new UnknownHostException("h"))),
                Phase.RESOLVE)).isEqualTo(Reason.RESOLVE);
        assertThat(ProbeResults.ending(connectFailed(new IOException("Connection refused")), Phase.RESOLVE))
                .as("a failure before the name was resolved is a resolution failure, whatever it says")
                .isEqualTo(Reason.RESOLVE);
        assertThat(ProbeResults.ending(connectFailed(new IOException("x")), Phase.TLS)).isEqualTo(Reason.TLS);
        assertThat(ProbeResults.ending(connectFailed(new IOException("x", new SSLHandshakeException("y"))),
                Phase.CONNECT)).isEqualTo(Reason.TLS);
        assertThat(ProbeResults.ending(connectFailed(new IOException("connection refused")), Phase.CONNECT))
                .as("the word 'refused' alone does not make a refusal").isEqualTo(Reason.UNREACHABLE);
    }

    @Test
    void timeoutsNamedByThePhaseTheyEnded() {
        Indication t = new Indication.TimedOut("ACSE timeout (30 s)");
        assertThat(ProbeResults.ending(t, Phase.ASSOCIATE)).isEqualTo(Reason.TIMEOUT_ASSOCIATE);
        assertThat(ProbeResults.ending(t, Phase.ECHO)).isEqualTo(Reason.TIMEOUT_ECHO);
        assertThat(ProbeResults.ending(t, Phase.RELEASE)).isEqualTo(Reason.TIMEOUT_RELEASE);
    }

    @Test
    void abortsClosesAndProtocolErrors() {
        assertThat(ProbeResults.ending(new Indication.PeerAborted(new AAbort(2, 1)), Phase.ECHO))
                .isEqualTo(Reason.ABORTED);
        assertThat(ProbeResults.ending(new Indication.ReleaseRequested(false), Phase.ECHO))
                .isEqualTo(Reason.PEER_RELEASE);
        assertThat(ProbeResults.ending(new Indication.ProviderAborted(AbortCause.CLOSED_BY_PEER, "x", false),
                Phase.ASSOCIATE)).isEqualTo(Reason.CLOSED);
        assertThat(ProbeResults.ending(new Indication.ProviderAborted(AbortCause.CONNECTION_LOST, "x", false),
                Phase.ECHO)).isEqualTo(Reason.CLOSED);
        assertThat(ProbeResults.ending(new Indication.ProviderAborted(AbortCause.INVALID_PDU, "x", true),
                Phase.ASSOCIATE)).isEqualTo(Reason.PROTOCOL_ERROR);
        assertThat(ProbeResults.ending(new Indication.ProviderAborted(AbortCause.UNEXPECTED_PDU, "x", true),
                Phase.ECHO)).isEqualTo(Reason.PROTOCOL_ERROR);
        assertThat(ProbeResults.ending(new Indication.ProviderAborted(AbortCause.CONNECTION_LOST, "x", false,
                new SSLHandshakeException("bad certificate")), Phase.ASSOCIATE)).isEqualTo(Reason.TLS);
        assertThat(ProbeResults.ending(new Indication.Closed(), Phase.RELEASE)).isEqualTo(Reason.CLOSED);
    }
}
