package org.echoscu.cli;

import org.echoscu.net.HttpConnectTunnel;
import org.echoscu.net.ProxyAddress;
import org.echoscu.net.Socks5Tunnel;
import org.echoscu.net.Tunnel;

/** --proxy and --socks5 (the rightmost wins). Loaded only when one of them is given. */
final class ProxyOptions {

    private ProxyOptions() {
    }

    /** @param timeoutSeconds the bound on the proxy's answer (the ACSE timeout) */
    static Tunnel tunnel(ParsedArgs p, int timeoutSeconds) throws UsageException {
        ParsedArgs.Occurrence o = p.last("--proxy", "--socks5");
        ProxyAddress address;
        try {
            address = ProxyAddress.parse(o.values().get(0));
        } catch (IllegalArgumentException e) {
            throw new UsageException("Invalid value for option " + o.opt().display() + " (" + e.getMessage() + ")");
        }
        return o.opt().longName().equals("--proxy") ? new HttpConnectTunnel(address, timeoutSeconds)
                : new Socks5Tunnel(address, timeoutSeconds);
    }
}
