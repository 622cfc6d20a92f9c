package org.echoscu.scp;

import org.echoscu.acse.AcceptorPolicy;
import org.echoscu.net.IpFamily;
import org.echoscu.net.SocketLayer;

/**
 * Everything echoscp needs. Timeouts in seconds, 0 for none.
 *
 * @param port             TCP port to listen on (0: any free port, for tests)
 * @param family           IPv4 only (0.0.0.0), or IPv6 (:: which also takes IPv4 on Linux)
 * @param acseTimeout      ARTIM timer: wait for the A-ASSOCIATE-RQ and for the close after release
 * @param dimseTimeout     how long an association may sit idle between requests
 * @param maxAssociations  associations served at once; the next is rejected (transient, local limit)
 * @param layer            wraps accepted sockets (TLS), or null
 */
public record ScpSettings(int port, IpFamily family, AcceptorPolicy policy, int socketTimeout, int acseTimeout,
                          int dimseTimeout, int maxAssociations, SocketLayer layer) {
}
