package org.echoscu.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * target/echoscu-VERSION-linux-x64.tar.gz unpacked far from the build and run with no java on
 * the PATH and no JAVA_HOME: its launchers take its own jlink runtime, which holds only the
 * modules jdeps found (and the EC provider), and, when that runtime is JDK 25 or later, the AOT
 * caches made at build time, which still fit after the move; its echoscp answers its echoscu.
 */
class SelfContainedArchiveIT {

    private static Path home;
    private static Map<String, String> noJava;

    @BeforeAll
    static void unpack() throws Exception {
        Path dir = Shipped.tempDir("self-contained");
        Shipped.ok(dir, Map.of(), "tar", "xzf", Shipped.selfContained().toString());
        home = dir.resolve("echoscu-" + Shipped.VERSION + "-linux-x64");
        // a PATH with a shell and nothing else (the launchers' scripts start with #!/bin/sh)
        Path bin = Files.createDirectories(dir.resolve("path"));
        Files.createSymbolicLink(bin.resolve("sh"), Path.of("/bin/sh"));
        noJava = Map.of("PATH", bin.toString(), "JAVA_HOME", "", "XDG_CACHE_HOME", Shipped.noCache().get(
                "XDG_CACHE_HOME"), "ECHOSCU_LAUNCH_DEBUG", "1");
    }

    @Test
    void holdsItsOwnRuntimeWithOnlyTheModulesItNeeds() throws Exception {
        assertThat(Files.isExecutable(home.resolve("runtime/bin/java"))).isTrue();
        Run modules = Shipped.ok(home, Map.of(), home.resolve("runtime/bin/java").toString(), "--list-modules");
        List<String> names = modules.stdout().lines().map(l -> l.replaceAll("@.*", "")).toList();
        assertThat(names).contains("java.base").doesNotContain("java.desktop", "jdk.compiler", "java.xml.crypto")
                .hasSizeLessThan(15);
        assertThat(Files.readString(home.resolve("runtime/release"))).contains("JAVA_RUNTIME_VERSION=");
        for (String f : List.of("bin/echoscu", "bin/echoscp", "bin/echoscu-prepare", "lib/echoscu.jar",
                "licenses/README", "README.md")) {
            assertThat(home.resolve(f)).as(f).exists();
        }
    }

    @Test
    void runsWithNoJavaOnThePathFromItsOwnRuntimeAndArchive() throws Exception {
        Path runtime = home.resolve("runtime/bin/java");
        Run version = Shipped.ok(home, noJava, home.resolve("bin/echoscu").toString(), "--version");
        assertThat(version.stdout()).startsWith("$jecho: echoscu v" + Shipped.VERSION + " ");
        assertThat(version.stderr()).startsWith("echoscu launcher: java " + runtime + ", ");

        Path archive = plainArchive();
        Map<String, String> env = new java.util.HashMap<>(noJava);
        if (archive != null) { // built from JDK 25 or later: made at build time, used here
            env.put("JAVA_OPTS", "-XX:AOTMode=on");
        }
        int port = Ports.free();
        try (Server scp = Server.command(List.of(home.resolve("bin/echoscp").toString(), String.valueOf(port)), port,
                noJava)) {
            Run echo = Shipped.ok(home, env, home.resolve("bin/echoscu").toString(), "-v", "127.0.0.1",
                    String.valueOf(scp.port));
            assertThat(echo.stderrLines()).contains("I: Received Echo Response (Success)");
            assertThat(echo.stderr()).contains("echoscu launcher: java " + runtime + ", archive "
                    + (archive == null ? "none" : archive.toString()) + "\n");
        }
    }

    /** The runtime's own AOT cache, when the archive was built with one (JDK 25 and later). */
    private static Path plainArchive() throws Exception {
        Path cache = home.resolve("cache");
        if (!Files.isDirectory(cache)) {
            return null;
        }
        try (Stream<Path> files = Files.list(cache)) {
            return files.filter(f -> f.getFileName().toString().matches("echoscu-.*(?<!-tls|-info)\\.aot"))
                    .findFirst().orElse(null);
        }
    }
}
