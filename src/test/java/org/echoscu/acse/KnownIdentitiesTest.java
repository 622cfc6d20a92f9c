package org.echoscu.acse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import org.echoscu.pdu.AAssociateAc;
import org.echoscu.pdu.AAssociateRq;
import org.echoscu.pdu.UserInfoSubItem;
import org.junit.jupiter.api.Test;

class KnownIdentitiesTest {

    private static final List<String> FILE = List.of(
            "# users of the test",
            "user alice s3cret with spaces",
            "",
            "user carol",
            "jwt eyJ.x.y",
            "saml " + Base64.getEncoder().encodeToString("<saml/>".getBytes(StandardCharsets.UTF_8)),
            "kerberos " + Base64.getEncoder().encodeToString(new byte[] {1, 2, (byte) 0xff}));

    private static AAssociateRq rq(UserInfoSubItem.UserIdentityRq identity) {
        AAssociateRq plain = new AssociationProposal("ECHOSCU", "ANY-SCP", 16384, 1, 1).toPdu();
        return identity == null ? plain : UserIdentity.withIdentity(plain, identity);
    }

    private static KnownIdentities known(boolean required) throws Exception {
        return KnownIdentities.parse(FILE, required, w -> { });
    }

    @Test
    void knownUsersAndTokensPass() throws Exception {
        KnownIdentities k = known(false);
        assertThat(k.refusal(rq(UserIdentity.user("alice", "s3cret with spaces", false)))).isNull();
        assertThat(k.refusal(rq(UserIdentity.user("carol", null, false)))).isNull();
        assertThat(k.refusal(rq(UserIdentity.token(UserIdentity.JWT, "eyJ.x.y".getBytes(StandardCharsets.UTF_8),
                false)))).isNull();
        assertThat(k.refusal(rq(UserIdentity.token(UserIdentity.SAML, "<saml/>".getBytes(StandardCharsets.UTF_8),
                false)))).isNull();
        assertThat(k.refusal(rq(UserIdentity.token(UserIdentity.KERBEROS, new byte[] {1, 2, (byte) 0xff}, false))))
                .isNull();
        assertThat(k.refusal(rq(null))).as("identity optional without --require-identity").isNull();
    }

    @Test
    void refusalsNameTheUserButNeverThePassword() throws Exception {
        KnownIdentities k = known(true);
        assertThat(k.refusal(rq(UserIdentity.user("alice", "wrong", false))))
                .isEqualTo("wrong password for user 'alice'").doesNotContain("s3cret");
        assertThat(k.refusal(rq(UserIdentity.user("bob", "x", false)))).isEqualTo("unknown user 'bob'");
        assertThat(k.refusal(rq(UserIdentity.user("alice", null, false))))
                .isEqualTo("user 'alice' sent no password, and one is required");
        assertThat(k.refusal(rq(UserIdentity.user("carol", "x", false))))
                .isEqualTo("user 'carol' is known by name alone, but a password was sent");
        assertThat(k.refusal(rq(UserIdentity.token(UserIdentity.JWT, new byte[] {9}, false))))
                .isEqualTo("a JSON web token not listed in the users file");
        assertThat(k.refusal(rq(null))).isEqualTo("no user identity, and one is required");
        assertThat(k.toString()).doesNotContain("s3cret").doesNotContain("eyJ");
    }

    @Test
    void requireIdentityAloneTakesAnyIdentity() {
        KnownIdentities any = KnownIdentities.anyIdentity();
        assertThat(any.refusal(rq(UserIdentity.user("whoever", "x", false)))).isNull();
        assertThat(any.refusal(rq(null))).isNotNull();
    }

    @Test
    void rejectionIsPermanentServiceUserNoReason() {
        assertThat(KnownIdentities.rejection().result()).isEqualTo(1);
        assertThat(KnownIdentities.rejection().source()).isEqualTo(1);
        assertThat(KnownIdentities.rejection().reason()).isEqualTo(1);
    }

    @Test
    void positiveResponseOnlyWhenAsked() {
        AAssociateAc ac = new AAssociateAc(1, "ANY-SCP", "ECHOSCU", Uids.APPLICATION_CONTEXT, List.of(),
                new org.echoscu.pdu.UserInformation(List.of()));
        assertThat(KnownIdentities.answer(rq(UserIdentity.user("carol", null, false)), ac)).isSameAs(ac);
        assertThat(KnownIdentities.answer(rq(UserIdentity.user("carol", null, true)), ac).userInformation()
                .find(UserInfoSubItem.UserIdentityAc.class)).hasValueSatisfying(
                        u -> assertThat(u.serverResponse()).isEmpty());
    }

    @Test
    void badLinesAreNamed() {
        assertThatThrownBy(() -> KnownIdentities.parse(List.of("user alice x", "password bob"), false, w -> { }))
                .isInstanceOf(KnownIdentities.FormatException.class).hasMessageStartingWith("line 2: unknown kind");
        assertThatThrownBy(() -> KnownIdentities.parse(List.of("saml !!!"), false, w -> { }))
                .isInstanceOf(KnownIdentities.FormatException.class).hasMessageStartingWith("line 1: not base 64");
    }

    // htpasswd -nbB -C 5 dave 's3cret words' and htpasswd -nbB -C 5 erin 'pass #1' (apache2-utils)
    private static final String DAVE = "dave:$2y$05$4VZmhmzynUczP5wRtBC/lOEMyiX3Hflt6AoxxJFKYnvGElpleLujW";

    @Test
    void bcryptHashesAsHtpasswdWritesThem() throws Exception {
        List<String> warnings = new java.util.ArrayList<>();
        KnownIdentities k = KnownIdentities.parse(List.of(DAVE + "   # from htpasswd -nB dave",
                DAVE.replace("dave:$2y$", "fred:$2b$"), DAVE.replace("dave:$2y$", "gina:$2a$")), true, warnings::add);
        assertThat(warnings).isEmpty();
        assertThat(k.refusal(rq(UserIdentity.user("dave", "s3cret words", false)))).isNull();
        assertThat(k.refusal(rq(UserIdentity.user("fred", "s3cret words", false)))).isNull();
        assertThat(k.refusal(rq(UserIdentity.user("gina", "s3cret words", false)))).isNull();
        assertThat(k.refusal(rq(UserIdentity.user("dave", "s3cret word", false))))
                .isEqualTo("wrong password for user 'dave'");
        assertThat(k.refusal(rq(UserIdentity.user("dave", null, false))))
                .isEqualTo("user 'dave' sent no password, and one is required");
        assertThat(k.refusal(rq(UserIdentity.user("zoe", "s3cret words", false)))).isEqualTo("unknown user 'zoe'");
        assertThat(k.refusal(rq(null))).isEqualTo("no user identity, and one is required");
        assertThat(k.decoy()).startsWith("$2y$05$");
        assertThat(k.toString()).doesNotContain("$2y$");
    }

    @Test
    void otherHtpasswdFormsAreRefusedWithoutShowingThem() {
        assertThatThrownBy(() -> KnownIdentities.parse(List.of("user a b", "erin:$apr1$Qx$hunter2hash"), true, w -> { }))
                .isInstanceOf(KnownIdentities.FormatException.class)
                .hasMessageStartingWith("line 2: the password of user 'erin' is not a bcrypt hash")
                .message().doesNotContain("hunter2");
        assertThatThrownBy(() -> KnownIdentities.parse(List.of("erin:plain"), true, w -> { }))
                .message().doesNotContain("plain");
    }

    @Test
    void commentsAfterValuesAndEscapedHashes() throws Exception {
        List<String> warnings = new java.util.ArrayList<>();
        KnownIdentities k = KnownIdentities.parse(List.of(
                "user alice s3cret words    # type 2: the password is the rest of the line",
                "user carol                 # type 1: the name alone",
                "user hash pass#word",
                "user esc two \\# words \\#1\t# a comment after a tab",
                "#user mallory x"), true, warnings::add);
        assertThat(k.refusal(rq(UserIdentity.user("alice", "s3cret words", false)))).isNull();
        assertThat(k.refusal(rq(UserIdentity.user("carol", null, false)))).isNull();
        assertThat(k.refusal(rq(UserIdentity.user("hash", "pass#word", false)))).isNull();
        assertThat(k.refusal(rq(UserIdentity.user("esc", "two # words #1", false)))).isNull();
        assertThat(k.refusal(rq(UserIdentity.user("mallory", "x", false)))).isEqualTo("unknown user 'mallory'");
        assertThat(warnings).containsExactly("lines 1, 3, 4 hold passwords in clear text: store a bcrypt hash"
                + " instead (NAME:HASH, from htpasswd -nB NAME or echoscp --hash-password)");
        assertThat(String.join("", warnings)).doesNotContain("s3cret").doesNotContain("pass#word");
        assertThat(k.decoy()).isNull();
    }
}
