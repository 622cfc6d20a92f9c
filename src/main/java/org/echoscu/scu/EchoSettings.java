package org.echoscu.scu;

import org.echoscu.acse.AssociationProposal;
import org.echoscu.net.IpFamily;
import org.echoscu.net.SocketLayer;

/**
 * Everything one echoscu run needs, as the command line left it. Timeouts in seconds;
 * 0 means none (connect and DIMSE timeouts are unlimited by default, as in DCMTK).
 */
public record EchoSettings(String host, int port, IpFamily family, AssociationProposal proposal,
                           int connectTimeout, int socketTimeout, int acseTimeout, int dimseTimeout,
                           int repeat, boolean abort, SocketLayer layer) {
}
