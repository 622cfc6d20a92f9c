package org.echoscu.cli.ship;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

import org.echoscu.cli.ToolTables;
import org.echoscu.cli.ToolTables.Tool;
import org.echoscu.cli.Version;

/**
 * Writes the man pages and the bash and zsh completion of both commands from their option
 * tables, at build time (pom.xml runs it in the prepare-package phase), in two variants:
 * <ul>
 * <li>{@code dist/}: for the distribution archive, under the commands' own names;</li>
 * <li>{@code deb/}: for the Debian package, where the commands are {@code echoscu-java} and
 * {@code echoscp-java} so that nothing collides with Debian's dcmtk (which owns
 * /usr/bin/echoscu and its man page); man pages gzipped as Debian wants them.</li>
 * </ul>
 * Arguments: the output directory, the directory of the man page templates (TOOL.1.in), and
 * the Debian package's home (/usr/share/echoscu-java). The version is the POM's, through
 * version.properties, as --version prints it.
 */
public final class ShipFiles {

    /** The suffix of the Debian package's command names. */
    static final String DEB_SUFFIX = "-java";

    private ShipFiles() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            throw new IllegalArgumentException("usage: ShipFiles OUTPUT_DIR TEMPLATE_DIR DEB_HOME");
        }
        Path out = Path.of(args[0]);
        Path templates = Path.of(args[1]);
        String debHome = args[2];
        String version = Version.version();
        String date = Version.date();
        // bin/.dist keys the start-up archive it makes by our version too
        write(out.resolve("echoscu.version"), version + "\n");
        for (Tool tool : ToolTables.all()) {
            String template = Files.readString(templates.resolve(tool.name() + ".1.in"), StandardCharsets.UTF_8);
            String own = tool.name();
            String deb = tool.name() + DEB_SUFFIX;
            write(out.resolve("dist/man/man1/" + own + ".1"), ManPage.render(template, tool, own, debHome, version, date));
            write(out.resolve("dist/completion/bash/" + own), BashCompletion.render(tool, own, version));
            write(out.resolve("dist/completion/zsh/_" + own), ZshCompletion.render(tool, own, version));
            writeGzip(out.resolve("deb/man/" + deb + ".1.gz"), ManPage.render(template, tool, deb, debHome, version, date));
            write(out.resolve("deb/bash/" + deb), BashCompletion.render(tool, deb, version));
            write(out.resolve("deb/zsh/_" + deb), ZshCompletion.render(tool, deb, version));
        }
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    /** gzip with no file name and a zero time stamp in its header (Debian policy 12.1, reproducible). */
    private static void writeGzip(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(file))) {
            o.write(text.getBytes(StandardCharsets.UTF_8));
        }
    }
}
