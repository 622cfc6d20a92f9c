package org.echoscu.exporter;

/** The exporter's version and its libraries' versions, filled in by the build (templating-maven-plugin). */
final class ExporterBuild {

    private ExporterBuild() {
    }

    static final String VERSION = "${project.version}";
    static final String DATE = "${build.date}";
    static final String PROMETHEUS = "${prometheus.version}";
    static final String SNAKEYAML_ENGINE = "${snakeyaml-engine.version}";
}
