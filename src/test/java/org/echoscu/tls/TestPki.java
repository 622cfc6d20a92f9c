package org.echoscu.tls;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The throw-away PKI of the TLS tests, made at test time by src/test/resources/tls/make-test-pki.sh
 * (the openssl command line) into a temporary directory, once per test JVM. Nothing of it is
 * committed. See the script for the files it holds; every encrypted key's password is "secret".
 */
public final class TestPki {

    public static final String PASSWORD = "secret";
    private static Path dir;

    private TestPki() {
    }

    /** The directory holding the PKI, made on first use. */
    public static synchronized Path dir() {
        if (dir == null) {
            try {
                Path d = Files.createTempDirectory("echoscu-test-pki");
                Path script = Path.of(System.getProperty("user.dir"), "src/test/resources/tls/make-test-pki.sh");
                Path log = d.resolve("make.log");
                Process p = new ProcessBuilder("bash", script.toString(), d.toString())
                        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
                if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                    p.destroyForcibly();
                    throw new IllegalStateException("making the test PKI failed (is openssl installed?):\n"
                            + Files.readString(log, StandardCharsets.UTF_8));
                }
                dir = d;
            } catch (IOException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return dir;
    }

    /** The path of one PKI file, as a string for command lines. */
    public static String file(String name) {
        return dir().resolve(name).toString();
    }
}
