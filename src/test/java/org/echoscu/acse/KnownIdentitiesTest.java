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
        return KnownIdentities.parse(FILE, required);
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
        assertThat(k.refusal(rq(null))).isEqualTo("no user identity, and one is required (--require-identity)");
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
        assertThatThrownBy(() -> KnownIdentities.parse(List.of("user alice x", "password bob"), false))
                .isInstanceOf(KnownIdentities.FormatException.class).hasMessageStartingWith("line 2: unknown kind");
        assertThatThrownBy(() -> KnownIdentities.parse(List.of("saml !!!"), false))
                .isInstanceOf(KnownIdentities.FormatException.class).hasMessageStartingWith("line 1: not base 64");
    }
}
