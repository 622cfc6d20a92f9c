package org.echoscu.secret;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class BcryptTest {

    // made by `htpasswd -nbB -C 5 alice 's3cret words'` and `htpasswd -nbB -C 5 bob 'pässwörd#1'` (apache2-utils 2.4)
    private static final String ALICE = "$2y$05$4VZmhmzynUczP5wRtBC/lOEMyiX3Hflt6AoxxJFKYnvGElpleLujW";
    private static final String BOB = "$2y$05$VjpKo05qgGcgckpoTAUrq.JfelCyRqUnxThPJ6xL155vnzAYmq32C";
    // Openwall crypt_blowfish's test vector for "U*U"
    private static final String U_STAR_U = "$2a$05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW";

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void htpasswdHashesMatchTheirPasswordOnly() {
        assertTrue(Bcrypt.matches(ALICE, utf8("s3cret words")));
        assertFalse(Bcrypt.matches(ALICE, utf8("s3cret word")));
        assertFalse(Bcrypt.matches(ALICE, utf8("s3cret words ")));
        assertFalse(Bcrypt.matches(ALICE, new byte[0]));
        assertTrue(Bcrypt.matches(BOB, utf8("pässwörd#1")), "UTF-8 bytes, as htpasswd hashes them");
        assertFalse(Bcrypt.matches(BOB, "pässwörd#1".getBytes(StandardCharsets.ISO_8859_1)));
    }

    @Test
    void everyVersionPrefixIsAccepted() {
        assertTrue(Bcrypt.matches(U_STAR_U, utf8("U*U")));
        assertTrue(Bcrypt.matches(U_STAR_U.replace("$2a$", "$2b$"), utf8("U*U")));
        assertTrue(Bcrypt.matches(U_STAR_U.replace("$2a$", "$2y$"), utf8("U*U")));
        assertFalse(Bcrypt.matches(U_STAR_U, utf8("U*V")));
    }

    @Test
    void recognizesTheFormOnly() {
        assertTrue(Bcrypt.isHash(ALICE));
        assertTrue(Bcrypt.isHash(U_STAR_U));
        assertFalse(Bcrypt.isHash(null));
        assertFalse(Bcrypt.isHash("s3cret words"));
        assertFalse(Bcrypt.isHash(ALICE.replace("$2y$", "$2x$")), "2x: the buggy variant, never written by htpasswd");
        assertFalse(Bcrypt.isHash(ALICE.replace("$05$", "$03$")), "cost below 4");
        assertFalse(Bcrypt.isHash(ALICE.replace("$05$", "$32$")), "cost above 31");
        assertFalse(Bcrypt.isHash(ALICE.substring(0, ALICE.length() - 1)));
        assertFalse(Bcrypt.isHash(ALICE + "x"));
        assertFalse(Bcrypt.isHash("$apr1$abc$def"), "htpasswd's MD5 form is not bcrypt");
        assertFalse(Bcrypt.matches("$apr1$abc$def", utf8("x")));
        assertFalse(Bcrypt.matches(ALICE.replace('$', '%'), utf8("s3cret words")));
    }

    @Test
    void hashesAreSaltedAndCheckAgainstTheirPassword() {
        String a = Bcrypt.hash(utf8("correct horse"), 4);
        String b = Bcrypt.hash(utf8("correct horse"), 4);
        assertTrue(a.startsWith("$2y$04$"), a);
        assertTrue(Bcrypt.isHash(a));
        assertNotEquals(a, b, "a random salt each time");
        assertTrue(Bcrypt.matches(a, utf8("correct horse")));
        assertTrue(Bcrypt.matches(b, utf8("correct horse")));
        assertFalse(Bcrypt.matches(a, utf8("correct horsf")));
        assertTrue(Bcrypt.hash(utf8("x")).startsWith("$2y$" + Bcrypt.DEFAULT_COST + "$"));
    }

    @Test
    void refusesWhatBcryptCannotHashWithoutSayingThePassword() {
        assertThrows(IllegalArgumentException.class, () -> Bcrypt.hash(new byte[0]));
        byte[] longOne = utf8("y".repeat(Bcrypt.MAX_PASSWORD_BYTES + 1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Bcrypt.hash(longOne, 4));
        assertFalse(e.getMessage().contains("yyyy"), e.getMessage());
        assertEquals(Bcrypt.MAX_PASSWORD_BYTES, utf8("y".repeat(72)).length);
        assertTrue(Bcrypt.matches(Bcrypt.hash(utf8("y".repeat(72)), 4), utf8("y".repeat(72))));
        assertThrows(IllegalArgumentException.class, () -> Bcrypt.hash(utf8("x"), 3));
        assertThrows(IllegalArgumentException.class, () -> Bcrypt.hash(utf8("x"), 32));
    }
}
