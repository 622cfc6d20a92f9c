package org.echoscu.pdu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Bodies no honest peer sends: every one must end in a {@link PduFormatException} carrying a
 * PS3.8 table 9-26 reason, never in an index, allocation or arithmetic exception.
 */
class PduDecoderHostilityTest {

    private static final int UNRECOGNIZED_PDU = AAbort.REASON_UNRECOGNIZED_PDU;
    private static final int UNRECOGNIZED_PARAMETER = AAbort.REASON_UNRECOGNIZED_PDU_PARAMETER;
    private static final int UNEXPECTED_PARAMETER = AAbort.REASON_UNEXPECTED_PDU_PARAMETER;
    private static final int INVALID_VALUE = AAbort.REASON_INVALID_PDU_PARAMETER_VALUE;

    private static final String FIXED = PduCodecVectorsTest.FIXED_ANY_SCP_ECHOSCU;
    private static final String APP = PduCodecVectorsTest.APP_CONTEXT_ITEM;

    private static PduFormatException rejects(int type, String bodyHex) {
        return rejects(type, Hex.bytes(bodyHex));
    }

    private static PduFormatException rejects(int type, byte[] body) {
        Throwable t = org.assertj.core.api.Assertions.catchThrowable(() -> PduDecoder.decode(type, body));
        assertThat(t).as("decoding %s", Hex.string(body)).isExactlyInstanceOf(PduFormatException.class);
        return (PduFormatException) t;
    }

    private static void rejects(int type, String bodyHex, int reason) {
        assertThat(rejects(type, bodyHex).abortReason()).isEqualTo(reason);
    }

    /** An A-ASSOCIATE-RQ body: fixed part, application context, then the given items. */
    private static String rq(String items) {
        return FIXED + APP + items;
    }

    /** A user information item holding exactly these bytes. */
    private static String userInfoItem(String subItemsHex) {
        int n = Hex.bytes(subItemsHex).length;
        return String.format("50 00 %02x %02x |", n >>> 8, n & 0xff) + subItemsHex;
    }

    /** An A-ASSOCIATE-RQ body whose user information item holds exactly these bytes. */
    private static String userInfo(String subItemsHex) {
        return rq(userInfoItem(subItemsHex));
    }

    // ---- PDU type and fixed lengths --------------------------------------------------------

    @ParameterizedTest
    @ValueSource(ints = {0x00, 0x08, 0x09, 0x10, 0x16, 0x47, 0x48, 0x50, 0x80, 0xff})
    void unknownPduTypes(int type) {
        rejects(type, "00 00 00 04", UNRECOGNIZED_PDU);
        rejects(type, "", UNRECOGNIZED_PDU);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 5, 6, 8, 100})
    void fixedLengthPdusWithWrongLength(int length) {
        byte[] body = new byte[length];
        for (int type : new int[] {Pdu.TYPE_ASSOCIATE_RJ, Pdu.TYPE_RELEASE_RQ, Pdu.TYPE_RELEASE_RP, Pdu.TYPE_ABORT}) {
            assertThat(rejects(type, body).abortReason()).isEqualTo(INVALID_VALUE);
        }
    }

    // ---- A-ASSOCIATE fixed part and items ----------------------------------------------------

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 4, 36, 67})
    void associateShorterThanItsFixedPart(int length) {
        rejects(Pdu.TYPE_ASSOCIATE_RQ, new byte[length]);
        rejects(Pdu.TYPE_ASSOCIATE_AC, new byte[length]);
    }

    @Test
    void associateWithoutApplicationContext() {
        rejects(Pdu.TYPE_ASSOCIATE_RQ, FIXED, INVALID_VALUE);
        rejects(Pdu.TYPE_ASSOCIATE_AC, FIXED + "50 00 00 00", INVALID_VALUE);
    }

    @Test
    void itemHeaderTruncated() {
        rejects(Pdu.TYPE_ASSOCIATE_RQ, rq("50"), INVALID_VALUE);
        rejects(Pdu.TYPE_ASSOCIATE_RQ, rq("50 00"), INVALID_VALUE);
        rejects(Pdu.TYPE_ASSOCIATE_RQ, rq("50 00 00"), INVALID_VALUE);
        rejects(Pdu.TYPE_ASSOCIATE_AC, FIXED + "10 00 00", INVALID_VALUE);
    }

    @Test
    void itemLengthPastTheEndOfThePdu() {
        rejects(Pdu.TYPE_ASSOCIATE_RQ, FIXED + "10 00 00 16 | 31 2e 32", INVALID_VALUE);
        rejects(Pdu.TYPE_ASSOCIATE_RQ, FIXED + "10 00 ff ff | 31 2e 32", INVALID_VALUE);
        rejects(Pdu.TYPE_ASSOCIATE_RQ, rq("20 00 ff ff | 01 00 00 00"), INVALID_VALUE);
        rejects(Pdu.TYPE_ASSOCIATE_AC, FIXED + APP + "21 00 00 09 | 01 00 00 00 | 40 00 00 01", INVALID_VALUE);
        rejects(Pdu.TYPE_ASSOCIATE_RQ, rq("50 00 00 01"), INVALID_VALUE);
        rejects(Pdu.TYPE_ASSOCIATE_RQ, rq("50 00 ff ff | 51 00 00 04 | 00 00 40 00"), INVALID_VALUE);
    }

    @Test
    void unexpectedItemTypes() {
        rejects(Pdu.TYPE_ASSOCIATE_RQ, rq("60 00 00 00"), UNRECOGNIZED_PARAMETER);
        rejects(Pdu.TYPE_ASSOCIATE_RQ, rq("ff 00 00 02 | 00 00"), UNRECOGNIZED_PARAMETER);
        // An AC context in an RQ and an RQ context in an AC.
        rejects(Pdu.TYPE_ASSOCIATE_RQ, rq("21 00 00 08 | 01 00 00 00 | 40 00 00 00"), UNRECOGNIZED_PARAMETER);
        rejects(Pdu.TYPE_ASSOCIATE_AC, FIXED + APP + "20 00 00 04 | 01 00 00 00", UNRECOGNIZED_PARAMETER);
        // A sub-item type at item level.
        rejects(Pdu.TYPE_ASSOCIATE_RQ, rq("30 00 00 03 | 31 2e 32"), UNRECOGNIZED_PARAMETER);
    }

    // ---- presentation context items -------------------------------------------------------------

    @Test
    void requestedContextTooShortForItsFixedFields() {
        rejects(Pdu.TYPE_ASSOCIATE_RQ, rq("20 00 00 00"), INVALID_VALUE);
        rejects(Pdu.TYPE_ASSOCIATE_RQ, rq("20 00 00 01 | 01"), INVALID_VALUE);
        rejects(Pdu.TYPE_ASSOCIATE_RQ, rq("20 00 00 03 | 01 00 00"), INVALID_VALUE);
    }

    @Test
    void requestedContextWithoutItsSyntaxes() {
        rejects(Pdu.TYPE_ASSOCIATE_RQ, rq("20 00 00 04 | 01 00 00 00"), INVALID_VALUE);
        // Abstract syntax, no transfer syntax.
        rejects(Pdu.TYPE_ASSOCIATE_RQ, rq("20 00 00 0b | 01 00 00 00 | 30 00 00 03 | 31 2e 32"), INVALID_VALUE);
        // Transfer syntax, no abstract syntax.
        rejects(Pdu.TYPE_ASSOCIATE_RQ, rq("20 00 00 0b | 01 00 00 00 | 40 00 00 03 | 31 2e 32"), INVALID_VALUE);
    }

    @Test
    void requestedContextWithUnexpectedSubItems() {
        // Two abstract syntaxes.
        rejects(Pdu.TYPE_ASSOCIATE_RQ, rq("20 00 00 19 | 01 00 00 00 | 30 00 00 03 | 31 2e 32 |"
                + "30 00 00 03 | 31 2e 33 | 40 00 00 03 | 31 2e 34"), UNEXPECTED_PARAMETER);
        // A user information sub-item inside a context.
        rejects(Pdu.TYPE_ASSOCIATE_RQ, rq("20 00 00 0c | 01 00 00 00 | 51 00 00 04 | 00 00 40 00"),
                UNEXPECTED_PARAMETER);
    }

    @Test
    void requestedContextSubItemPastItsItem() {
        // The transfer syntax sub-item claims 5 bytes; its context item ends after 3 of them,
        // though the PDU goes on with a valid user information item.
        rejects(Pdu.TYPE_ASSOCIATE_RQ, rq("20 00 00 12 | 01 00 00 00 | 30 00 00 03 | 31 2e 32 |"
                + "40 00 00 05 | 31 2e 32 | 50 00 00 00"), INVALID_VALUE);
        // Sub-item header cut by the end of the context item.
        rejects(Pdu.TYPE_ASSOCIATE_RQ, rq("20 00 00 0d | 01 00 00 00 | 30 00 00 03 | 31 2e 32 | 40 00"), INVALID_VALUE);
        rejects(Pdu.TYPE_ASSOCIATE_RQ, rq("20 00 00 0b | 01 00 00 00 | 30 00 ff ff | 31 2e 32"), INVALID_VALUE);
    }

    @Test
    void acceptedContextMalformed() {
        rejects(Pdu.TYPE_ASSOCIATE_AC, FIXED + APP + "21 00 00 00", INVALID_VALUE);
        rejects(Pdu.TYPE_ASSOCIATE_AC, FIXED + APP + "21 00 00 03 | 01 00 00", INVALID_VALUE);
        rejects(Pdu.TYPE_ASSOCIATE_AC, FIXED + APP + "21 00 00 0b | 01 00 00 00 | 30 00 00 03 | 31 2e 32",
                UNEXPECTED_PARAMETER);
        rejects(Pdu.TYPE_ASSOCIATE_AC, FIXED + APP + "21 00 00 0b | 01 00 00 00 | 40 00 ff ff | 31 2e 32",
                INVALID_VALUE);
        rejects(Pdu.TYPE_ASSOCIATE_AC, FIXED + APP + "21 00 00 06 | 01 00 00 00 | 40 00", INVALID_VALUE);
    }

    // ---- user information sub-items -------------------------------------------------------------

    @Test
    void subItemHeaderTruncated() {
        rejects(Pdu.TYPE_ASSOCIATE_RQ, userInfo("51"), INVALID_VALUE);
        rejects(Pdu.TYPE_ASSOCIATE_RQ, userInfo("51 00 00"), INVALID_VALUE);
    }

    @Test
    void subItemLengthPastItsUserInformationItem() {
        // The user information item holds 5 bytes; its sub-item claims 4 after its own 4-byte header.
        rejects(Pdu.TYPE_ASSOCIATE_RQ, rq("50 00 00 05 | 51 00 00 04 | 00 00 40 00"), INVALID_VALUE);
        rejects(Pdu.TYPE_ASSOCIATE_RQ, userInfo("52 00 ff ff | 31 2e 32"), INVALID_VALUE);
        rejects(Pdu.TYPE_ASSOCIATE_RQ, userInfo("5a 00 00 04 | 01 02 03"), INVALID_VALUE);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "51 00 00 00",                          // maximum length: zero length
            "51 00 00 03 | 00 40 00",               // odd, short
            "51 00 00 05 | 00 00 40 00 00",         // odd, one byte too many
            "51 00 00 08 | 00 00 40 00 00 00 40 00", // two values
            "53 00 00 00",                          // asynchronous window: empty
            "53 00 00 03 | 00 01 00",
            "53 00 00 05 | 00 01 00 01 00",
            "54 00 00 00",                          // role selection: empty
            "54 00 00 01 | 00",                     // UID length cut
            "54 00 00 05 | 00 ff | 31 2e 32",       // UID length past the sub-item
            "54 00 00 06 | 00 03 | 31 2e 32 | 01",  // SCP role missing
            "54 00 00 08 | 00 03 | 31 2e 32 | 01 01 00", // one byte past the roles
            "56 00 00 00",                          // extended negotiation: empty
            "56 00 00 05 | ff ff | 31 2e 32",       // UID length near 64 KiB
            "57 00 00 00",                          // common extended negotiation: empty
            "57 00 00 0a | 00 03 31 2e 32 | 00 03 31 2e 33", // related list length missing
            "57 00 00 0c | 00 03 31 2e 32 | 00 03 31 2e 33 | 00 05", // related list past the end
            "57 00 00 0d | 00 03 31 2e 32 | 00 03 31 2e 33 | 00 01 | 00", // half a UID length in the list
            "57 00 00 0f | 00 03 31 2e 32 | 00 03 31 2e 33 | 00 03 | 00 05 31", // related UID past the list
            "57 00 00 0d | 00 03 31 2e 32 | 00 03 31 2e 33 | 00 00 | 00", // a byte past the list
            "57 00 00 05 | 00 ff 31 2e 32",         // SOP class UID length past the end
            "58 00 00 00",                          // user identity: empty
            "58 00 00 01 | 01",
            "58 00 00 03 | 01 00 00",               // primary length cut
            "58 00 00 07 | 01 00 ff ff | 75 73 65", // primary length near 64 KiB
            "58 00 00 08 | 01 00 00 01 | 75 | 00 05 | 70", // secondary past the end
            "58 00 00 06 | 01 00 00 01 | 75 | 00",  // secondary length cut
            "58 00 00 08 | 01 00 00 01 | 75 | 00 00 | 00", // a byte past the fields
            "59 00 00 00",                          // user identity response: empty
            "59 00 00 01 | 00",
            "59 00 00 04 | ff ff | de ad",          // server response past the end
            "59 00 00 05 | 00 02 | de ad be",       // a byte past the response
    })
    void malformedSubItems(String subItem) {
        // Each sub-item's own length is right, so the fault is found inside it, not around it.
        byte[] b = Hex.bytes(subItem);
        assertThat(((b[2] & 0xff) << 8 | (b[3] & 0xff))).as("declared length of %s", subItem).isEqualTo(b.length - 4);
        assertThat(rejects(Pdu.TYPE_ASSOCIATE_RQ, userInfo(subItem)).abortReason()).isEqualTo(INVALID_VALUE);
        assertThat(rejects(Pdu.TYPE_ASSOCIATE_AC, FIXED + APP + userInfoItem(subItem)).abortReason())
                .isEqualTo(INVALID_VALUE);
    }

    // ---- P-DATA-TF -------------------------------------------------------------------------------

    @Test
    void pDataWithoutPdv() {
        rejects(Pdu.TYPE_P_DATA_TF, "", INVALID_VALUE);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "00",                                   // PDV length cut
            "00 00 00",
            "00 00 00 00",                          // zero length: no room for context id and header
            "00 00 00 01 | 01",                     // odd length 1: no message control header
            "00 00 00 03 | 01 03",                  // odd length past the end by one
            "00 00 00 06 | 01 03 aa bb",            // past the end
            "ff ff ff ff | 01 03 aa bb",            // near 4 GiB
            "ff ff ff f0 | 01 03",
            "80 00 00 00 | 01 03 aa bb",            // negative as a signed int
            "7f ff ff ff | 01 03 aa bb",
            "00 00 00 04 | 01 03 aa bb | 00 00",    // second PDV length cut
            "00 00 00 04 | 01 03 aa bb | 00 00 00 01 | 01", // second PDV too short
            "00 00 00 04 | 01 03 aa bb | 00 00 10 00 | 01 03", // second PDV past the end
    })
    void malformedPdvs(String body) {
        rejects(Pdu.TYPE_P_DATA_TF, body, INVALID_VALUE);
    }

    @Test
    void oddPdvLengthsThatFitAreAccepted() throws Exception {
        PDataTf p = (PDataTf) PduDecoder.decode(Pdu.TYPE_P_DATA_TF, Hex.bytes("00 00 00 03 | 01 02 aa | 00 00 00 02 | 01 03"));
        assertThat(p.pdvs()).containsExactly(new Pdv(1, 2, new byte[] {(byte) 0xaa}), new Pdv(1, 3, new byte[0]));
    }

    @Test
    void messagesNameTheProblem() {
        assertThat(rejects(0x48, "").getMessage()).contains("0x48");
        assertThat(rejects(Pdu.TYPE_P_DATA_TF, "ff ff ff ff | 01 03").getMessage()).contains("4294967295");
        assertThat(rejects(Pdu.TYPE_RELEASE_RQ, "00 00 00").getMessage()).contains("3").contains("4");
        // the words are put together apart from the checks (PduDecoder, ByteReader): whole, as before
        assertThat(rejects(Pdu.TYPE_P_DATA_TF, "00 00 00").getMessage())
                .isEqualTo("P-DATA-TF ends before a 4-byte field (3 bytes left)");
        assertThat(rejects(Pdu.TYPE_P_DATA_TF, "00 00 00 06 | 01 03 aa bb").getMessage())
                .isEqualTo("PDV item length 6 does not fit the P-DATA-TF (4 bytes left)");
        assertThat(rejects(Pdu.TYPE_P_DATA_TF, "").getMessage()).isEqualTo("P-DATA-TF without presentation data value");
    }
}
