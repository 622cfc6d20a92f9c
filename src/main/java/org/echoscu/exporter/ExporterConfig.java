package org.echoscu.exporter;

import java.util.List;
import java.util.Map;

/**
 * The configuration file as loaded: its modules by name, and the targets probes may reach.
 *
 * @param modules         by name, in the file's order
 * @param allowedTargets  who may be probed; empty: loopback only (security by default)
 * @param source          the file's text (for {@code /config} and {@code debug=true}); null for the built-in one
 * @param hash            the file's SHA-256, so that an unchanged file is not reloaded
 */
public record ExporterConfig(Map<String, Module> modules, AllowedTargets allowedTargets, String source,
                             String hash) {

    /** The configuration without a file: one module {@code echo}, loopback targets only. */
    public static ExporterConfig builtIn() {
        Module echo = Module.builtIn();
        return new ExporterConfig(Map.of(echo.name(), echo), AllowedTargets.of(List.of()), null, "");
    }
}
