package org.echoscu.probe;

/**
 * Whom a probe is for.
 *
 * @param host       the peer as given (host name or address literal)
 * @param address    the address connected to, or the last one tried when no connection could be
 *                   made; null when none was tried (the name did not resolve, or a proxy resolved it)
 * @param port       the peer's TCP port
 * @param callingAe  our AE title
 * @param calledAe   the peer's AE title as we called it
 * @param tls        whether the association runs over TLS
 */
public record Target(String host, String address, int port, String callingAe, String calledAe, boolean tls) {
}
