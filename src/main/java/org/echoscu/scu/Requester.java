package org.echoscu.scu;

import java.io.IOException;
import java.net.Socket;

import org.echoscu.dul.Indication;
import org.echoscu.dul.PduLogger;
import org.echoscu.dul.UpperLayer;
import org.echoscu.net.Deadlines;
import org.echoscu.net.TcpConnector;
import org.echoscu.net.Transport;
import org.echoscu.pdu.AAssociateRq;
import org.slf4j.Logger;

/**
 * The association-requestor that the echo ({@link EchoScu}), the peer report
 * ({@link PeerInfoProbe}) and the exporter's probe (through {@link EchoScu}) share: the
 * transport with its socket layer (TLS) and tunnel (proxy), the A-ASSOCIATE request and its
 * answer, the release or the abort, and the waits of each, bounded by the ACSE timeout, the
 * ARTIM timer and an optional deadline of the whole run. Its user adds only what it does on
 * the association. One requester opens one association.
 */
final class Requester {

    /** After our A-ABORT there is nothing to wait for but the peer's close; do not wait long. */
    static final int ARTIM_SECONDS = 5;
    /** How a wait that the deadline of the whole run ends names it. */
    static final String DEADLINE_NAME = "deadline of the probe";

    private final EchoSettings settings;
    private final Logger log;
    private final TcpConnector connector;
    private final UpperLayer ul;
    private final String acseName;
    /** Opens the connection instead of the connector (unit tests, in memory); null: the connector. */
    private final Dial dial;
    /** System.nanoTime() when the transport was up (TCP, tunnel and TLS done); 0 if it never was. */
    private long transportNanos;
    private Socket socket;
    /** What the TLS handshake showed of the peer; null without TLS or before the connection. */
    private TlsFacts tls;

    /**
     * @param maxPduLength the largest P-DATA-TF we accept, as our A-ASSOCIATE-RQ announces it
     * @param deadline     a {@link System#nanoTime()} deadline no wait outlasts, 0 for none
     */
    Requester(EchoSettings settings, long maxPduLength, long deadline, Logger log) {
        this(settings, maxPduLength, deadline, log, null);
    }

    /** @param dial opens the connection in place of the TCP connector (unit tests); null for the connector */
    Requester(EchoSettings settings, long maxPduLength, long deadline, Logger log, Dial dial) {
        this.dial = dial;
        this.settings = settings;
        this.log = log;
        this.connector = new TcpConnector(settings.host(), settings.port(), settings.family(),
                settings.connectTimeout(), settings.layer(), settings.tunnel());
        this.ul = UpperLayer.requestor(Math.min(settings.acseTimeout(), ARTIM_SECONDS), new PduLogger(log));
        ul.maxPDataLength(maxPduLength);
        if (deadline != 0) {
            connector.limit(deadline, DEADLINE_NAME);
            ul.limit(deadline, DEADLINE_NAME);
        }
        this.acseName = "ACSE timeout (" + settings.acseTimeout() + " s)";
    }

    /**
     * Connects, sends {@code rq} and waits for the answer within the ACSE timeout: an
     * {@link Indication.AssociateAccepted} (the association is open), an
     * {@link Indication.AssociateRejected} (the connection is closed), or what ended the wait,
     * after which the caller ends the association with {@link #abort}.
     */
    Indication associate(AAssociateRq rq) {
        request(rq);
        return answer();
    }

    /** The first half of {@link #associate}: connects and sends {@code rq}, if the connection was made. */
    void request(AAssociateRq rq) {
        ul.requestAssociation(rq, new Connect());
    }

    /** The second half of {@link #associate}: the answer to the request, within the ACSE timeout. */
    Indication answer() {
        return ul.receive(Deadlines.after(settings.acseTimeout()), acseName);
    }

    /**
     * A-RELEASE, answering a release collision and passing over late data (PS3.8 AR-6, AR-8);
     * null when the peer confirmed it (the connection is then closed), otherwise what ended the
     * wait, after which the caller says so and ends the association with {@link #abort}.
     */
    Indication release() {
        ul.requestRelease();
        long until = Deadlines.after(settings.acseTimeout());
        while (true) {
            Indication ind = ul.receive(until, acseName);
            if (ind instanceof Indication.Released) {
                ul.awaitClose();
                return null;
            }
            if (ind instanceof Indication.ReleaseRequested) { // release collision: answer, then wait for theirs
                ul.respondRelease();
                continue;
            }
            if (ind instanceof Indication.Data) { // late data before the peer's A-RELEASE-RP: PS3.8 AR-6
                continue;
            }
            return ind;
        }
    }

    /** A-ABORT and the wait for the peer's close, or just the close where there is no association. */
    void abort() {
        ul.abortAndClose();
    }

    /** Waits for the peer's close where the state asks for it (after an A-RELEASE-RP or -RJ), then closes. */
    void awaitClose() {
        ul.awaitClose();
    }

    /**
     * From another thread: gives up now. A connection in progress is closed; an open one gets an
     * A-ABORT and is closed, so that the owner's wait ends at once.
     */
    void cancel() {
        connector.cancel();
        ul.interruptWithAbort();
    }

    UpperLayer upperLayer() {
        return ul;
    }

    /** The connection's times and address (resolution, TCP, tunnel). */
    TcpConnector connector() {
        return connector;
    }

    long transportNanos() {
        return transportNanos;
    }

    /** The connected socket (an SSLSocket with TLS), null if none was made. */
    Socket socket() {
        return socket;
    }

    /** What the TLS handshake showed of the peer, null without TLS or when no connection was made. */
    TlsFacts tls() {
        return tls;
    }

    /** Opens a connected socket, in place of the TCP connector. */
    @FunctionalInterface
    interface Dial {
        Socket open() throws IOException;
    }

    /** AE-1's connect; a class rather than a lambda, which would cost a bootstrap at start-up. */
    private final class Connect implements UpperLayer.Connector {
        @Override
        public Transport connect() throws IOException {
            Socket s = dial == null ? connector.connect() : dial.open();
            socket = s;
            tls = settings.layer() == null ? null : TlsFacts.of(s); // the handshake is done: connect() made it
            Transport t = new Transport(s, settings.socketTimeout()).explainFailures(settings.layer());
            transportNanos = System.nanoTime();
            if (settings.tunnel() != null && log.isDebugEnabled()) {
                log.debug("{} {} port {}: tunnel to {} port {} open after {} ms", settings.tunnel().kind(),
                        settings.tunnel().proxyHost(), settings.tunnel().proxyPort(), settings.host(), settings.port(),
                        connector.tunnelNanos() / 1_000_000);
            }
            return t;
        }
    }
}
