package org.echoscu.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * target/echoscu-java_VERSION_all.deb: its listing (dpkg-deb -c) holds what it must and no file
 * of Debian's dcmtk (dpkg -L dcmtk: CI installs dcmtk); its control file carries the POM's
 * version and the Java dependency; lintian finds nothing; unpacked into a scratch root (dpkg -x),
 * its echoscp-java answers its echoscu-java; installed for real (apt-get install, as root, which
 * CI is; purged after), root and nobody start from the archives postinst made, a JDK trigger makes
 * them again, and a user's training that was cut short is made again by a later run.
 */
class DebianPackageIT {

    private static final String HOME = "/usr/share/echoscu-java/";

    private static List<String> files;

    @BeforeAll
    static void list() {
        Run listing = Shipped.ok(Commands.ROOT, Map.of(), "dpkg-deb", "-c", Shipped.deb().toString());
        files = new ArrayList<>();
        for (String line : listing.stdout().split("\n")) {
            // a link's line ends "NAME -> TARGET": its name is the package's file
            String[] f = line.replaceAll(" -> .*", "").trim().split("\\s+");
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
                HOME + "bin/.jvm", HOME + "bin/.dist", HOME + "bin/echoscu-prepare", HOME + "cache",
                "/usr/share/doc/echoscu-java/changelog.gz", "/usr/share/lintian/overrides/echoscu-java",
                "/usr/bin/echoscu-exporter", HOME + "bin/echoscu-exporter", "/lib/systemd/system/echoscu-exporter.service",
                "/etc/echoscu-java/echoscu-exporter.yml",
                "/usr/share/doc/echoscu-java/examples/prometheus/echoscu-exporter.rules.yml",
                HOME + "lib/echoscu.jar", HOME + "lib/echoscu.version",
                "/usr/share/man/man1/echoscu-java.1.gz", "/usr/share/man/man1/echoscp-java.1.gz",
                "/usr/share/man/man1/echoscu-exporter.1.gz",
                "/usr/share/bash-completion/completions/echoscu-java",
                "/usr/share/bash-completion/completions/echoscp-java",
                "/usr/share/zsh/vendor-completions/_echoscu-java", "/usr/share/zsh/vendor-completions/_echoscp-java",
                "/usr/share/doc/echoscu-java/copyright", "/usr/share/doc/echoscu-java/README.md");
        for (String f : files) {
            assertThat(f).as("a file outside the package's own places")
                    .matches("^(/usr/share/echoscu-java/|/usr/share/doc/echoscu-java/|/usr/bin/ech[a-z]+-java$"
                            + "|/usr/share/lintian/overrides/echoscu-java$|/usr/bin/echoscu-exporter$"
                            + "|/usr/share/man/man1/echoscu-exporter\\.1\\.gz$"
                            + "|/lib/systemd/system/echoscu-exporter\\.service$|/etc/echoscu-java/echoscu-exporter\\.yml$"
                            + "|/usr/share/man/man1/ech[a-z]+-java\\.1\\.gz$|/usr/share/bash-completion/completions/"
                            + "ech[a-z]+-java$|/usr/share/zsh/vendor-completions/_ech[a-z]+-java$).*");
        }
        assertThat(files).as("the exporter's libraries").anyMatch(f -> f.startsWith(HOME + "lib/exporter/")
                && f.endsWith(".jar"));
        Run conffiles = Shipped.ok(Commands.ROOT, Map.of(), "dpkg-deb", "-I", Shipped.deb().toString(), "conffiles");
        assertThat(conffiles.stdout().lines().map(String::trim).toList())
                .containsExactly("/etc/echoscu-java/echoscu-exporter.yml");
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

    @Test
    void lintianFindsNoErrorAndNoWarning() {
        Run lintian = Commands.runIn(Commands.ROOT, List.of("lintian", "--fail-on", "error,warning",
                Shipped.deb().toString()), java.time.Duration.ofMinutes(5), null, Map.of());
        assertThat(lintian.exitCode()).as(lintian.toString()).isZero();
        assertThat(lintian.stdout()).as(lintian.toString()).doesNotContainPattern("(?m)^[EW]: ");
        Run maintainer = Shipped.ok(Commands.ROOT, Map.of(), "dpkg-deb", "-f", Shipped.deb().toString(), "Maintainer");
        assertThat(maintainer.stdout()).contains("<maintainers@echoscu.org>").doesNotContain("localhost");
    }

    /**
     * The package installed for real. Needs root (CI runs as root, and .ci/run fails when this
     * suite skipped anything); the package is purged after, whatever happened.
     */
    @Test
    void installedEveryUserStartsFromArchivesMadeAtInstallTime() throws Exception {
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")),
                "installing a package needs root (CI runs as root)");
        Installed.purge();
        try {
            Installed.install();
            Path cache = Path.of("/var/cache/echoscu-java");
            Path plain = Installed.awaitPlainArchive(cache, java.time.Duration.ofSeconds(5));
            try (Server scp = Server.echoscp()) {
                String port = String.valueOf(scp.port);
                // root, and nobody (no home to write: only the archives made at install time help)
                Installed.assertEchoFrom(plain, Map.of(), port);
                Installed.assertEchoFrom(plain, Map.of("HOME", "/nonexistent"), port, Installed.AS_NOBODY);
                // the exporter, as its unit runs it (nobody in particular), reads the installed configuration
                List<String> check = new ArrayList<>(Installed.AS_NOBODY);
                check.addAll(List.of("/usr/bin/echoscu-exporter", "--config.check",
                        "--config.file=/etc/echoscu-java/echoscu-exporter.yml"));
                Run exporter = Commands.runIn(Path.of("/"), check, java.time.Duration.ofMinutes(2), null,
                        Map.of("HOME", "/nonexistent", "ECHOSCU_LAUNCH_DEBUG", "1"));
                assertThat(exporter.exitCode()).as(exporter.toString()).isZero();
                assertThat(exporter.stderr()).contains(", archive /usr/share/echoscu-java/cache/echoscu-");

                // a JDK installed or upgraded under /usr/lib/jvm: the trigger makes them again
                for (Path f : Installed.list(cache)) {
                    Files.delete(f);
                }
                Shipped.ok(Commands.ROOT, Map.of(), "dpkg-trigger", "--no-await", "/usr/lib/jvm");
                Shipped.ok(Commands.ROOT, Map.of(), "dpkg", "--triggers-only", "--pending");
                Installed.assertEchoFrom(Installed.awaitPlainArchive(cache, java.time.Duration.ofSeconds(5)),
                        Map.of(), port);

                // another JVM (JAVA_HOME): the user's cache; a training cut short is made again
                Path userCache = Shipped.tempDir("cache");
                Path otherHome = Installed.otherJavaHome();
                Map<String, String> env = Map.of("XDG_CACHE_HOME", userCache.toString(), "JAVA_HOME",
                        otherHome.toString());
                Shipped.ok(Commands.ROOT, env, "/usr/bin/echoscu-java", "127.0.0.1", port);
                Path dir = userCache.resolve("echoscu-java");
                long pid = Installed.awaitTrainer(dir);
                Installed.killTree(pid);
                assertThat(Installed.list(dir)).as("nothing kept of a cut training")
                        .noneMatch(f -> f.toString().matches(".*\\.(jsa|aot)$"));
                Shipped.ok(Commands.ROOT, env, "/usr/bin/echoscu-java", "127.0.0.1", port);
                Path made = Installed.awaitPlainArchive(dir, java.time.Duration.ofMinutes(4));
                assertThat(made.getFileName().toString()).contains("-java-17.0.99+1-other.");
                Map<String, String> strict = new java.util.HashMap<>(env);
                Installed.assertEchoFrom(made, strict, port);
            }
        } finally {
            Installed.purge();
        }
        assertThat(Path.of("/var/cache/echoscu-java")).doesNotExist();
        assertThat(Path.of("/usr/bin/echoscu-java")).doesNotExist();
    }

    private static String[] concat(String[] first, String... rest) {
        String[] all = java.util.Arrays.copyOf(first, first.length + rest.length);
        System.arraycopy(rest, 0, all, first.length, rest.length);
        return all;
    }
}
