package org.echoscu.pdu;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Every user information sub-item of PS3.7 Annex D.3.3 / PS3.8 Annex D (51H-59H) and an
 * unknown one, byte-exact. Each sub-item is carried in a minimal A-ASSOCIATE-RQ whose fixed
 * part and application context are those of {@link PduCodecVectorsTest}; the literal of the
 * sub-item is hand-derived, the two enclosing lengths are summed below.
 */
class UserInfoSubItemVectorsTest {

    /** An A-ASSOCIATE-RQ with no presentation context and one user information item. */
    static byte[] rqWithUserInfo(String subItemsHex) {
        byte[] sub = Hex.bytes(subItemsHex);
        int body = 68 + 25 + 4 + sub.length;
        String hex = String.format("01 00 %02x %02x %02x %02x |", body >>> 24, (body >>> 16) & 0xff,
                (body >>> 8) & 0xff, body & 0xff)
                + PduCodecVectorsTest.FIXED_ANY_SCP_ECHOSCU + PduCodecVectorsTest.APP_CONTEXT_ITEM
                + String.format("50 00 %02x %02x |", sub.length >>> 8, sub.length & 0xff) + subItemsHex;
        return Hex.bytes(hex);
    }

    private static AAssociateRq rq(UserInfoSubItem... items) {
        return new AAssociateRq(1, "ANY-SCP", "ECHOSCU", PduCodecVectorsTest.APP_CONTEXT_UID, List.of(),
                UserInformation.of(items));
    }

    private static void assertSubItems(String subItemsHex, UserInfoSubItem... items) throws PduFormatException {
        byte[] expected = rqWithUserInfo(subItemsHex);
        AAssociateRq rq = rq(items);
        assertThat(Hex.string(PduEncoder.encode(rq))).isEqualTo(Hex.string(expected));
        AAssociateRq decoded = (AAssociateRq) PduDecoder.decode(1, Hex.body(expected));
        assertThat(decoded).isEqualTo(rq);
        assertThat(decoded.userInformation().subItems()).containsExactly(items);
    }

    @Test
    void maximumLength51() throws Exception {
        // D.1: 51H, reserved, length 4, maximum length received (unsigned 32 bits, big endian).
        assertSubItems("51 00 00 04 | 12 34 56 78", new UserInfoSubItem.MaxLength(0x12345678L));
        assertSubItems("51 00 00 04 | ff ff ff ff", new UserInfoSubItem.MaxLength(0xFFFFFFFFL));
        assertSubItems("51 00 00 04 | 00 00 00 00", new UserInfoSubItem.MaxLength(0));
    }

    @Test
    void implementationClassUid52() throws Exception {
        // D.3.3.2: 52H, reserved, length 5, "1.2.3" unpadded.
        assertSubItems("52 00 00 05 | 31 2e 32 2e 33", new UserInfoSubItem.ImplementationClassUid("1.2.3"));
    }

    @Test
    void asynchronousOperationsWindow53() throws Exception {
        // D.3.3.3: 53H, reserved, length 4, max operations invoked 5, max performed 0102H.
        assertSubItems("53 00 00 04 | 00 05 | 01 02", new UserInfoSubItem.AsyncOperationsWindow(5, 0x0102));
        assertSubItems("53 00 00 04 | ff ff | 00 00", new UserInfoSubItem.AsyncOperationsWindow(0xffff, 0));
    }

    @Test
    void roleSelection54() throws Exception {
        // D.3.3.4: 54H, reserved, length 2+17+2 = 21, UID length 17, Verification UID, SCU role 1, SCP role 0.
        assertSubItems("54 00 00 15 | 00 11 | 31 2e 32 2e 38 34 30 2e 31 30 30 30 38 2e 31 2e 31 | 01 | 00",
                new UserInfoSubItem.RoleSelection("1.2.840.10008.1.1", 1, 0));
    }

    @Test
    void implementationVersionName55() throws Exception {
        // D.3.3.2: 55H, reserved, length 6, "ECHO_1".
        assertSubItems("55 00 00 06 | 45 43 48 4f 5f 31", new UserInfoSubItem.ImplementationVersionName("ECHO_1"));
    }

    @Test
    void sopClassExtendedNegotiation56() throws Exception {
        // D.3.3.5: 56H, reserved, length 2+5+3 = 10, UID length 5, "1.2.3", application information.
        assertSubItems("56 00 00 0a | 00 05 | 31 2e 32 2e 33 | 01 00 01",
                new UserInfoSubItem.SopClassExtendedNegotiation("1.2.3", new byte[] {1, 0, 1}));
        assertSubItems("56 00 00 07 | 00 05 | 31 2e 32 2e 33",
                new UserInfoSubItem.SopClassExtendedNegotiation("1.2.3", new byte[0]));
    }

    @Test
    void sopClassCommonExtendedNegotiation57() throws Exception {
        // D.3.3.6: 57H, sub-item version 0, length 7+7+2+13 = 29 = 1dH; SOP class UID "1.2.3",
        // service class UID "1.2.4", related general SOP class list of 13 bytes: "1.2.5", "1.22".
        assertSubItems("57 00 00 1d | 00 05 | 31 2e 32 2e 33 | 00 05 | 31 2e 32 2e 34 |"
                        + "00 0d | 00 05 | 31 2e 32 2e 35 | 00 04 | 31 2e 32 32",
                new UserInfoSubItem.SopClassCommonExtendedNegotiation("1.2.3", "1.2.4", List.of("1.2.5", "1.22")));
        // An empty related list: length 7+7+2 = 16.
        assertSubItems("57 00 00 10 | 00 05 | 31 2e 32 2e 33 | 00 05 | 31 2e 32 2e 34 | 00 00",
                new UserInfoSubItem.SopClassCommonExtendedNegotiation("1.2.3", "1.2.4", List.of()));
    }

    @Test
    void userIdentityRequest58() throws Exception {
        // D.3.3.7.1: 58H, reserved, length 1+1+2+4+2+4 = 14, type 2 (username and passcode),
        // positive response requested 1, primary "user", secondary "pass".
        assertSubItems("58 00 00 0e | 02 | 01 | 00 04 | 75 73 65 72 | 00 04 | 70 61 73 73",
                new UserInfoSubItem.UserIdentityRq(2, true, ascii("user"), ascii("pass")));
        // Type 1 (username), no response requested, secondary field length 0: 1+1+2+4+2 = 10.
        assertSubItems("58 00 00 0a | 01 | 00 | 00 04 | 75 73 65 72 | 00 00",
                new UserInfoSubItem.UserIdentityRq(1, false, ascii("user"), new byte[0]));
    }

    @Test
    void userIdentityRequestWithoutSecondaryLengthIsAccepted() throws Exception {
        // Some senders stop after the primary field when there is no secondary one.
        AAssociateRq decoded = (AAssociateRq) PduDecoder.decode(1,
                Hex.body(rqWithUserInfo("58 00 00 08 | 01 | 00 | 00 04 | 75 73 65 72")));
        assertThat(decoded.userInformation().subItems())
                .containsExactly(new UserInfoSubItem.UserIdentityRq(1, false, ascii("user"), new byte[0]));
    }

    @Test
    void userIdentityResponse59() throws Exception {
        // D.3.3.7.2: 59H, reserved, length 4, server response length 2, response bytes.
        assertSubItems("59 00 00 04 | 00 02 | de ad", new UserInfoSubItem.UserIdentityAc(new byte[] {(byte) 0xde, (byte) 0xad}));
        assertSubItems("59 00 00 02 | 00 00", new UserInfoSubItem.UserIdentityAc(new byte[0]));
    }

    @Test
    void unknownSubItemsAreKeptNotFatal() throws Exception {
        // PS3.8 §9.3.1 / PS3.7 D.3.3: sub-items of unknown type are ignored by the protocol, kept here.
        assertSubItems("5a 00 00 03 | 01 02 03", new UserInfoSubItem.Unknown(0x5a, new byte[] {1, 2, 3}));
        assertSubItems("ff 00 00 00", new UserInfoSubItem.Unknown(0xff, new byte[0]));
        assertSubItems("10 00 00 01 | 7f", new UserInfoSubItem.Unknown(0x10, new byte[] {0x7f}));
    }

    @Test
    void allSubItemsTogetherKeepTheirOrder() throws Exception {
        assertSubItems(""
                        + "51 00 00 04 | 00 00 40 00 |"
                        + "52 00 00 05 | 31 2e 32 2e 33 |"
                        + "5a 00 00 03 | 01 02 03 |"
                        + "53 00 00 04 | 00 01 | 00 01 |"
                        + "54 00 00 15 | 00 11 | 31 2e 32 2e 38 34 30 2e 31 30 30 30 38 2e 31 2e 31 | 00 | 01 |"
                        + "55 00 00 06 | 45 43 48 4f 5f 31 |"
                        + "56 00 00 0a | 00 05 | 31 2e 32 2e 33 | 01 00 01 |"
                        + "57 00 00 10 | 00 05 | 31 2e 32 2e 33 | 00 05 | 31 2e 32 2e 34 | 00 00 |"
                        + "58 00 00 0a | 01 | 00 | 00 04 | 75 73 65 72 | 00 00 |"
                        + "59 00 00 02 | 00 00",
                new UserInfoSubItem.MaxLength(16384),
                new UserInfoSubItem.ImplementationClassUid("1.2.3"),
                new UserInfoSubItem.Unknown(0x5a, new byte[] {1, 2, 3}),
                new UserInfoSubItem.AsyncOperationsWindow(1, 1),
                new UserInfoSubItem.RoleSelection("1.2.840.10008.1.1", 0, 1),
                new UserInfoSubItem.ImplementationVersionName("ECHO_1"),
                new UserInfoSubItem.SopClassExtendedNegotiation("1.2.3", new byte[] {1, 0, 1}),
                new UserInfoSubItem.SopClassCommonExtendedNegotiation("1.2.3", "1.2.4", List.of()),
                new UserInfoSubItem.UserIdentityRq(1, false, ascii("user"), new byte[0]),
                new UserInfoSubItem.UserIdentityAc(new byte[0]));
    }

    @Test
    void accessorsFindTheFirstOfAKind() throws Exception {
        UserInformation ui = UserInformation.of(
                new UserInfoSubItem.Unknown(0x60, new byte[0]),
                new UserInfoSubItem.RoleSelection("1.2", 1, 1),
                new UserInfoSubItem.RoleSelection("1.3", 0, 1),
                new UserInfoSubItem.MaxLength(4096),
                new UserInfoSubItem.MaxLength(8192));
        assertThat(ui.maxLength()).isEqualTo(4096);
        assertThat(ui.all(UserInfoSubItem.RoleSelection.class)).extracting(UserInfoSubItem.RoleSelection::sopClassUid)
                .containsExactly("1.2", "1.3");
        assertThat(ui.find(UserInfoSubItem.UserIdentityAc.class)).isEmpty();
        assertThat(ui.subItems().get(0).type()).isEqualTo(0x60);
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
