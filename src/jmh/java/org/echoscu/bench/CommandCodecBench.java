package org.echoscu.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.echoscu.dimse.CommandField;
import org.echoscu.dimse.CommandSet;
import org.echoscu.dimse.DimseChannel;
import org.echoscu.dimse.DimseException;
import org.echoscu.dimse.Message;
import org.echoscu.dimse.MessageAssembler;
import org.echoscu.dimse.Status;
import org.echoscu.dimse.Tag;
import org.echoscu.pdu.PDataTf;
import org.echoscu.pdu.Pdv;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * DIMSE command sets: building and encoding a C-ECHO-RQ as echoscu does for each echo,
 * decoding a C-ECHO-RSP, and the whole way from command to P-DATA-TF PDV and back through
 * the reassembler. Run with {@code -prof gc} for the bytes allocated per operation.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class CommandCodecBench {

    private int messageId;
    private byte[] echoRspEncoded;
    private Pdv echoRspPdv;
    private MessageAssembler assembler;

    @Setup
    public void setUp() {
        CommandSet rsp = new CommandSet()
                .putUi(Tag.AFFECTED_SOP_CLASS_UID, "1.2.840.10008.1.1")
                .putUs(Tag.COMMAND_FIELD, CommandField.C_ECHO_RSP)
                .putUs(Tag.MESSAGE_ID_BEING_RESPONDED_TO, 1)
                .putUs(Tag.COMMAND_DATA_SET_TYPE, CommandField.NO_DATA_SET)
                .putUs(Tag.STATUS, Status.SUCCESS);
        echoRspEncoded = rsp.encode();
        echoRspPdv = new Pdv(1, Pdv.COMMAND | Pdv.LAST, echoRspEncoded);
        assembler = new MessageAssembler(1 << 20);
    }

    private CommandSet echoRq() {
        return new CommandSet()
                .putUi(Tag.AFFECTED_SOP_CLASS_UID, "1.2.840.10008.1.1")
                .putUs(Tag.COMMAND_FIELD, CommandField.C_ECHO_RQ)
                .putUs(Tag.MESSAGE_ID, ++messageId & 0xFFFF)
                .putUs(Tag.COMMAND_DATA_SET_TYPE, CommandField.NO_DATA_SET);
    }

    /** A C-ECHO-RQ built and encoded, as echoscu does per echo. */
    @Benchmark
    public byte[] encodeEchoRq() {
        return echoRq().encode();
    }

    /** The same, cut into P-DATA-TF PDUs for a peer's maximum of 16384 (one PDU). */
    @Benchmark
    public List<PDataTf> encodeEchoRqAsPData() {
        return DimseChannel.fragment(1, echoRq().encode(), 16372);
    }

    /** A C-ECHO-RSP decoded and its status read. */
    @Benchmark
    public int decodeEchoRsp() throws DimseException {
        return CommandSet.decode(echoRspEncoded).us(Tag.STATUS);
    }

    /** A C-ECHO-RSP PDV through the reassembler, as DimseChannel receives it. */
    @Benchmark
    public Message assembleEchoRsp() throws DimseException {
        return assembler.feed(echoRspPdv);
    }
}
