package org.echoscu.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * target/echoscu-java_VERSION_all.deb: its listing (dpkg-deb -c) holds what it must and no file
 * of Debian's dcmtk (dpkg -L dcmtk: CI installs dcmtk); its control file carries the POM's
 * version and the Java dependency; unpacked into a scratch root (dpkg -x), its echoscp-java
 * answers its echoscu-java.
 */
class DebianPackageIT {

    private static final String HOME = "/usr/share/echoscu-java/";

    private static List<String> files;

    @BeforeAll
    static void list() {
        Run listing = Shipped.ok(Commands.ROOT, Map.of(), "dpkg-deb", "-c", Shipped.deb().toString());
        files = new ArrayList<>();
        for (String line : listing.stdout().split("\n")) {
            String[] f = line.trim().split("\\s+");
            String path = f[f.length - 1];
            if (!line.startsWith("d")) {
                files.add(path.startsWith("./") ? path.substring(1) : path);
            }
        }
    }

    @Test
    void holdsCommandsLibrariesManPagesCompletionAndLicences() {
        assertThat(files).contains("/usr/bin/echoscu-java", "/usr/bin/echoscp-java",
                HOME + "bin/echoscu", HOME + "bin/echoscp", HOME + "bin/.launch", HOME + "bin/.train",
                HOME + "bin/.jvm", HOME + "bin/.dist",
                HOME + "lib/echoscu.jar", HOME + "lib/echoscu.version",
                "/usr/share/man/man1/echoscu-java.1.gz", "/usr/share/man/man1/echoscp-java.1.gz",
                "/usr/share/bash-completion/completions/echoscu-java",
                "/usr/share/bash-completion/completions/echoscp-java",
                "/usr/share/zsh/vendor-completions/_echoscu-java", "/usr/share/zsh/vendor-completions/_echoscp-java",
                "/usr/share/doc/echoscu-java/copyright", "/usr/share/doc/echoscu-java/README.md");
        for (String f : files) {
            assertThat(f).as("a file outside the package's own places")
                    .matches("^(/usr/share/echoscu-java/|/usr/share/doc/echoscu-java/|/usr/bin/ech[a-z]+-java$"
                            + "|/usr/share/man/man1/ech[a-z]+-java\\.1\\.gz$|/usr/share/bash-completion/completions/"
                            + "ech[a-z]+-java$|/usr/share/zsh/vendor-completions/_ech[a-z]+-java$).*");
        }
        List<String> jars = files.stream().filter(f -> f.startsWith(HOME + "lib/") && f.endsWith(".jar")).toList();
        for (String jar : jars) {
            if (!jar.endsWith("/echoscu.jar")) {
                String name = jar.substring(jar.lastIndexOf('/') + 1).replace(".jar", ".txt");
                assertThat(files).as("licence of " + jar).contains("/usr/share/doc/echoscu-java/licenses/" + name);
            }
        }
    }

    @Test
    void noFileOfDcmtk() {
        Commands.dcmtkBinary("echoscu"); // fails when dcmtk is missing: CI installs it
        Run dcmtk = Shipped.ok(Commands.ROOT, Map.of(), "dpkg", "-L", "dcmtk");
        Set<String> theirs = new HashSet<>(List.of(dcmtk.stdout().split("\n")));
        assertThat(theirs).contains("/usr/bin/echoscu", "/usr/share/man/man1/echoscu.1.gz");
        for (String f : files) {
            assertThat(theirs).as("dcmtk owns " + f).doesNotContain(f);
        }
    }

    @Test
    void controlFileHasThePomsVersionAndNeedsJava17() {
        Run control = Shipped.ok(Commands.ROOT, Map.of(), "dpkg-deb", "-f", Shipped.deb().toString(),
                "Package", "Version", "Architecture", "Depends");
        assertThat(control.stdout()).contains("Package: echoscu-java\n", "Version: " + Shipped.VERSION + "\n",
                "Architecture: all\n", "Depends: default-jre-headless (>= 2:1.17) | java17-runtime-headless\n");
    }

    @Test
    void runsFromAScratchRoot() throws Exception {
        Path root = Shipped.tempDir("debroot");
        Shipped.ok(root, Map.of(), "dpkg", "-x", Shipped.deb().toString(), root.toString());
        Map<String, String> env = Shipped.noCache();
        Run version = Shipped.ok(root, env, root + "/usr/bin/echoscu-java", "--version");
        assertThat(version.stdout()).startsWith("$jecho: echoscu v" + Shipped.VERSION + " ");
        assertThat(Shipped.gunzip(root.resolve("usr/share/man/man1/echoscu-java.1.gz")))
                .contains("\"jecho " + Shipped.VERSION + "\"");
        int port = Ports.free();
        try (Server scp = Server.command(List.of(root + "/usr/bin/echoscp-java", String.valueOf(port)), port, env)) {
            Run echo = Shipped.ok(root, env, root + "/usr/bin/echoscu-java", "-v", "localhost", String.valueOf(scp.port));
            assertThat(echo.stderrLines()).contains("I: Received Echo Response (Success)", "I: Releasing Association");
        }
        assertThat(Files.isExecutable(root.resolve("usr/share/echoscu-java/bin/echoscu"))).isTrue();
    }

    /** docs/packaging.md's way to make ours the echoscu on PATH and back, in a scratch root and alternatives database. */
    @Test
    void alternativesMakeOursTheEchoscuAndBack() throws Exception {
        Path root = Shipped.tempDir("debroot");
        Path alternatives = Shipped.tempDir("alternatives");
        Shipped.ok(root, Map.of(), "dpkg", "-x", Shipped.deb().toString(), root.toString());
        Files.createDirectories(alternatives.resolve("links"));
        Files.createDirectories(alternatives.resolve("admin"));
        String link = root + "/usr/bin/echoscu";
        String[] dirs = {"--altdir", alternatives.resolve("links").toString(), "--admindir",
                alternatives.resolve("admin").toString()};
        Shipped.ok(root, Map.of(), concat(concat(new String[] {"update-alternatives"}, dirs), "--install", link,
                "echoscu", root + "/usr/bin/echoscu-java", "50", "--slave", root + "/usr/share/man/man1/echoscu.1.gz",
                "echoscu.1.gz", root + "/usr/share/man/man1/echoscu-java.1.gz"));
        Run version = Shipped.ok(root, Shipped.noCache(), link, "--version");
        assertThat(version.stdout()).startsWith("$jecho: echoscu v" + Shipped.VERSION + " ");
        Shipped.ok(root, Map.of(), concat(concat(new String[] {"update-alternatives"}, dirs), "--remove", "echoscu",
                root + "/usr/bin/echoscu-java"));
        for (String gone : List.of("usr/bin/echoscu", "usr/share/man/man1/echoscu.1.gz")) {
            assertThat(Files.exists(root.resolve(gone), java.nio.file.LinkOption.NOFOLLOW_LINKS)).as(gone).isFalse();
        }
    }

    private static String[] concat(String[] first, String... rest) {
        String[] all = java.util.Arrays.copyOf(first, first.length + rest.length);
        System.arraycopy(rest, 0, all, first.length, rest.length);
        return all;
    }
}
