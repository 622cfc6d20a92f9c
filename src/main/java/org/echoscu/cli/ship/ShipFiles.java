package org.echoscu.cli.ship;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

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
 * Arguments: the output directory, the directory of the man page templates (TOOL.1.in), the
 * Debian package's home (/usr/share/echoscu-java) and its maintainer (for the package's
 * changelog, which Debian wants in every package). The version is the POM's, through
 * version.properties, as --version prints it.
 */
public final class ShipFiles {

    /** The suffix of the Debian package's command names. */
    static final String DEB_SUFFIX = "-java";

    private ShipFiles() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 4) {
            throw new IllegalArgumentException("usage: ShipFiles OUTPUT_DIR TEMPLATE_DIR DEB_HOME DEB_MAINTAINER");
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
        // the exporter keeps its own name in the package: Debian's dcmtk has no command of that name
        String exporter = ExporterManPage.render(Files.readString(templates.resolve(ExporterManPage.NAME + ".1.in"),
                StandardCharsets.UTF_8), version, date);
        write(out.resolve("dist/man/man1/" + ExporterManPage.NAME + ".1"), exporter);
        writeGzip(out.resolve("deb/man/" + ExporterManPage.NAME + ".1.gz"), exporter);
        writeGzip(out.resolve("deb/changelog.gz"), changelog(version, date, args[3]));
    }

    /**
     * The native package's changelog (Debian policy 12.7): one entry for this version; what changed
     * is the project's history.
     */
    static String changelog(String version, String date, String maintainer) {
        String when = LocalDate.parse(date).atStartOfDay(ZoneOffset.UTC)
                .format(DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.ROOT));
        return "echoscu-java (" + version + ") unstable; urgency=medium\n\n"
                + "  * echoscu and echoscp for the JVM, version " + version + " (the changes are\n"
                + "    in the project's history and README.md).\n\n"
                + " -- " + maintainer + "  " + when + "\n";
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    /**
     * gzip -9n: no file name and a zero time stamp in its header (Debian policy 12.1,
     * reproducible), best compression, and the header saying so (XFL 2, OS Unix), which lintian
     * reads. By hand because GZIPOutputStream writes neither flag and takes no level; the format
     * is RFC 1952's 10-byte header, the raw deflate stream, CRC-32 and length.
     */
    static void writeGzip(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        byte[] data = text.getBytes(StandardCharsets.UTF_8);
        CRC32 crc = new CRC32();
        crc.update(data);
        try (OutputStream o = Files.newOutputStream(file)) {
            o.write(new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 2, 3});
            Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
            DeflaterOutputStream d = new DeflaterOutputStream(o, deflater) {
                @Override
                public void close() throws IOException {
                    finish(); // the stream stays open for the trailer
                }
            };
            d.write(data);
            d.close();
            deflater.end();
            long c = crc.getValue();
            int n = data.length;
            o.write(new byte[] {(byte) c, (byte) (c >> 8), (byte) (c >> 16), (byte) (c >> 24),
                (byte) n, (byte) (n >> 8), (byte) (n >> 16), (byte) (n >> 24)});
        }
    }
}
