package org.echoscu.pdu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.Arrays;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The user identity sub-items (58H, 59H) under random values and random damage: every
 * identity survives a round trip, a damaged one is a value or our PduFormatException and
 * nothing else, and the masked copy never carries the password.
 */
class UserIdentityProperties {

    @Provide
    Arbitrary<UserInfoSubItem.UserIdentityRq> identities() {
        return Combinators.combine(Arbitraries.integers().between(0, 255), Arbitraries.of(true, false),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(300),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(300)).as(UserInfoSubItem.UserIdentityRq::new);
    }

    private static AAssociateRq rq(UserInfoSubItem... items) {
        return new AAssociateRq(1, "ANY-SCP", "ECHOSCU", PduCodecVectorsTest.APP_CONTEXT_UID, List.of(),
                UserInformation.of(items));
    }

    @Property(tries = 1000)
    void requestsRoundTrip(@ForAll("identities") UserInfoSubItem.UserIdentityRq identity) throws Exception {
        AAssociateRq rq = rq(identity);
        byte[] bytes = PduEncoder.encode(rq);
        assertThat(PduDecoder.decode(1, Arrays.copyOfRange(bytes, 6, bytes.length))).isEqualTo(rq);
    }

    @Property(tries = 500)
    void responsesRoundTrip(@ForAll byte[] response) throws Exception {
        AAssociateRq rq = rq(new UserInfoSubItem.UserIdentityAc(response.length > 65535
                ? Arrays.copyOf(response, 65535) : response));
        byte[] bytes = PduEncoder.encode(rq);
        assertThat(PduDecoder.decode(1, Arrays.copyOfRange(bytes, 6, bytes.length))).isEqualTo(rq);
    }

    @Property(tries = 1000)
    void damagedIdentityIsAValueOrOurError(@ForAll("identities") UserInfoSubItem.UserIdentityRq identity,
                                           @ForAll byte[] noise) {
        byte[] bytes = PduEncoder.encode(rq(identity));
        byte[] body = Arrays.copyOfRange(bytes, 6, bytes.length);
        int start = body.length - 4 - 2 - 4 - identity.primaryField().length - identity.secondaryField().length;
        for (int i = 0; i < noise.length && start + i < body.length; i++) {
            body[start + (Math.abs(noise[i] * 7919 + i) % (body.length - start))] ^= noise[i];
        }
        Throwable t = catchThrowable(() -> PduDecoder.decode(1, body));
        assertThat(t).satisfiesAnyOf(e -> assertThat(e).isNull(), e -> assertThat(e).isInstanceOf(PduFormatException.class));
    }

    @Property(tries = 500)
    void maskedCopyNeverCarriesThePassword(@ForAll("identities") UserInfoSubItem.UserIdentityRq identity) {
        AAssociateRq masked = (AAssociateRq) SecretMask.masked(rq(identity));
        UserInfoSubItem.UserIdentityRq m = masked.userInformation().find(UserInfoSubItem.UserIdentityRq.class)
                .orElseThrow();
        assertThat(m.primaryField()).isEqualTo(identity.primaryField());
        assertThat(m.secondaryField()).hasSameSizeAs(identity.secondaryField());
        for (byte b : m.secondaryField()) {
            assertThat(b).isEqualTo((byte) '*');
        }
    }
}
