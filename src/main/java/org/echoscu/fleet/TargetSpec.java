package org.echoscu.fleet;

/**
 * One peer of a many-peer run: where it came from ({@code name}: the word as written, or the
 * Orthanc modality's key), the called AE title (null: the one of {@code -aec}), host and port.
 */
public record TargetSpec(String name, String calledAeTitle, String host, int port) {

    /** {@code [AE@]host:port}, IPv6 addresses in brackets: how the target is shown and sorted. */
    public String address() {
        String h = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
        return (calledAeTitle == null ? "" : calledAeTitle + "@") + h + ":" + port;
    }
}
