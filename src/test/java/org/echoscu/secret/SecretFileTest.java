package org.echoscu.secret;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretFileTest {

    @TempDir
    Path dir;

    private Path file(String content, String mode) throws IOException {
        Path f = Files.createTempFile(dir, "secret", ".txt");
        Files.write(f, content.getBytes(StandardCharsets.UTF_8));
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString(mode));
        return f;
    }

    @Test
    void oneTrailingLineEndIsStrippedAndNothingElse() throws IOException {
        assertEquals("s3cret", SecretFile.read(file("s3cret\n", "rw-------")));
        assertEquals("s3cret", SecretFile.read(file("s3cret\r\n", "rw-------")));
        assertEquals("s3cret", SecretFile.read(file("s3cret", "rw-------")));
        assertEquals("s3cret\n", SecretFile.read(file("s3cret\n\n", "rw-------")));
        assertEquals(" two words ", SecretFile.read(file(" two words \n", "rw-------")));
        assertEquals("pässwörd#1", SecretFile.read(file("pässwörd#1\n", "r--------")));
    }

    @Test
    void unusableFilesAreRefusedWithoutTheirContent() throws IOException {
        assertThrows(SecretFile.UnusableException.class, () -> SecretFile.read(file("", "rw-------")));
        assertThrows(SecretFile.UnusableException.class, () -> SecretFile.read(file("\n", "rw-------")));
        SecretFile.UnusableException missing = assertThrows(SecretFile.UnusableException.class,
                () -> SecretFile.read(dir.resolve("none")));
        assertTrue(missing.getMessage().contains("no such file"), missing.getMessage());

        Path latin1 = Files.createTempFile(dir, "latin1", ".txt");
        Files.write(latin1, "geheim\u00e9-hunter2".getBytes(StandardCharsets.ISO_8859_1));
        SecretFile.UnusableException e = assertThrows(SecretFile.UnusableException.class, () -> SecretFile.read(latin1));
        assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
        assertNull(e.getCause(), "a decoder's cause could carry bytes of the secret");

        Path big = file("hunter2".repeat(SecretFile.MAX_BYTES / 7 + 1), "rw-------");
        e = assertThrows(SecretFile.UnusableException.class, () -> SecretFile.read(big));
        assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
    }

    @Test
    void unreadableFileSaysSoWithoutContent() throws IOException {
        if ("root".equals(System.getProperty("user.name"))) {
            return; // root reads any file: nothing to refuse
        }
        Path f = file("hunter2\n", "---------");
        SecretFile.UnusableException e = assertThrows(SecretFile.UnusableException.class, () -> SecretFile.read(f));
        assertTrue(e.getMessage().contains("permission denied"), e.getMessage());
    }

    @Test
    void groupOrOtherReadIsReported() throws IOException {
        assertFalse(SecretFile.readableByOthers(file("x", "rw-------")));
        assertFalse(SecretFile.readableByOthers(file("x", "r--------")));
        assertFalse(SecretFile.readableByOthers(file("x", "rw--w--w-")), "writable is another problem, not a leak");
        assertTrue(SecretFile.readableByOthers(file("x", "rw-r-----")));
        assertTrue(SecretFile.readableByOthers(file("x", "rw----r--")));
        assertTrue(SecretFile.readableByOthers(file("x", "rw-r--r--")));
        assertFalse(SecretFile.readableByOthers(dir.resolve("none")), "reading it will say what is wrong");
    }

    @Test
    void warningNamesRoleFileAndModeButNotTheSecret() throws IOException {
        Path open = file("hunter2\n", "rw-r--r--");
        String w = SecretFile.warning("password file", open);
        assertEquals("password file '" + open + "' is readable by others (rw-r--r--): chmod go-rwx " + open, w);
        assertNull(SecretFile.warning("password file", file("hunter2\n", "rw-------")));
    }
}
