package org.echoscu.secret;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Set;

/**
 * A secret kept in a file of its own (a password, a key's pass phrase), as {@code
 * --password-file} and {@code --key-password-file} name one, so that it shows neither in
 * {@code ps} nor in a shell's history; and the check that such a file is not readable by every
 * user of the machine, as ssh checks its keys.
 *
 * <p>The secret is the file's content in UTF-8 with one trailing line end ({@code \n} or
 * {@code \r\n}) removed, since {@code echo secret > file} and editors add one; everything else,
 * spaces included, is the secret. Errors name the file and what went wrong, never its content.
 */
public final class SecretFile {

    /**
     * A secret file larger than this is refused: a password is short, and a file this large is
     * the wrong file (and must not be read whole into memory).
     */
    public static final int MAX_BYTES = 64 * 1024;

    /** A secret file that cannot be used; the message names the file and the cause, never the secret. */
    public static final class UnusableException extends IOException {
        UnusableException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private SecretFile() {
    }

    /**
     * The secret held by {@code file}.
     *
     * @throws UnusableException when the file cannot be read, is larger than {@link #MAX_BYTES},
     *         is empty (after the line end) or is not UTF-8
     */
    public static String read(Path file) throws UnusableException {
        byte[] bytes;
        try {
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw new UnusableException("'" + file + "' is " + size + " bytes long, not a password file", null);
            }
            bytes = Files.readAllBytes(file);
        } catch (UnusableException e) {
            throw e;
        } catch (java.nio.file.NoSuchFileException e) {
            throw new UnusableException("cannot read '" + file + "': no such file", e);
        } catch (java.nio.file.AccessDeniedException e) {
            throw new UnusableException("cannot read '" + file + "': permission denied", e);
        } catch (IOException e) {
            throw new UnusableException("cannot read '" + file + "': " + e.getClass().getSimpleName(), e);
        }
        return secret(bytes, "'" + file + "'");
    }

    /**
     * The secret held by {@code bytes} (a file's content, or standard input's), by the rule of
     * {@link #read}: UTF-8, one trailing line end removed, not empty. The bytes are cleared.
     *
     * @param source names where the bytes came from in an error message, e.g. {@code 'pw.txt'}
     * @throws UnusableException when the secret is empty or not UTF-8 (the message names
     *         {@code source}, never the secret)
     */
    public static String secret(byte[] bytes, String source) throws UnusableException {
        int end = bytes.length;
        if (end > 0 && bytes[end - 1] == '\n') {
            end--;
            if (end > 0 && bytes[end - 1] == '\r') {
                end--;
            }
        }
        try {
            String secret = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, 0, end)).toString();
            if (secret.isEmpty()) {
                throw new UnusableException(source + " is empty", null);
            }
            return secret;
        } catch (CharacterCodingException e) { // its message would say nothing useful; the cause is dropped too
            throw new UnusableException(source + " is not UTF-8 text", null);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    /**
     * Whether {@code file}'s POSIX permissions let its group or other users read it, so that
     * the caller warns (once, and uses the file all the same, as the issue of a world-readable
     * key is the reader's to fix). False where the file system has no POSIX permissions or the
     * file cannot be examined (reading it will then say why).
     */
    public static boolean readableByOthers(Path file) {
        PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        if (view == null) {
            return false;
        }
        try {
            Set<PosixFilePermission> p = view.readAttributes().permissions();
            return p.contains(PosixFilePermission.GROUP_READ) || p.contains(PosixFilePermission.OTHERS_READ);
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * The warning for a file that {@link #readableByOthers} (without the level letter): {@code
     * what} names the file's role, e.g. {@code "password file"}:
     * {@code password file 'pw.txt' is readable by others (rw-r--r--): chmod go-rwx pw.txt}.
     * Null when the file is not readable by others.
     */
    public static String warning(String what, Path file) {
        if (!readableByOthers(file)) {
            return null;
        }
        String mode;
        try {
            mode = PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
        } catch (IOException | UnsupportedOperationException e) {
            mode = "?";
        }
        return what + " '" + file + "' is readable by others (" + mode + "): chmod go-rwx " + file;
    }
}
