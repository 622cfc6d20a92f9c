package org.echoscu.scp;

import java.net.Socket;
import java.util.concurrent.atomic.AtomicInteger;

/** The acceptor's side of an in-memory connection, for the SCU's unit tests. */
public final class InMemory {

    private InMemory() {
    }

    /** echoscp's handling of one connection, on {@code socket}, as its accept loop would run it. */
    public static Runnable handler(Socket socket, ScpSettings settings) {
        return new AssociationHandler(socket, settings, new AtomicInteger());
    }
}
