package org.echoscu.acse;

/**
 * The project's version as Maven wrote it here (templating-maven-plugin, like
 * {@code cli.BuildInfo}, which reads the same property): the implementation version name of
 * {@link Uids} is made from it, so that there is one version number to bump.
 */
final class BuildVersion {
    static final String VERSION = "${project.version}";

    private BuildVersion() {
    }
}
