package org.echoscu.pdu;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * User identity sub-items (PS3.7 D.3.3.7) byte for byte as DCMTK 3.6.7's storescu sends them
 * (captured off a loopback socket, see src/test/resources/reference/README.md), decoded and
 * encoded again; and the masking of the password for logs.
 */
class UserIdentityVectorsTest {

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static void assertDcmtkBytes(String subItemHex, UserInfoSubItem.UserIdentityRq expected) throws Exception {
        byte[] pdu = UserInfoSubItemVectorsTest.rqWithUserInfo(subItemHex);
        AAssociateRq decoded = (AAssociateRq) PduDecoder.decode(1, Hex.body(pdu));
        assertThat(decoded.userInformation().subItems()).containsExactly(expected);
        assertThat(Hex.string(PduEncoder.encode(decoded))).isEqualTo(Hex.string(pdu));
    }

    @Test
    void userAndPasswordWithPositiveResponse() throws Exception {
        // storescu -usr alice -pwd s3cretPW -rsp: type 2, response requested, "alice", "s3cretPW"
        assertDcmtkBytes("58 00 00 13 | 02 01 | 00 05 61 6c 69 63 65 | 00 08 73 33 63 72 65 74 50 57",
                new UserInfoSubItem.UserIdentityRq(2, true, ascii("alice"), ascii("s3cretPW")));
    }

    @Test
    void userAloneHasAnEmptySecondaryField() throws Exception {
        // storescu -usr bob: type 1, and a secondary field length of 0 all the same
        assertDcmtkBytes("58 00 00 09 | 01 00 | 00 03 62 6f 62 | 00 00",
                new UserInfoSubItem.UserIdentityRq(1, false, ascii("bob"), new byte[0]));
    }

    @Test
    void emptyPasswordIsTypeTwo() throws Exception {
        // storescu -usr bob -epw
        assertDcmtkBytes("58 00 00 09 | 02 00 | 00 03 62 6f 62 | 00 00",
                new UserInfoSubItem.UserIdentityRq(2, false, ascii("bob"), new byte[0]));
    }

    @Test
    void jsonWebToken() throws Exception {
        // storescu --jwt FILE, the file holding "eyJ.x.y"
        assertDcmtkBytes("58 00 00 0d | 05 00 | 00 07 65 79 4a 2e 78 2e 79 | 00 00",
                new UserInfoSubItem.UserIdentityRq(5, false, ascii("eyJ.x.y"), new byte[0]));
    }

    @Test
    void ourRequestsEncodeAsDcmtksDo() {
        // what echoscu -usr alice -pwd s3cretPW -rsp adds must be storescu's sub-item exactly
        UserInfoSubItem.UserIdentityRq ours = org.echoscu.acse.UserIdentity.user("alice", "s3cretPW", true);
        AAssociateRq rq = new AAssociateRq(1, "ANY-SCP", "ECHOSCU", PduCodecVectorsTest.APP_CONTEXT_UID, List.of(),
                UserInformation.of(ours));
        assertThat(Hex.string(PduEncoder.encode(rq))).isEqualTo(Hex.string(UserInfoSubItemVectorsTest.rqWithUserInfo(
                "58 00 00 13 02 01 00 05 61 6c 69 63 65 00 08 73 33 63 72 65 74 50 57")));
    }

    @Test
    void maskedCopyHidesThePasswordAndKeepsTheLengths() {
        UserInfoSubItem.UserIdentityRq identity = new UserInfoSubItem.UserIdentityRq(2, true, ascii("alice"),
                ascii("s3cretPW"));
        AAssociateRq rq = new AAssociateRq(1, "ANY-SCP", "ECHOSCU", PduCodecVectorsTest.APP_CONTEXT_UID, List.of(),
                UserInformation.of(new UserInfoSubItem.MaxLength(16384), identity));
        byte[] plain = PduEncoder.encode(rq);
        byte[] masked = PduEncoder.encode(SecretMask.masked(rq));
        assertThat(masked).hasSameSizeAs(plain);
        assertThat(new String(masked, StandardCharsets.ISO_8859_1)).doesNotContain("s3cretPW").contains("alice").endsWith("\u0000\u0008********");
        assertThat(rq.userInformation().subItems()).contains(identity); // the PDU sent is untouched
    }

    @Test
    void pdusWithoutPasswordAreNotCopied() {
        AAssociateRq rq = new AAssociateRq(1, "ANY-SCP", "ECHOSCU", PduCodecVectorsTest.APP_CONTEXT_UID, List.of(),
                UserInformation.of(new UserInfoSubItem.UserIdentityRq(1, false, ascii("bob"), new byte[0])));
        assertThat(SecretMask.masked(rq)).isSameAs(rq);
        Pdu rp = new AReleaseRp();
        assertThat(SecretMask.masked(rp)).isSameAs(rp);
    }
}
