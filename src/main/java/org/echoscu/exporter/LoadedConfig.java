package org.echoscu.exporter;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** A configuration ready to serve: the file as read, and each module's runtime parts. */
record LoadedConfig(ExporterConfig config, Map<String, ModuleRuntime> modules) {

    /** The file at {@code path}, or the built-in configuration when {@code path} is null. */
    static LoadedConfig load(Path path) throws ConfigException {
        return of(path == null ? ExporterConfig.builtIn() : ConfigFile.load(path));
    }

    static LoadedConfig of(ExporterConfig config) throws ConfigException {
        Map<String, ModuleRuntime> modules = new LinkedHashMap<>();
        for (Module m : config.modules().values()) {
            modules.put(m.name(), ModuleRuntime.of(m));
        }
        return new LoadedConfig(config, modules);
    }

    /** Secret files others may read: said at each load, the files used all the same. */
    java.util.List<String> warnings() {
        java.util.List<String> out = new java.util.ArrayList<>();
        for (Module m : config.modules().values()) {
            out.addAll(ModuleRuntime.warnings(m));
        }
        return out;
    }
}
