package org.echoscu.cli;

/** The version and build date stamped by Maven, and the header DCMTK's tools print. */
public final class Version {

    public static final String TOOLKIT = "jecho";

    private Version() {
    }

    public static String version() {
        return BuildInfo.VERSION;
    }

    public static String date() {
        return BuildInfo.DATE;
    }

    /** DCMTK's first line, e.g. {@code $jecho: echoscu v1.2.3 2026-11-27 $} (the POM's version). */
    public static String header(String tool) {
        return "$" + TOOLKIT + ": " + tool + " v" + version() + " " + date() + " $";
    }

    /** --version: the header, the runtime, and the libraries with their versions. */
    public static String details(String tool, String purpose) {
        StringBuilder sb = new StringBuilder();
        sb.append(header(tool)).append("\n\n").append(tool).append(": ").append(purpose).append("\n\n");
        sb.append("Host type: ").append(System.getProperty("os.name")).append(' ')
                .append(System.getProperty("os.arch")).append('\n');
        sb.append("Java runtime: ").append(System.getProperty("java.vm.name")).append(' ')
                .append(System.getProperty("java.runtime.version")).append(" (")
                .append(System.getProperty("java.vendor")).append(")\n");
        sb.append("Character encoding: ").append(java.nio.charset.Charset.defaultCharset()).append('\n');
        sb.append("Implementation: ").append(org.echoscu.acse.Uids.IMPLEMENTATION_CLASS_UID).append(' ')
                .append(org.echoscu.acse.Uids.IMPLEMENTATION_VERSION_NAME).append("\n\n");
        sb.append("External libraries used:\n");
        library(sb, "picocli", BuildInfo.PICOCLI);
        library(sb, "SLF4J", BuildInfo.SLF4J);
        library(sb, "Logback", BuildInfo.LOGBACK);
        library(sb, "Bouncy Castle (TLS keys and certificates)", BuildInfo.BOUNCY_CASTLE);
        sb.append("- JSSE (").append(System.getProperty("java.vendor")).append(" ")
                .append(System.getProperty("java.version")).append(")\n");
        return sb.toString();
    }

    private static void library(StringBuilder sb, String name, String version) {
        sb.append("- ").append(name).append(", Version ").append(version).append('\n');
    }
}
