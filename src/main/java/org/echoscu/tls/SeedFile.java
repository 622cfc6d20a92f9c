package org.echoscu.tls;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.function.Consumer;

/**
 * The random seed file of +rs/+ws/+wf. Java's SecureRandom seeds itself from the operating
 * system; the file's bytes are mixed in on top (they add to, never replace, the system's
 * entropy). Writing back stores 1024 fresh bytes from the generator, as OpenSSL does, so the
 * next run starts from a different seed.
 */
public final class SeedFile {

    static final int SIZE = 1024;

    private SeedFile() {
    }

    /** A generator, seeded additionally with the file's contents when one is given and readable. */
    public static SecureRandom random(String seedFile, Consumer<String> warn) {
        SecureRandom random = new SecureRandom();
        if (seedFile != null) {
            try {
                byte[] seed = Files.readAllBytes(Path.of(seedFile));
                if (seed.length == 0) {
                    warn.accept("random seed file '" + seedFile + "' is empty");
                } else {
                    random.setSeed(seed);
                }
            } catch (IOException e) {
                warn.accept("cannot read random seed file '" + seedFile + "' (" + KeyMaterial.reason(e)
                        + "), using the system's entropy only");
            }
        }
        return random;
    }

    /** Writes {@value #SIZE} bytes of the generator's output to {@code file}. */
    public static void write(SecureRandom random, String file) throws IOException {
        byte[] next = new byte[SIZE];
        random.nextBytes(next);
        Path path = Path.of(file);
        Path tmp = path.resolveSibling(path.getFileName() + ".tmp");
        Files.write(tmp, next);
        Files.move(tmp, path, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
}
