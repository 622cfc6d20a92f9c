package org.echoscu.dimse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.echoscu.pdu.Hex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A command encoded once, its message ID patched per echo: the same bytes as encoding it anew. */
class EncodedCommandTest {

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 255, 256, 4660, 65535})
    void patchedBytesAreThoseOfTheCommandEncodedWithThatValue(int messageId) throws Exception {
        EncodedCommand rq = new EncodedCommand(CommandSetTest.echoRq(0), Tag.MESSAGE_ID);

        assertThat(rq.with(messageId)).isEqualTo(CommandSetTest.echoRq(messageId).encode());
        assertThat(rq.commandWith(messageId).us(Tag.MESSAGE_ID)).isEqualTo(messageId);
    }

    @Test
    void messageIdOneIsTheHandEncodedEchoRequest() {
        EncodedCommand rq = new EncodedCommand(CommandSetTest.echoRq(7), Tag.MESSAGE_ID);

        assertThat(rq.with(1)).isEqualTo(Hex.bytes(CommandSetTest.C_ECHO_RQ));
    }

    @Test
    void eachSendGetsItsOwnArray() {
        EncodedCommand rq = new EncodedCommand(CommandSetTest.echoRq(0), Tag.MESSAGE_ID);
        byte[] first = rq.with(1);

        rq.with(2);

        assertThat(first).isEqualTo(Hex.bytes(CommandSetTest.C_ECHO_RQ));
    }

    @Test
    void anElementTheCommandLacksIsRefused() {
        assertThatThrownBy(() -> new EncodedCommand(CommandSetTest.echoRq(0), Tag.STATUS))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
