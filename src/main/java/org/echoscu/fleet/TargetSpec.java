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

    /** The target's name when it has one of its own (an Orthanc modality's key), else null. */
    public String ownName() {
        return name.equals(address()) ? null : name;
    }

    /** How outputs name the target, in one word: its address, after its name when it has one of its own (Orthanc's). */
    public String label() {
        String own = ownName();
        return own == null ? address() : own + "=" + address();
    }
}
