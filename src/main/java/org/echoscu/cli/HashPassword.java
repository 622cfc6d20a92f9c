package org.echoscu.cli;

import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.echoscu.secret.Bcrypt;
import org.echoscu.secret.SecretFile;

/**
 * {@code echoscp --hash-password}: prints the bcrypt hash of a password for a --users file
 * ({@code NAME:HASH}, as {@code htpasswd -nB NAME} prints it). The password comes from
 * standard input, never from the command line (where ps and the shell's history would show
 * it): typed twice without echo on a terminal, otherwise read whole, one trailing line end
 * removed, as from a password file.
 */
final class HashPassword {

    /** More than any password; what is past it is not read. */
    private static final int MAX_INPUT = SecretFile.MAX_BYTES;

    private HashPassword() {
    }

    /**
     * @param console the terminal to prompt on, or null when standard input is not one
     * @return the exit code: 0 with the hash on {@code out}, 1 with one {@code error:} line
     */
    static int run(InputStream in, Console console, PrintStream out, PrintStream err) {
        byte[] password = null;
        try {
            password = console != null ? typed(console) : SecretFile.secret(in.readNBytes(MAX_INPUT),
                    "the password on standard input").getBytes(StandardCharsets.UTF_8);
            out.println(Bcrypt.hash(password));
            return 0;
        } catch (IOException | IllegalArgumentException e) { // messages name no secret
            err.println("error: " + e.getMessage());
            return 1;
        } finally {
            if (password != null) {
                Arrays.fill(password, (byte) 0);
            }
        }
    }

    private static byte[] typed(Console console) throws IOException {
        char[] first = console.readPassword("Password: ");
        char[] second = first == null ? null : console.readPassword("Retype password: ");
        try {
            if (first == null || second == null) {
                throw new IOException("no password typed");
            }
            if (!Arrays.equals(first, second)) {
                throw new IOException("the two passwords differ");
            }
            if (first.length == 0) {
                throw new IOException("the password is empty");
            }
            java.nio.ByteBuffer b = StandardCharsets.UTF_8.encode(CharBuffer.wrap(first));
            byte[] bytes = new byte[b.remaining()];
            b.get(bytes);
            return bytes;
        } finally {
            if (first != null) {
                Arrays.fill(first, '\0');
            }
            if (second != null) {
                Arrays.fill(second, '\0');
            }
        }
    }
}
