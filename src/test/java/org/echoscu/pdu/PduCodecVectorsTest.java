package org.echoscu.pdu;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Byte-exact vectors for the seven PDU types of PS3.8 §9.3. Every literal below was laid out
 * by hand from the PDU structure tables of PS3.8 (9-11 .. 9-26) and Annex D, field by field;
 * the comments name the fields. Each vector is encoded and compared, then decoded back.
 */
class PduCodecVectorsTest {

    static final String APP_CONTEXT_UID = "1.2.840.10008.3.1.1.1";
    static final String VERIFICATION = "1.2.840.10008.1.1";
    static final String IMPLICIT_LE = "1.2.840.10008.1.2";
    static final String EXPLICIT_LE = "1.2.840.10008.1.2.1";

    // The A-ASSOCIATE-RQ/AC fixed part after the PDU header (PS3.8 table 9-11 bytes 7-74).
    static final String FIXED_ANY_SCP_ECHOSCU = ""
            + "00 01 | 00 00 |"                                          // protocol version 1, reserved
            + "41 4e 59 2d 53 43 50 20 20 20 20 20 20 20 20 20 |"        // called  "ANY-SCP" + 9 spaces
            + "45 43 48 4f 53 43 55 20 20 20 20 20 20 20 20 20 |"        // calling "ECHOSCU" + 9 spaces
            + "00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 "         // 32 reserved bytes
            + "00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 |";

    // Application context item (table 9-12): 10H, reserved, length 21, "1.2.840.10008.3.1.1.1".
    static final String APP_CONTEXT_ITEM = ""
            + "10 00 00 15 | 31 2e 32 2e 38 34 30 2e 31 30 30 30 38 2e 33 2e 31 2e 31 2e 31 |";

    static final String UID_VERIFICATION = "31 2e 32 2e 38 34 30 2e 31 30 30 30 38 2e 31 2e 31 ";
    static final String UID_IMPLICIT_LE = "31 2e 32 2e 38 34 30 2e 31 30 30 30 38 2e 31 2e 32 ";
    static final String UID_EXPLICIT_LE = "31 2e 32 2e 38 34 30 2e 31 30 30 30 38 2e 31 2e 32 2e 31 ";

    // User information item (table 9-16) holding max length 16384 (D.1), DCMTK 3.6.7's
    // implementation class UID (D.3.3.2) and version name (D.3.3.2): 8 + 31 + 19 = 58 = 3aH.
    static final String USER_INFO_DCMTK = ""
            + "50 00 00 3a |"
            + "51 00 00 04 | 00 00 40 00 |"
            + "52 00 00 1b | 31 2e 32 2e 32 37 36 2e 30 2e 37 32 33 30 30 31 30 2e 33 2e 30 2e 33 2e 36 2e 37 |"
            + "55 00 00 0f | 4f 46 46 49 53 5f 44 43 4d 54 4b 5f 33 36 37 |";

    static final UserInformation DCMTK_USER_INFO = UserInformation.of(
            new UserInfoSubItem.MaxLength(16384),
            new UserInfoSubItem.ImplementationClassUid("1.2.276.0.7230010.3.0.3.6.7"),
            new UserInfoSubItem.ImplementationVersionName("OFFIS_DCMTK_367"));

    private static void assertVector(Pdu pdu, String hex) throws PduFormatException {
        byte[] expected = Hex.bytes(hex);
        byte[] encoded = PduEncoder.encode(pdu);
        assertThat(Hex.string(encoded)).isEqualTo(Hex.string(expected));
        assertThat(encoded[0] & 0xFF).isEqualTo(pdu.type());
        Pdu decoded = PduDecoder.decode(expected[0] & 0xFF, Hex.body(expected));
        assertThat(decoded).isEqualTo(pdu);
        assertThat(decoded.type()).isEqualTo(pdu.type());
    }

    @Test
    void associateRq() throws Exception {
        // Body: 68 fixed + app context 25 + context 1 (4+69) + context 3 (4+46) + user info 62 = 278 = 116H.
        String hex = "01 00 00 00 01 16 |" + FIXED_ANY_SCP_ECHOSCU + APP_CONTEXT_ITEM
                // Presentation context item (table 9-13): 20H, reserved, length 4+21+21+23 = 69 = 45H,
                // id 1, three reserved bytes, abstract syntax 30H, then two transfer syntaxes 40H.
                + "20 00 00 45 | 01 00 00 00 |"
                + "30 00 00 11 |" + UID_VERIFICATION + "|"
                + "40 00 00 11 |" + UID_IMPLICIT_LE + "|"
                + "40 00 00 13 |" + UID_EXPLICIT_LE + "|"
                // Context 3: length 4+21+21 = 46 = 2eH.
                + "20 00 00 2e | 03 00 00 00 |"
                + "30 00 00 11 |" + UID_VERIFICATION + "|"
                + "40 00 00 11 |" + UID_IMPLICIT_LE + "|"
                + USER_INFO_DCMTK;
        AAssociateRq rq = new AAssociateRq(1, "ANY-SCP", "ECHOSCU", APP_CONTEXT_UID,
                List.of(new PresentationContextRq(1, VERIFICATION, List.of(IMPLICIT_LE, EXPLICIT_LE)),
                        new PresentationContextRq(3, VERIFICATION, List.of(IMPLICIT_LE))),
                DCMTK_USER_INFO);
        assertVector(rq, hex);
    }

    @Test
    void associateAcWithAcceptedAndRejectedContext() throws Exception {
        // Body: 68 + 25 + (4+25) + (4+8) + user info (4+8) = 146 = 92H.
        String hex = "02 00 00 00 00 92 |" + FIXED_ANY_SCP_ECHOSCU + APP_CONTEXT_ITEM
                // Presentation context item (table 9-18): 21H, reserved, length 25, id 1, reserved,
                // result 0 (acceptance), reserved, transfer syntax sub-item.
                + "21 00 00 19 | 01 00 00 00 | 40 00 00 11 |" + UID_IMPLICIT_LE + "|"
                // Context 3, result 4 (transfer syntaxes not supported), empty transfer syntax sub-item.
                + "21 00 00 08 | 03 00 04 00 | 40 00 00 00 |"
                // User information: maximum length 0, i.e. unlimited.
                + "50 00 00 08 | 51 00 00 04 | 00 00 00 00";
        AAssociateAc ac = new AAssociateAc(1, "ANY-SCP", "ECHOSCU", APP_CONTEXT_UID,
                List.of(new PresentationContextAc(1, PresentationContextAc.ACCEPTANCE, IMPLICIT_LE),
                        new PresentationContextAc(3, PresentationContextAc.TRANSFER_SYNTAXES_NOT_SUPPORTED, "")),
                UserInformation.of(new UserInfoSubItem.MaxLength(0)));
        assertVector(ac, hex);
        assertThat(ac.presentationContexts().get(0).accepted()).isTrue();
        assertThat(ac.presentationContexts().get(1).accepted()).isFalse();
    }

    @Test
    void associateRj() throws Exception {
        // Table 9-21: type 03H, reserved, length 4, reserved, result 1 (permanent),
        // source 1 (service user), reason 3 (calling AE title not recognized).
        assertVector(new AAssociateRj(AAssociateRj.RESULT_PERMANENT, AAssociateRj.SOURCE_SERVICE_USER, 3),
                "03 00 00 00 00 04 | 00 01 01 03");
        // Transient, provider (presentation related), reason 2 (local limit exceeded).
        assertVector(new AAssociateRj(AAssociateRj.RESULT_TRANSIENT, AAssociateRj.SOURCE_PROVIDER_PRESENTATION, 2),
                "03 00 00 00 00 04 | 00 02 03 02");
    }

    @Test
    void pDataTfWithOnePdv() throws Exception {
        // Table 9-22: type 04H, reserved, length 9; PDV item (table 9-23): length 5,
        // context id 1, message control header 03H (command, last), 3 bytes of fragment.
        assertVector(new PDataTf(List.of(new Pdv(1, 0x03, new byte[] {(byte) 0xaa, (byte) 0xbb, (byte) 0xcc}))),
                "04 00 00 00 00 09 | 00 00 00 05 | 01 | 03 | aa bb cc");
    }

    @Test
    void pDataTfWithSeveralPdvs() throws Exception {
        // Three PDV items: a command fragment (01H), the last command fragment (03H) and an
        // empty last data set fragment (02H) on context 0xff: 4+2+2 + 4+2+1 + 4+2 = 21 = 15H.
        PDataTf p = new PDataTf(List.of(
                new Pdv(5, 0x01, new byte[] {0x10, 0x20}),
                new Pdv(5, 0x03, new byte[] {0x30}),
                new Pdv(0xff, 0x02, new byte[0])));
        assertVector(p, "04 00 00 00 00 15 |"
                + "00 00 00 04 | 05 01 | 10 20 |"
                + "00 00 00 03 | 05 03 | 30 |"
                + "00 00 00 02 | ff 02");
        assertThat(p.pdvs().get(0).isCommand()).isTrue();
        assertThat(p.pdvs().get(0).isLast()).isFalse();
        assertThat(p.pdvs().get(1).isLast()).isTrue();
        assertThat(p.pdvs().get(2).isCommand()).isFalse();
        assertThat(p.pdvs().get(2).isLast()).isTrue();
    }

    @Test
    void releaseRq() throws Exception {
        // Table 9-24: type 05H, reserved, length 4, four reserved bytes.
        assertVector(new AReleaseRq(), "05 00 00 00 00 04 | 00 00 00 00");
    }

    @Test
    void releaseRp() throws Exception {
        // Table 9-25: type 06H, reserved, length 4, four reserved bytes.
        assertVector(new AReleaseRp(), "06 00 00 00 00 04 | 00 00 00 00");
    }

    @Test
    void abort() throws Exception {
        // Table 9-26: type 07H, reserved, length 4, two reserved bytes, source, reason.
        assertVector(new AAbort(AAbort.SOURCE_SERVICE_PROVIDER, AAbort.REASON_INVALID_PDU_PARAMETER_VALUE),
                "07 00 00 00 00 04 | 00 00 02 06");
        assertVector(new AAbort(AAbort.SOURCE_SERVICE_USER, 0), "07 00 00 00 00 04 | 00 00 00 00");
    }

    @Test
    void reservedBytesAreNotTestedOnReceipt() throws Exception {
        // PS3.8 §9.3.1: reserved fields are sent as zero but not tested when received.
        assertThat(PduDecoder.decode(Pdu.TYPE_ABORT, Hex.bytes("ff ff 02 01")))
                .isEqualTo(new AAbort(2, 1));
        assertThat(PduDecoder.decode(Pdu.TYPE_RELEASE_RQ, Hex.bytes("de ad be ef"))).isEqualTo(new AReleaseRq());
        assertThat(PduDecoder.decode(Pdu.TYPE_RELEASE_RP, Hex.bytes("01 02 03 04"))).isEqualTo(new AReleaseRp());
        assertThat(PduDecoder.decode(Pdu.TYPE_ASSOCIATE_RJ, Hex.bytes("77 01 02 01")))
                .isEqualTo(new AAssociateRj(1, 2, 1));
    }

    @Test
    void paddedTextFieldsAreTrimmedOnDecode() throws Exception {
        // AE titles may carry leading spaces (PS3.5 §6.2) and UIDs a trailing NUL pad (PS3.5 §9.1).
        String hex = "01 00 00 00 00 6a |"
                + "00 01 00 00 |"
                + "20 20 41 45 20 20 20 20 20 20 20 20 20 20 20 20 |" // "  AE" + spaces
                + "43 41 4c 4c 49 4e 47 00 00 00 00 00 00 00 00 00 |" // "CALLING" + NULs
                + "00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 "
                + "00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 |"
                + "10 00 00 16 | 31 2e 32 2e 38 34 30 2e 31 30 30 30 38 2e 33 2e 31 2e 31 2e 31 00 |" // 22 bytes, NUL pad
                + "50 00 00 08 | 52 00 00 04 | 31 2e 32 00";  // impl class UID "1.2" + NUL
        byte[] pdu = Hex.bytes(hex);
        assertThat(pdu.length - 6).isEqualTo(0x6a);
        AAssociateRq rq = (AAssociateRq) PduDecoder.decode(1, Hex.body(pdu));
        assertThat(rq.calledAeTitle()).isEqualTo("AE");
        assertThat(rq.callingAeTitle()).isEqualTo("CALLING");
        assertThat(rq.applicationContext()).isEqualTo(APP_CONTEXT_UID);
        assertThat(rq.presentationContexts()).isEmpty();
        assertThat(rq.userInformation().implementationClassUid()).isEqualTo("1.2");
    }

    @Test
    void associateWithoutUserInformationDecodesToEmptyUserInformation() throws Exception {
        byte[] pdu = Hex.bytes("02 00 00 00 00 5d |" + FIXED_ANY_SCP_ECHOSCU + APP_CONTEXT_ITEM);
        assertThat(pdu.length - 6).isEqualTo(0x5d);
        AAssociateAc ac = (AAssociateAc) PduDecoder.decode(2, Hex.body(pdu));
        assertThat(ac.userInformation().subItems()).isEmpty();
        assertThat(ac.userInformation().maxLength()).isZero();
        assertThat(ac.userInformation().implementationClassUid()).isEmpty();
        assertThat(ac.userInformation().implementationVersionName()).isEmpty();
    }

    @Test
    void acContextWithoutTransferSyntaxSubItemDecodesToEmptySyntax() throws Exception {
        // A rejecting SCP may leave the transfer syntax sub-item out; its value is not significant then.
        byte[] pdu = Hex.bytes("02 00 00 00 00 65 |" + FIXED_ANY_SCP_ECHOSCU + APP_CONTEXT_ITEM
                + "21 00 00 04 | 01 00 03 00");
        AAssociateAc ac = (AAssociateAc) PduDecoder.decode(2, Hex.body(pdu));
        assertThat(ac.presentationContexts())
                .containsExactly(new PresentationContextAc(1, PresentationContextAc.ABSTRACT_SYNTAX_NOT_SUPPORTED, ""));
    }
}
