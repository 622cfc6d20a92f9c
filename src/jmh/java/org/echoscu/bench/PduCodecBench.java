package org.echoscu.bench;

import java.io.ByteArrayInputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.echoscu.acse.AcceptorPolicy;
import org.echoscu.acse.AssociationProposal;
import org.echoscu.acse.TransferSyntax;
import org.echoscu.dimse.CommandField;
import org.echoscu.dimse.CommandSet;
import org.echoscu.dimse.DimseChannel;
import org.echoscu.dimse.Tag;
import org.echoscu.pdu.AAssociateAc;
import org.echoscu.pdu.AAssociateRq;
import org.echoscu.pdu.PDataTf;
import org.echoscu.pdu.Pdu;
import org.echoscu.pdu.PduDecoder;
import org.echoscu.pdu.PduEncoder;
import org.echoscu.pdu.PduFormatException;
import org.echoscu.pdu.PduReader;
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
 * PDU encoding and decoding: the A-ASSOCIATE-RQ echoscu sends by default (one context, one
 * transfer syntax), the A-ASSOCIATE-AC echoscp answers it with, and the P-DATA-TF of every
 * echo. Run with {@code -prof gc} for the bytes allocated per operation (gc.alloc.rate.norm).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class PduCodecBench {

    private AAssociateRq rq;
    private AAssociateAc ac;
    private PDataTf echoRq;
    private byte[] rqBody;
    private byte[] acBody;
    private byte[] pDataBody;
    private byte[] pDataWire;

    @Setup
    public void setUp() {
        rq = new AssociationProposal("ECHOSCU", "ANY-SCP", 16384, 1, 1).toPdu();
        AcceptorPolicy policy = new AcceptorPolicy("ECHOSCP", false, Set.of(),
                TransferSyntax.firstUids(TransferSyntax.values().length), 16384);
        ac = ((AcceptorPolicy.Accept) policy.decide(rq)).ac();
        CommandSet cs = new CommandSet()
                .putUi(Tag.AFFECTED_SOP_CLASS_UID, "1.2.840.10008.1.1")
                .putUs(Tag.COMMAND_FIELD, CommandField.C_ECHO_RQ)
                .putUs(Tag.MESSAGE_ID, 1)
                .putUs(Tag.COMMAND_DATA_SET_TYPE, CommandField.NO_DATA_SET);
        List<PDataTf> fragments = DimseChannel.fragment(1, cs.encode(), 16372);
        echoRq = fragments.get(0);
        rqBody = body(PduEncoder.encode(rq));
        acBody = body(PduEncoder.encode(ac));
        pDataWire = PduEncoder.encode(echoRq);
        pDataBody = body(pDataWire);
    }

    private static byte[] body(byte[] pdu) {
        return Arrays.copyOfRange(pdu, 6, pdu.length);
    }

    @Benchmark
    public byte[] encodeAssociateRq() {
        return PduEncoder.encode(rq);
    }

    @Benchmark
    public Pdu decodeAssociateRq() throws PduFormatException {
        return PduDecoder.decode(Pdu.TYPE_ASSOCIATE_RQ, rqBody);
    }

    @Benchmark
    public byte[] encodeAssociateAc() {
        return PduEncoder.encode(ac);
    }

    @Benchmark
    public Pdu decodeAssociateAc() throws PduFormatException {
        return PduDecoder.decode(Pdu.TYPE_ASSOCIATE_AC, acBody);
    }

    @Benchmark
    public byte[] encodeEchoPData() {
        return PduEncoder.encode(echoRq);
    }

    @Benchmark
    public Pdu decodeEchoPData() throws PduFormatException {
        return PduDecoder.decode(Pdu.TYPE_P_DATA_TF, pDataBody);
    }

    /** What Transport does per message received, minus the socket: header, bounded body, decode. */
    @Benchmark
    public Pdu readEchoPDataFromStream() throws Exception {
        return new PduReader(new ByteArrayInputStream(pDataWire)).read(16384);
    }
}
