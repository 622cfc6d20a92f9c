package org.echoscu.scu;

import org.echoscu.acse.AssociationProposal;
import org.echoscu.net.IpFamily;
import org.echoscu.net.SocketLayer;
import org.echoscu.net.Tunnel;
import org.echoscu.pdu.UserInfoSubItem;

/**
 * Everything one echoscu run needs, as the command line left it. Timeouts in seconds;
 * 0 means none (connect and DIMSE timeouts are unlimited by default, as in DCMTK).
 *
 * @param layer    wraps the connected socket (TLS), or null
 * @param identity the user identity sub-item to send (-usr, -kt, --saml, --jwt), or null
 * @param tunnel   the proxy to connect through (--proxy, --socks5), or null
 */
public record EchoSettings(String host, int port, IpFamily family, AssociationProposal proposal,
                           int connectTimeout, int socketTimeout, int acseTimeout, int dimseTimeout,
                           int repeat, boolean abort, SocketLayer layer,
                           UserInfoSubItem.UserIdentityRq identity, Tunnel tunnel) {

    /** Settings without user identity and proxy. */
    public EchoSettings(String host, int port, IpFamily family, AssociationProposal proposal,
                        int connectTimeout, int socketTimeout, int acseTimeout, int dimseTimeout,
                        int repeat, boolean abort, SocketLayer layer) {
        this(host, port, family, proposal, connectTimeout, socketTimeout, acseTimeout, dimseTimeout, repeat, abort,
                layer, null, null);
    }

    /** The same settings on another socket layer. */
    public EchoSettings withLayer(SocketLayer other) {
        return new EchoSettings(host, port, family, proposal, connectTimeout, socketTimeout, acseTimeout,
                dimseTimeout, repeat, abort, other, identity, tunnel);
    }
}
