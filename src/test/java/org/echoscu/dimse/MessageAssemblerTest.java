package org.echoscu.dimse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;

import org.echoscu.pdu.Hex;
import org.echoscu.pdu.Pdv;
import org.junit.jupiter.api.Test;

/** Reassembly of DIMSE messages from PDVs (PS3.8 Annex E). */
class MessageAssemblerTest {

    private static final int CMD = Pdv.COMMAND;
    private static final int CMD_LAST = Pdv.COMMAND | Pdv.LAST;
    private static final int DATA = 0;
    private static final int DATA_LAST = Pdv.LAST;

    private final MessageAssembler assembler = new MessageAssembler(1000);

    private static byte[] echoRq() {
        return Hex.bytes(CommandSetTest.C_ECHO_RQ);
    }

    /** A command announcing a data set (data set type other than 0101H). */
    private static byte[] commandWithDataSet() {
        return CommandSetTest.echoRq(7).putUs(Tag.COMMAND_DATA_SET_TYPE, 0x0000).encode();
    }

    @Test
    void aCommandInOnePdv() throws Exception {
        assertThat(assembler.idle()).isTrue();
        Message m = assembler.feed(new Pdv(1, CMD_LAST, echoRq()));
        assertThat(m).isNotNull();
        assertThat(m.contextId()).isEqualTo(1);
        assertThat(m.commandField()).isEqualTo(CommandField.C_ECHO_RQ);
        assertThat(m.command().us(Tag.MESSAGE_ID)).isEqualTo(1);
        assertThat(m.dataSetLength()).isZero();
        assertThat(assembler.idle()).isTrue();
    }

    @Test
    void aCommandSplitIntoOneBytePdvsReassembles() throws Exception {
        byte[] cmd = echoRq();
        for (int i = 0; i < cmd.length - 1; i++) {
            assertThat(assembler.feed(new Pdv(3, CMD, new byte[] {cmd[i]}))).isNull();
            assertThat(assembler.idle()).isFalse();
        }
        Message m = assembler.feed(new Pdv(3, CMD_LAST, new byte[] {cmd[cmd.length - 1]}));
        assertThat(m).isNotNull();
        assertThat(m.contextId()).isEqualTo(3);
        assertThat(Hex.string(m.command().encode())).isEqualTo(Hex.string(cmd));
        assertThat(assembler.idle()).isTrue();
    }

    @Test
    void emptyFragmentsAreHarmless() throws Exception {
        byte[] cmd = echoRq();
        assertThat(assembler.feed(new Pdv(1, CMD, new byte[0]))).isNull();
        assertThat(assembler.feed(new Pdv(1, CMD, Arrays.copyOf(cmd, 10)))).isNull();
        assertThat(assembler.feed(new Pdv(1, CMD, new byte[0]))).isNull();
        Message m = assembler.feed(new Pdv(1, CMD_LAST, Arrays.copyOfRange(cmd, 10, cmd.length)));
        assertThat(m.command().us(Tag.MESSAGE_ID)).isEqualTo(1);
    }

    @Test
    void messagesFollowOneAnotherOnDifferentContexts() throws Exception {
        Message first = assembler.feed(new Pdv(1, CMD_LAST, echoRq()));
        Message second = assembler.feed(new Pdv(5, CMD_LAST, CommandSetTest.echoRq(2).encode()));
        assertThat(first.contextId()).isEqualTo(1);
        assertThat(second.contextId()).isEqualTo(5);
        assertThat(second.command().us(Tag.MESSAGE_ID)).isEqualTo(2);
    }

    @Test
    void aCommandWithADataSetCompletesAfterTheLastDataFragment() throws Exception {
        assertThat(assembler.feed(new Pdv(1, CMD_LAST, commandWithDataSet()))).isNull();
        assertThat(assembler.idle()).isFalse();
        assertThat(assembler.feed(new Pdv(1, DATA, new byte[100]))).isNull();
        assertThat(assembler.feed(new Pdv(1, DATA, new byte[0]))).isNull();
        Message m = assembler.feed(new Pdv(1, DATA_LAST, new byte[50]));
        assertThat(m).isNotNull();
        assertThat(m.dataSetLength()).isEqualTo(150);
        assertThat(m.command().us(Tag.MESSAGE_ID)).isEqualTo(7);
        assertThat(assembler.idle()).isTrue();
        // The next message starts clean.
        assertThat(assembler.feed(new Pdv(1, CMD_LAST, echoRq())).dataSetLength()).isZero();
    }

    @Test
    void dataBeforeAnyCommand() {
        assertThatThrownBy(() -> assembler.feed(new Pdv(1, DATA, new byte[] {1, 2})))
                .isExactlyInstanceOf(DimseException.class).hasMessageContaining("before any command");
        MessageAssembler other = new MessageAssembler(1000);
        assertThatThrownBy(() -> other.feed(new Pdv(1, DATA_LAST, new byte[0])))
                .isExactlyInstanceOf(DimseException.class);
    }

    @Test
    void commandFragmentsOnTwoContexts() throws Exception {
        byte[] cmd = echoRq();
        assertThat(assembler.feed(new Pdv(1, CMD, Arrays.copyOf(cmd, 20)))).isNull();
        assertThatThrownBy(() -> assembler.feed(new Pdv(3, CMD_LAST, Arrays.copyOfRange(cmd, 20, cmd.length))))
                .isExactlyInstanceOf(DimseException.class).hasMessageContaining("context 3")
                .hasMessageContaining("context 1");
    }

    @Test
    void eachRefusalSaysWhatWasWrong() throws Exception {
        // the words are put together apart from the checks, each refusal its own
        byte[] cmd = echoRq();
        assertThat(assembler.feed(new Pdv(1, CMD, Arrays.copyOf(cmd, 20)))).isNull();
        assertThatThrownBy(() -> assembler.feed(new Pdv(3, CMD_LAST, Arrays.copyOfRange(cmd, 20, cmd.length))))
                .hasMessage("fragment on presentation context 3 inside a message on context 1");
        assertThatThrownBy(() -> new MessageAssembler(1000).feed(new Pdv(5, DATA, new byte[2])))
                .hasMessage("data set fragment on context 5 before any command");
        assertThatThrownBy(() -> new MessageAssembler(1000).feed(new Pdv(1, CMD_LAST,
                new byte[CommandSet.MAX_ENCODED_LENGTH + 1])))
                .hasMessage("command set larger than " + CommandSet.MAX_ENCODED_LENGTH + " bytes");
    }

    @Test
    void dataSetOnAnotherContextThanItsCommand() throws Exception {
        assertThat(assembler.feed(new Pdv(1, CMD_LAST, commandWithDataSet()))).isNull();
        assertThatThrownBy(() -> assembler.feed(new Pdv(3, DATA_LAST, new byte[4])))
                .isExactlyInstanceOf(DimseException.class);
    }

    @Test
    void commandWhereTheDataSetWasDue() throws Exception {
        assertThat(assembler.feed(new Pdv(1, CMD_LAST, commandWithDataSet()))).isNull();
        assertThatThrownBy(() -> assembler.feed(new Pdv(1, CMD_LAST, echoRq())))
                .isExactlyInstanceOf(DimseException.class).hasMessageContaining("data set");
    }

    @Test
    void oversizeCommandIsRefusedBeforeBuffering() throws Exception {
        byte[] chunk = new byte[CommandSet.MAX_ENCODED_LENGTH / 4];
        for (int i = 0; i < 4; i++) {
            assertThat(assembler.feed(new Pdv(1, CMD, chunk))).isNull();
        }
        assertThatThrownBy(() -> assembler.feed(new Pdv(1, CMD, new byte[1])))
                .isExactlyInstanceOf(DimseException.class).hasMessageContaining(String.valueOf(CommandSet.MAX_ENCODED_LENGTH));
        MessageAssembler other = new MessageAssembler(1000);
        assertThatThrownBy(() -> other.feed(new Pdv(1, CMD_LAST, new byte[CommandSet.MAX_ENCODED_LENGTH + 1])))
                .isExactlyInstanceOf(DimseException.class);
    }

    @Test
    void commandOfExactlyTheMaximumIsDecoded() throws Exception {
        // A command of exactly 64 KiB: C-ECHO-RQ (68 bytes) plus an error comment filling the rest.
        byte[] filler = new byte[CommandSet.MAX_ENCODED_LENGTH - 68 - 8];
        Arrays.fill(filler, (byte) 'x');
        CommandSet big = CommandSetTest.echoRq(1).putLo(Tag.ERROR_COMMENT, new String(filler, java.nio.charset.StandardCharsets.US_ASCII));
        byte[] encoded = big.encode();
        assertThat(encoded).hasSize(CommandSet.MAX_ENCODED_LENGTH);
        assertThat(assembler.feed(new Pdv(1, CMD_LAST, encoded))).isNotNull();
    }

    @Test
    void oversizeDataSetIsRefused() throws Exception {
        assertThat(assembler.feed(new Pdv(1, CMD_LAST, commandWithDataSet()))).isNull();
        assertThat(assembler.feed(new Pdv(1, DATA, new byte[1000]))).isNull();
        assertThatThrownBy(() -> assembler.feed(new Pdv(1, DATA_LAST, new byte[1])))
                .isExactlyInstanceOf(DimseException.class).hasMessageContaining("1000");
    }

    @Test
    void malformedCommandSetIsADimseException() {
        assertThatThrownBy(() -> assembler.feed(new Pdv(1, CMD_LAST, Hex.bytes("08 00 05 00 02 00 00 00 49 52"))))
                .isExactlyInstanceOf(DimseException.class);
        MessageAssembler other = new MessageAssembler(1000);
        assertThatThrownBy(() -> other.feed(new Pdv(1, CMD_LAST, Hex.bytes("00 00 00 01 02 00 00 00 30 00"))))
                .isExactlyInstanceOf(DimseException.class).hasMessageContaining("(0000,0800)");
    }
}
