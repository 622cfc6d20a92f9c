package org.echoscu.net;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;

/** -i4, -i6, -i0: which addresses of a peer name we may use. */
public enum IpFamily {
    IPV4("IPv4"), IPV6("IPv6"), AUTO("IPv4 or IPv6");

    private final String label;

    IpFamily(String label) {
        this.label = label;
    }

    public boolean admits(InetAddress a) {
        return switch (this) {
            case IPV4 -> a instanceof Inet4Address;
            case IPV6 -> a instanceof Inet6Address;
            case AUTO -> true;
        };
    }

    public String label() {
        return label;
    }
}
