package org.echoscu.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * target/echoscu-VERSION.tar.gz unpacked in a temporary directory, far from the project, and
 * run from there: its echoscp answers its echoscu; the start-up archive of the JVM is made in
 * the background on the first run, used on the next, and a cache that cannot be written
 * changes nothing.
 */
class DistributionArchiveIT {

    private static Path home;

    @BeforeAll
    static void unpack() {
        Path dir = Shipped.tempDir("dist");
        Shipped.ok(dir, Map.of(), "tar", "xzf", Shipped.archive().toString());
        home = dir.resolve("echoscu-" + Shipped.VERSION);
    }

    @Test
    void holdsCommandsLibrariesManPagesCompletionLicencesAndReadme() throws IOException {
        for (String f : List.of("bin/echoscu", "bin/echoscp", "bin/echoscu-prepare", "bin/.launch", "bin/.train")) {
            assertThat(Files.isExecutable(home.resolve(f))).as(f).isTrue();
        }
        for (String f : List.of("bin/.jvm", "bin/.dist", "lib/echoscu.jar", "man/man1/echoscu.1", "man/man1/echoscp.1",
                "completion/bash/echoscu", "completion/bash/echoscp", "completion/zsh/_echoscu",
                "completion/zsh/_echoscp", "licenses/README", "README.md")) {
            assertThat(home.resolve(f)).as(f).isRegularFile();
        }
        assertThat(home.resolve("lib/echoscu.version")).content().isEqualTo(Shipped.VERSION + "\n");
        // the same libraries as the build's, and a licence file for every one
        try (Stream<Path> libs = Files.list(home.resolve("lib"))) {
            List<String> jars = libs.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".jar") && !n.equals("echoscu.jar")).sorted().toList();
            try (Stream<Path> built = Files.list(Shipped.TARGET.resolve("lib"))) {
                assertThat(jars).isEqualTo(built.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".jar"))
                        .sorted().toList());
            }
            for (String jar : jars) {
                String name = jar.substring(0, jar.length() - ".jar".length());
                Path licence = home.resolve("licenses/" + name + ".txt");
                assertThat(licence).as("licence of " + jar).isRegularFile();
                assertThat(Files.readString(licence)).contains("(SPDX: ").contains("==== ");
            }
        }
    }

    /** The exporter: its launcher, its own libraries (each with its licence), its unit and configuration. */
    @Test
    void holdsTheExporterItsLibrariesUnitAndConfiguration() throws IOException {
        assertThat(Files.isExecutable(home.resolve("bin/echoscu-exporter"))).isTrue();
        for (String f : List.of("contrib/systemd/echoscu-exporter.service", "contrib/echoscu-exporter.yml",
                "contrib/prometheus/echoscu-exporter.rules.yml")) {
            assertThat(home.resolve(f)).as(f).isRegularFile();
        }
        try (Stream<Path> libs = Files.list(home.resolve("lib/exporter"));
                Stream<Path> built = Files.list(Shipped.TARGET.resolve("lib/exporter"))) {
            List<String> jars = libs.map(p -> p.getFileName().toString()).sorted().toList();
            assertThat(jars).isNotEmpty().isEqualTo(built.map(p -> p.getFileName().toString()).sorted().toList());
            for (String jar : jars) {
                assertThat(home.resolve("licenses/" + jar.replace(".jar", ".txt"))).as("licence of " + jar)
                        .isRegularFile();
            }
        }
    }

    @Test
    void runsFromWhereItWasUnpackedAndMakesTheStartUpArchiveOnFirstRun() throws Exception {
        Path cache = Shipped.tempDir("cache");
        Map<String, String> env = Map.of("XDG_CACHE_HOME", cache.toString());
        int port = Ports.free();
        try (Server scp = Server.command(List.of(home.resolve("bin/echoscp").toString(), String.valueOf(port)), port,
                env)) {
            Run first = Shipped.ok(home, env, home.resolve("bin/echoscu").toString(), "-v", "127.0.0.1",
                    String.valueOf(scp.port));
            assertThat(first.stderrLines()).contains("I: Received Echo Response (Success)");
            assertThat(first.stdout()).isEmpty();

            // made in the background by the first run (echoscp's or echoscu's), for this JVM and version
            Path dir = cache.resolve("echoscu-java");
            Path jsa = awaitArchive(dir, Duration.ofSeconds(90));
            assertThat(jsa.getFileName().toString()).startsWith("echoscu-" + Shipped.VERSION + "-java-");

            Map<String, String> strict = Map.of("XDG_CACHE_HOME", cache.toString(), "JAVA_OPTS", strict(jsa));
            Run second = Shipped.ok(home, strict, home.resolve("bin/echoscu").toString(), "127.0.0.1",
                    String.valueOf(port));
            assertThat(second.stdout() + second.stderr()).isEmpty();
        }
    }

    /**
     * Another runtime (here the same JVM under a JAVA_HOME whose release file names another
     * version, as an upgraded or a second JDK would) gets an archive of its own on its first run.
     */
    @Test
    void anotherJavaRuntimeGetsItsOwnArchive() throws Exception {
        Path cache = Shipped.tempDir("cache");
        Path otherHome = Shipped.tempDir("jdk");
        Files.createDirectories(otherHome.resolve("bin"));
        Files.createSymbolicLink(otherHome.resolve("bin/java"), Path.of(System.getProperty("java.home"), "bin", "java"));
        Files.writeString(otherHome.resolve("release"), "JAVA_VERSION=\"17\"\nJAVA_RUNTIME_VERSION=\"17.0.99+1-other\"\n");
        Map<String, String> env = Map.of("XDG_CACHE_HOME", cache.toString(), "JAVA_HOME", otherHome.toString());
        Run r = Shipped.ok(home, env, home.resolve("bin/echoscu").toString(), "--version");
        assertThat(r.stderr()).isEmpty();
        Path jsa = awaitArchive(cache.resolve("echoscu-java"), Duration.ofSeconds(90));
        assertThat(jsa.getFileName().toString()).startsWith("echoscu-" + Shipped.VERSION + "-java-17.0.99+1-other.");
        Map<String, String> strict = Map.of("XDG_CACHE_HOME", cache.toString(), "JAVA_HOME", otherHome.toString(),
                "JAVA_OPTS", strict(jsa));
        Shipped.ok(home, strict, home.resolve("bin/echoscu").toString(), "--version");
    }

    /** Runs started at once that find no archive make one set, whole, and leave nothing else behind. */
    @Test
    void firstRunsAtOnceMakeOneWholeSet() throws Exception {
        Path cache = Shipped.tempDir("cache");
        List<Process> runs = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ProcessBuilder pb = new ProcessBuilder(home.resolve("bin/echoscu").toString(), "--version")
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD);
            pb.environment().put("XDG_CACHE_HOME", cache.toString());
            runs.add(pb.start());
        }
        for (Process p : runs) {
            assertThat(p.waitFor()).isZero();
        }
        Path dir = cache.resolve("echoscu-java");
        Path plain = awaitArchive(dir, Duration.ofMinutes(4));
        String stem = plain.getFileName().toString().replaceAll("\\.(jsa|aot)$", "");
        String ext = plain.toString().endsWith(".aot") ? "aot" : "jsa";
        long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (Files.exists(dir.resolve(stem + ".lock")) && System.nanoTime() < end) {
            Thread.sleep(100);
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString()).toList()).containsExactlyInAnyOrder(
                    stem + "-info." + ext, stem + "-tls.facts", stem + "-tls." + ext, stem + "." + ext);
        }
    }

    /**
     * bin/echoscu-prepare makes the archives into the copy's own cache/, for everyone: a user
     * whose cache cannot be written starts from them.
     */
    @Test
    void prepareMakesTheArchivesIntoItsOwnDirectory() throws Exception {
        Path dir = Shipped.tempDir("dist");
        Shipped.ok(dir, Map.of(), "tar", "xzf", Shipped.archive().toString());
        Path copy = dir.resolve("echoscu-" + Shipped.VERSION);
        Run prepare = Shipped.ok(copy, Map.of(), copy.resolve("bin/echoscu-prepare").toString());
        assertThat(prepare.stdout()).contains("start-up archives for ");
        Path jsa = awaitArchive(copy.resolve("cache"), Duration.ofSeconds(1));
        Map<String, String> env = new java.util.HashMap<>(Shipped.noCache());
        env.put("JAVA_OPTS", strict(jsa));
        env.put("ECHOSCU_LAUNCH_DEBUG", "1");
        Run r = Shipped.ok(copy, env, copy.resolve("bin/echoscu").toString(), "-h");
        assertThat(r.stderr()).contains(", archive " + copy.resolve("cache") + "/");
    }

    @Test
    void worksSilentlyWhenTheCacheCannotBeWritten() throws Exception {
        Run r = Shipped.ok(home, Shipped.noCache(), home.resolve("bin/echoscu").toString(), "--version");
        assertThat(r.stderr()).isEmpty();
        assertThat(r.stdout()).startsWith("$jecho: echoscu v" + Shipped.VERSION + " ");
    }

    /** JVM options that make it refuse to start unless it can use that archive. */
    private static String strict(Path archive) {
        return archive.toString().endsWith(".aot") ? "-XX:AOTMode=on" : "-Xshare:on";
    }

    private static Path awaitArchive(Path dir, Duration limit) throws Exception {
        long end = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < end) {
            if (Files.isDirectory(dir)) {
                try (Stream<Path> files = Files.list(dir)) {
                    // the plain echo's archive (TLS runs and those without a connection have their
                    // own, "-tls" and "-info"): CDS, or JDK 25's AOT cache
                    List<Path> archives = files.filter(f -> f.toString().matches(".*(?<!-tls|-info)\\.(jsa|aot)$"))
                            .toList();
                    if (!archives.isEmpty()) {
                        return archives.get(0);
                    }
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no start-up archive in " + dir + " after " + limit);
    }
}
