package org.echoscu.secret;

import java.security.SecureRandom;
import java.util.regex.Pattern;

import org.bouncycastle.crypto.generators.OpenBSDBCrypt;

/**
 * bcrypt password hashes in the modular crypt form that {@code htpasswd -B} (Apache), OpenBSD
 * and Prometheus' web configuration use: {@code $2y$COST$} then 22 characters of salt and 31
 * of hash, in bcrypt's own base 64. The versions {@code 2a}, {@code 2b} and {@code 2y} are
 * accepted (they differ only in bugs of old C implementations that do not apply here).
 *
 * <p>The work is Bouncy Castle's {@link OpenBSDBCrypt}, whose check compares in constant time;
 * this class adds only the recognition of the form (so that a malformed hash is a clear
 * configuration error at load, never an exception during a check) and the cost and length
 * limits of hashing.
 */
public final class Bcrypt {

    /** The cost {@link #hash(byte[])} uses: 2^10 rounds, some 50-100 ms on a current core. */
    public static final int DEFAULT_COST = 10;

    /** bcrypt reads at most this many bytes of a password; the rest would be silently ignored. */
    public static final int MAX_PASSWORD_BYTES = 72;

    private static final Pattern FORM = Pattern.compile("\\$2[aby]\\$(0[4-9]|[12][0-9]|3[01])\\$[./A-Za-z0-9]{53}");

    private static final SecureRandom RANDOM = new SecureRandom();

    private Bcrypt() {
    }

    /** Whether {@code text} has the form of a bcrypt hash ({@code $2a$}, {@code $2b$} or {@code $2y$}, cost 4..31). */
    public static boolean isHash(String text) {
        return text != null && FORM.matcher(text).matches();
    }

    /**
     * Whether {@code password} (its bytes as sent: DICOM user identity and HTTP basic
     * authentication carry bytes, UTF-8 in practice) matches {@code hash}, compared in constant
     * time. A {@code hash} that is not {@linkplain #isHash a bcrypt hash} matches nothing.
     */
    public static boolean matches(String hash, byte[] password) {
        if (!isHash(hash)) {
            return false;
        }
        try {
            return OpenBSDBCrypt.checkPassword(hash, password);
        } catch (IllegalArgumentException e) { // cannot happen for a hash of the checked form; never a match
            return false;
        }
    }

    /** {@link #hash(byte[], int)} with {@link #DEFAULT_COST}. */
    public static String hash(byte[] password) {
        return hash(password, DEFAULT_COST);
    }

    /**
     * A new {@code $2y$} hash of {@code password} with a random salt, as {@code htpasswd -B -C cost}
     * makes one.
     *
     * @throws IllegalArgumentException when the password is empty or longer than
     *         {@link #MAX_PASSWORD_BYTES} bytes (the message says which, never the password), or
     *         the cost is outside 4..31
     */
    public static String hash(byte[] password, int cost) {
        if (password.length == 0) {
            throw new IllegalArgumentException("the password is empty");
        }
        if (password.length > MAX_PASSWORD_BYTES) {
            throw new IllegalArgumentException("the password is " + password.length + " bytes long; bcrypt reads only the first "
                    + MAX_PASSWORD_BYTES);
        }
        if (cost < 4 || cost > 31) {
            throw new IllegalArgumentException("bcrypt cost " + cost + " is outside 4..31");
        }
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return OpenBSDBCrypt.generate("2y", password, salt, cost);
    }
}
