package org.echoscu.net;

import java.io.IOException;
import java.net.Socket;

/**
 * What runs between TCP and the PDUs (TLS, PS3.15 Annex B.1), for both ends of a connection:
 * the connector wraps the sockets it connects, the acceptor those it accepts, and the
 * {@link Transport} asks it to put a failure on its sockets into words.
 */
public interface SocketLayer {

    /** Turns a socket we connected to {@code host} port {@code port} into the one the association runs on. */
    Socket wrapConnected(Socket connected, String host, int port) throws IOException;

    /** Turns a socket we accepted into the one the association runs on. */
    Socket wrapAccepted(Socket accepted) throws IOException;

    /**
     * Words for a failure on a socket this layer made, once the association runs on it;
     * {@code e} itself if there are none. {@code nothingReceived}: no PDU came in yet.
     */
    default IOException explain(IOException e, boolean nothingReceived) {
        return e;
    }
}
