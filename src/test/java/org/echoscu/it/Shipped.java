package org.echoscu.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What mvn package ships (target/echoscu-VERSION.tar.gz, target/echoscu-java_VERSION_all.deb,
 * target/ship), and the option names the shipped texts and --help name.
 */
final class Shipped {

    /** The POM's version, handed over by failsafe (pom.xml). */
    static final String VERSION = System.getProperty("echoscu.version");

    static final Path TARGET = Commands.ROOT.resolve("target");

    private Shipped() {
    }

    static Path archive() {
        return TARGET.resolve("echoscu-" + VERSION + ".tar.gz");
    }

    static Path selfContained() {
        return TARGET.resolve("echoscu-" + VERSION + "-linux-x64.tar.gz");
    }

    static Path deb() {
        return TARGET.resolve("echoscu-java_" + VERSION + "_all.deb");
    }

    /** A command's --help text. */
    static String helpText(Path command) {
        Run help = Commands.run(List.of(command.toString(), "--help"), Duration.ofSeconds(60));
        assertThat(help.exitCode()).as(help.toString()).isZero();
        return help.stdout();
    }

    /** The option names of a command's --help, as DCMTK's layout lists them (short and long). */
    static Set<String> helpOptions(Path command) {
        Set<String> names = new TreeSet<>();
        // an option's line: its names from column 2, 4 or 10; text continues at column 31
        Pattern line = Pattern.compile("^ {2,10}([-+]\\S+)(?: +(--\\S+))?");
        for (String l : helpText(command).split("\n")) {
            Matcher m = line.matcher(l);
            if (m.find()) {
                names.add(m.group(1));
                if (m.group(2) != null) {
                    names.add(m.group(2));
                }
            }
        }
        assertThat(names).as("options in --help").hasSizeGreaterThan(20);
        return names;
    }

    /** Every word of a text that reads as an option name: -aet, --repeat, +tls. */
    static Set<String> optionWords(String text) {
        Set<String> names = new TreeSet<>();
        Matcher m = Pattern.compile("(?<![\\w./~-])([-+]{1,2}[a-z][a-z0-9-]*[a-z0-9]|[-+][a-z])(?![\\w-])").matcher(text);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /** A man page's text as written, without troff's escapes and comment lines. */
    static String manSource(Path page) throws IOException {
        String troff = page.toString().endsWith(".gz") ? gunzip(page) : Files.readString(page);
        StringBuilder sb = new StringBuilder();
        for (String l : troff.split("\n")) {
            if (!l.startsWith(".\\\"")) {
                sb.append(l.replace("\\-", "-").replaceAll("\\\\f[BIRP]", "").replace("\\&", "").replace("\\e", "\\"))
                        .append('\n');
            }
        }
        return sb.toString();
    }

    static String gunzip(Path gz) throws IOException {
        try (var in = new java.util.zip.GZIPInputStream(Files.newInputStream(gz))) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    /** Runs a command and fails the test when it fails. */
    static Run ok(Path dir, Map<String, String> env, String... command) {
        Run r = Commands.runIn(dir, List.of(command), Duration.ofMinutes(2), null, env);
        assertThat(r.exitCode()).as(String.join(" ", command) + "\n" + r).isZero();
        return r;
    }

    /**
     * An environment whose cache directory cannot be made (XDG_CACHE_HOME names a file): an
     * installed copy then trains no start-up archive in the background, which would only load
     * the machine during the other tests.
     */
    static Map<String, String> noCache() {
        try {
            return Map.of("XDG_CACHE_HOME", Files.createTempFile("no-cache", ".file").toString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static Path tempDir(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
