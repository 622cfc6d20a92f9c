package org.echoscu.dimse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.echoscu.pdu.Hex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Command sets in Implicit VR Little Endian (PS3.5 §7.1.3, PS3.7 §E.1). */
class CommandSetTest {

    /**
     * C-ECHO-RQ (PS3.7 §9.3.5.1), hand-encoded: each element is group (2, LE), element (2, LE),
     * length (4, LE), value. The group length counts the bytes after itself: 26 + 10 + 10 + 10 = 56 = 38H.
     */
    static final String C_ECHO_RQ = ""
            + "00 00 00 00 | 04 00 00 00 | 38 00 00 00 |"        // (0000,0000) UL 56
            + "00 00 02 00 | 12 00 00 00 |"                       // (0000,0002) UI, 18 bytes:
            + "31 2e 32 2e 38 34 30 2e 31 30 30 30 38 2e 31 2e 31 00 |" // "1.2.840.10008.1.1" + NUL pad
            + "00 00 00 01 | 02 00 00 00 | 30 00 |"               // (0000,0100) US 0030H C-ECHO-RQ
            + "00 00 10 01 | 02 00 00 00 | 01 00 |"               // (0000,0110) US message ID 1
            + "00 00 00 08 | 02 00 00 00 | 01 01";                // (0000,0800) US 0101H no data set

    static CommandSet echoRq(int messageId) {
        return new CommandSet()
                .putUi(Tag.AFFECTED_SOP_CLASS_UID, "1.2.840.10008.1.1")
                .putUs(Tag.COMMAND_FIELD, CommandField.C_ECHO_RQ)
                .putUs(Tag.MESSAGE_ID, messageId)
                .putUs(Tag.COMMAND_DATA_SET_TYPE, CommandField.NO_DATA_SET);
    }

    @Test
    void encodesCEchoRqByteExact() {
        byte[] encoded = echoRq(1).encode();
        assertThat(Hex.string(encoded)).isEqualTo(Hex.string(Hex.bytes(C_ECHO_RQ)));
        assertThat(encoded).hasSize(12 + 56);
    }

    @Test
    void elementsAreWrittenInTagOrderWhateverTheInsertionOrder() {
        CommandSet shuffled = new CommandSet()
                .putUs(Tag.COMMAND_DATA_SET_TYPE, CommandField.NO_DATA_SET)
                .putUs(Tag.MESSAGE_ID, 1)
                .putUi(Tag.AFFECTED_SOP_CLASS_UID, "1.2.840.10008.1.1")
                .putUs(Tag.COMMAND_FIELD, CommandField.C_ECHO_RQ);
        assertThat(Hex.string(shuffled.encode())).isEqualTo(Hex.string(Hex.bytes(C_ECHO_RQ)));
    }

    @Test
    void aStaleGroupLengthIsRecomputed() throws Exception {
        CommandSet decoded = CommandSet.decode(Hex.bytes(C_ECHO_RQ));
        decoded.putUs(Tag.MESSAGE_ID, 1); // same size: group length unchanged
        decoded.putUi(Tag.AFFECTED_SOP_CLASS_UID, "1.2.840.10008.1.1.1"); // 19 -> 20 bytes: +2
        byte[] encoded = decoded.encode();
        assertThat(Hex.string(java.util.Arrays.copyOf(encoded, 12))).isEqualTo("00 00 00 00 04 00 00 00 3a 00 00 00");
    }

    @Test
    void decodesCEchoRq() throws Exception {
        CommandSet cs = CommandSet.decode(Hex.bytes(C_ECHO_RQ));
        assertThat(cs.elements().keySet()).containsExactly(Tag.COMMAND_GROUP_LENGTH, Tag.AFFECTED_SOP_CLASS_UID,
                Tag.COMMAND_FIELD, Tag.MESSAGE_ID, Tag.COMMAND_DATA_SET_TYPE);
        assertThat(cs.text(Tag.AFFECTED_SOP_CLASS_UID)).isEqualTo("1.2.840.10008.1.1");
        assertThat(cs.us(Tag.COMMAND_FIELD)).isEqualTo(0x0030);
        assertThat(cs.us(Tag.MESSAGE_ID)).isEqualTo(1);
        assertThat(cs.us(Tag.COMMAND_DATA_SET_TYPE)).isEqualTo(0x0101);
        assertThat(cs.elements().get(Tag.COMMAND_GROUP_LENGTH)).containsExactly(0x38, 0, 0, 0);
        assertThat(cs.contains(Tag.STATUS)).isFalse();
        assertThat(cs.text(Tag.STATUS)).isNull();
        assertThat(Hex.string(cs.encode())).isEqualTo(Hex.string(Hex.bytes(C_ECHO_RQ)));
    }

    @Test
    void decodesCEchoRspFromDcmtk() throws Exception {
        // C-ECHO-RSP as DCMTK's storescp answers: group length 56, SOP class, 8030H,
        // responding to 1, no data set, status 0. 26 + 10 + 10 + 10 + 10 = 66 = 42H.
        byte[] rsp = Hex.bytes(""
                + "00 00 00 00 04 00 00 00 42 00 00 00 |"
                + "00 00 02 00 12 00 00 00 31 2e 32 2e 38 34 30 2e 31 30 30 30 38 2e 31 2e 31 00 |"
                + "00 00 00 01 02 00 00 00 30 80 |"
                + "00 00 20 01 02 00 00 00 01 00 |"
                + "00 00 00 08 02 00 00 00 01 01 |"
                + "00 00 00 09 02 00 00 00 00 00");
        CommandSet cs = CommandSet.decode(rsp);
        assertThat(cs.us(Tag.COMMAND_FIELD)).isEqualTo(CommandField.C_ECHO_RSP);
        assertThat(cs.us(Tag.MESSAGE_ID_BEING_RESPONDED_TO)).isEqualTo(1);
        assertThat(cs.us(Tag.STATUS)).isEqualTo(Status.SUCCESS);
        CommandSet built = new CommandSet()
                .putUi(Tag.AFFECTED_SOP_CLASS_UID, "1.2.840.10008.1.1")
                .putUs(Tag.COMMAND_FIELD, CommandField.C_ECHO_RSP)
                .putUs(Tag.MESSAGE_ID_BEING_RESPONDED_TO, 1)
                .putUs(Tag.COMMAND_DATA_SET_TYPE, CommandField.NO_DATA_SET)
                .putUs(Tag.STATUS, 0);
        assertThat(Hex.string(built.encode())).isEqualTo(Hex.string(rsp));
    }

    @Test
    void textPaddingAndEvenLengths() throws Exception {
        CommandSet cs = new CommandSet().putUi(Tag.AFFECTED_SOP_CLASS_UID, "1.2").putLo(Tag.ERROR_COMMENT, "bad");
        assertThat(cs.elements().get(Tag.AFFECTED_SOP_CLASS_UID)).containsExactly('1', '.', '2', 0);
        assertThat(cs.elements().get(Tag.ERROR_COMMENT)).containsExactly('b', 'a', 'd', ' ');
        assertThat(cs.text(Tag.AFFECTED_SOP_CLASS_UID)).isEqualTo("1.2");
        assertThat(cs.text(Tag.ERROR_COMMENT)).isEqualTo("bad");
        assertThat(new CommandSet().putUi(1, "1.23").elements().get(1)).hasSize(4);
        // Error comment (0000,0902) LO after the UID: 8+4 + 8+4 = 24 = 18H.
        assertThat(Hex.string(cs.encode())).isEqualTo(Hex.string(Hex.bytes(""
                + "00 00 00 00 04 00 00 00 18 00 00 00 |"
                + "00 00 02 00 04 00 00 00 31 2e 32 00 |"
                + "00 00 02 09 04 00 00 00 62 61 64 20")));
    }

    @Test
    void usOfAMissingOrWrongSizedElementIsADimseException() throws Exception {
        CommandSet cs = CommandSet.decode(Hex.bytes("00 00 00 01 | 04 00 00 00 | 30 00 00 00 | 00 00 10 01 | 00 00 00 00"));
        assertThatThrownBy(() -> cs.us(Tag.COMMAND_FIELD)).isExactlyInstanceOf(DimseException.class)
                .hasMessage("element (0000,0100) has length 4, not 2 (US)");
        assertThatThrownBy(() -> cs.us(Tag.MESSAGE_ID)).isExactlyInstanceOf(DimseException.class);
        assertThatThrownBy(() -> cs.us(Tag.STATUS)).isExactlyInstanceOf(DimseException.class)
                .hasMessageContaining("(0000,0900)");
    }

    @Test
    void emptyInputIsAnEmptyCommandSet() throws Exception {
        assertThat(CommandSet.decode(new byte[0]).elements()).isEmpty();
    }

    @Test
    void oddAndZeroLengthsThatFitAreKept() throws Exception {
        CommandSet cs = CommandSet.decode(Hex.bytes("00 00 02 00 | 03 00 00 00 | 31 2e 32 | 00 00 00 09 | 00 00 00 00"));
        assertThat(cs.text(Tag.AFFECTED_SOP_CLASS_UID)).isEqualTo("1.2");
        assertThat(cs.elements().get(Tag.STATUS)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "08 00 05 00 | 02 00 00 00 | 49 52",               // (0008,0005): a data set element
            "02 00 10 00 | 02 00 00 00 | 31 00",               // (0002,0010): file meta information
            "fe ff 00 e0 | ff ff ff ff",                       // item tag, undefined length
            "00 00 00 01 | 02 00 00 00 | 30 00 | 01 00 00 00 | 00 00 00 00", // second element in group 0001
    })
    void elementOutsideGroup0000(String hex) {
        assertThatThrownBy(() -> CommandSet.decode(Hex.bytes(hex))).isExactlyInstanceOf(DimseException.class)
                .hasMessageContaining("outside the command group");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "00 00 00 01 | 03 00 00 00 | 30 00",                // one byte short
            "00 00 00 01 | 02 00 00 00 | 30",
            "00 00 02 00 | ff ff ff ff | 31 2e 32",            // near 4 GiB
            "00 00 02 00 | 00 00 00 80 | 31 2e 32",            // 2 GiB: negative as a signed int
            "00 00 02 00 | f8 ff ff 7f | 31 2e 32",
            "00 00 00 01 | 02 00 00 00 | 30 00 | 00 00 10 01 | 10 00 00 00 | 01 00",
    })
    void lengthPastTheEnd(String hex) {
        assertThatThrownBy(() -> CommandSet.decode(Hex.bytes(hex))).isExactlyInstanceOf(DimseException.class)
                .hasMessageContaining("claims");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "00",
            "00 00 00 01 | 02 00 00",                           // header of 7 bytes
            "00 00 00 01 | 02 00 00 00 | 30 00 | 00 00 10 01",  // second header cut after the tag
            "00 00 00 01 | 02 00 00 00 | 30 00 | 00",
    })
    void headerTruncated(String hex) {
        assertThatThrownBy(() -> CommandSet.decode(Hex.bytes(hex))).isExactlyInstanceOf(DimseException.class)
                .hasMessageContaining("inside an element header");
    }
}
