package org.echoscu.scp;

import java.net.InetAddress;

import org.echoscu.acse.AcceptorPolicy;
import org.echoscu.acse.KnownIdentities;
import org.echoscu.net.IpFamily;
import org.echoscu.net.SocketLayer;

/**
 * Everything echoscp needs. Timeouts in seconds, 0 for none.
 *
 * @param port             TCP port to listen on (0: any free port, for tests)
 * @param family           IPv4 only (0.0.0.0), or IPv6 (:: which also takes IPv4 on Linux)
 * @param listenAddress    the one local address to listen on (--listen-address), or null for the
 *                         family's wildcard
 * @param acseTimeout      ARTIM timer: wait for the A-ASSOCIATE-RQ and for the close after release
 * @param dimseTimeout     how long an association may sit idle between requests
 * @param maxAssociations  associations served at once; the next is rejected (transient, local limit)
 * @param layer            wraps accepted sockets (TLS), or null
 * @param identities       --users / --require-identity, or null: user identities are not looked at
 */
public record ScpSettings(int port, IpFamily family, InetAddress listenAddress, AcceptorPolicy policy,
                          int socketTimeout, int acseTimeout, int dimseTimeout, int maxAssociations,
                          SocketLayer layer, KnownIdentities identities) {

    /** Settings listening on the family's wildcard address. */
    public ScpSettings(int port, IpFamily family, AcceptorPolicy policy, int socketTimeout, int acseTimeout,
                       int dimseTimeout, int maxAssociations, SocketLayer layer, KnownIdentities identities) {
        this(port, family, null, policy, socketTimeout, acseTimeout, dimseTimeout, maxAssociations, layer,
                identities);
    }

    /** Settings without a user identity policy. */
    public ScpSettings(int port, IpFamily family, AcceptorPolicy policy, int socketTimeout, int acseTimeout,
                       int dimseTimeout, int maxAssociations, SocketLayer layer) {
        this(port, family, policy, socketTimeout, acseTimeout, dimseTimeout, maxAssociations, layer, null);
    }

    /** The same settings on another socket layer. */
    public ScpSettings withLayer(SocketLayer other) {
        return new ScpSettings(port, family, listenAddress, policy, socketTimeout, acseTimeout, dimseTimeout,
                maxAssociations, other, identities);
    }
}
