package org.echoscu.cli;

/**
 * What the build knew, written into the code by Maven (templating-maven-plugin, from
 * src/main/java-templates): the project's version and build date, and the versions of the
 * libraries --version names. Constants rather than a resource file, because reading a resource
 * from the jar costs a {@code -d} run (which prints the header) about 100 classes of class-path
 * and jar machinery; and the libraries' own classes are not loaded to ask them.
 */
final class BuildInfo {
    static final String VERSION = "${project.version}";
    static final String DATE = "${build.date}";
    static final String PICOCLI = "${picocli.version}";
    static final String SLF4J = "${slf4j.version}";
    static final String LOGBACK = "${logback.version}";
    static final String BOUNCY_CASTLE = "${bouncycastle.version}";

    private BuildInfo() {
    }
}
