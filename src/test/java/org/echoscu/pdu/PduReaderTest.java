package org.echoscu.pdu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Whole PDUs off a stream: framing, limits checked before allocation, early close. */
class PduReaderTest {

    /** Serves the given bytes, then either ends or serves zeros forever; counts what was taken. */
    static final class CountingStream extends InputStream {
        private final byte[] data;
        private final boolean endless;
        private final int maxPerRead;
        long consumed;

        CountingStream(byte[] data, boolean endless, int maxPerRead) {
            this.data = data;
            this.endless = endless;
            this.maxPerRead = maxPerRead;
        }

        static CountingStream of(byte[] data) {
            return new CountingStream(data, false, Integer.MAX_VALUE);
        }

        static CountingStream endless(byte[] prefix) {
            return new CountingStream(prefix, true, Integer.MAX_VALUE);
        }

        @Override
        public int read() {
            if (consumed < data.length) {
                return data[(int) consumed++] & 0xFF;
            }
            if (endless) {
                consumed++;
                return 0;
            }
            return -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (len == 0) {
                return 0;
            }
            int n = Math.min(len, maxPerRead);
            if (consumed < data.length) {
                n = (int) Math.min(n, data.length - consumed);
                System.arraycopy(data, (int) consumed, b, off, n);
            } else if (endless) {
                java.util.Arrays.fill(b, off, off + n, (byte) 0);
            } else {
                return -1;
            }
            consumed += n;
            return n;
        }
    }

    private static Throwable readFails(InputStream in, long maxPData) {
        return catchThrowable(() -> new PduReader(in).read(maxPData));
    }

    private static PduFormatException formatError(InputStream in, long maxPData) {
        Throwable t = readFails(in, maxPData);
        assertThat(t).isExactlyInstanceOf(PduFormatException.class);
        return (PduFormatException) t;
    }

    // ---- ordinary reading ----------------------------------------------------------------------

    // ---- the bytes as they came, for trace logging ---------------------------------------------

    @Test
    void lastBytesAreTheWholePduAsItCame() throws Exception {
        byte[] pdu = Hex.bytes(DcmtkAssociateAcTest.DCMTK_AC);
        byte[] stream = Hex.concat(pdu, PduEncoder.encode(new AReleaseRq()));
        PduReader reader = new PduReader(CountingStream.of(stream));
        assertThat(reader.lastBytes()).as("nothing read yet").isEmpty();

        reader.read(0);
        assertThat(Hex.string(reader.lastBytes())).isEqualTo(Hex.string(pdu));

        reader.read(0);
        assertThat(reader.lastBytes()).as("the latest PDU only").isEqualTo(PduEncoder.encode(new AReleaseRq()));
    }

    @Test
    void lastBytesOfAnUnrecognizedTypeAreItsHeader() {
        byte[] http = "HTTP/1.1 400 Bad Request\r\n".getBytes(StandardCharsets.US_ASCII);
        PduReader reader = new PduReader(CountingStream.of(http));
        assertThat(catchThrowable(() -> reader.read(0))).isInstanceOf(PduFormatException.class);
        assertThat(reader.lastBytes()).isEqualTo("HTTP/1".getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void lastBytesOfAPduThatFailsToDecodeAreAllOfIt() {
        byte[] bad = {4, 0, 0, 0, 0, 5, 0, 0, 0, 1, 1}; // a PDV item of length 1
        PduReader reader = new PduReader(CountingStream.of(bad));
        assertThat(catchThrowable(() -> reader.read(0))).isInstanceOf(PduFormatException.class);
        assertThat(reader.lastBytes()).isEqualTo(bad);
    }

    @Test
    void lastBytesOfAPduCutShortAreWhatCame() {
        byte[] cut = {4, 0, 0, 0, 0, 16, 0, 0, 0};
        PduReader reader = new PduReader(CountingStream.of(cut));
        assertThat(catchThrowable(() -> reader.read(0))).isInstanceOf(PeerClosedException.class);
        assertThat(reader.lastBytes()).isEqualTo(cut);

        byte[] header = {4, 0, 0};
        PduReader inHeader = new PduReader(CountingStream.of(header));
        assertThat(catchThrowable(() -> inHeader.read(0))).isInstanceOf(PeerClosedException.class);
        assertThat(inHeader.lastBytes()).isEqualTo(header);
    }

    @Test
    void lastBytesAfterAPduTooLongAreItsHeader() {
        byte[] header = {4, 0, 0, 0, 0x40, 1};
        PduReader reader = new PduReader(CountingStream.endless(header));
        assertThat(catchThrowable(() -> reader.read(16384))).isInstanceOf(PduFormatException.class);
        assertThat(reader.lastBytes()).isEqualTo(header);
    }

    @Test
    void readsConsecutivePdusFromOneStream() throws Exception {
        byte[] stream = Hex.concat(
                PduEncoder.encode(new AReleaseRq()),
                PduEncoder.encode(new PDataTf(List.of(new Pdv(1, 3, new byte[] {1, 2, 3, 4})))),
                PduEncoder.encode(DcmtkAssociateAcTest.EXPECTED),
                PduEncoder.encode(new AAbort(0, 0)));
        PduReader reader = new PduReader(CountingStream.of(stream));
        assertThat(reader.read(16384)).isEqualTo(new AReleaseRq());
        assertThat(reader.read(16384)).isEqualTo(new PDataTf(List.of(new Pdv(1, 3, new byte[] {1, 2, 3, 4}))));
        assertThat(reader.read(16384)).isEqualTo(DcmtkAssociateAcTest.EXPECTED);
        assertThat(reader.read(16384)).isEqualTo(new AAbort(0, 0));
        Throwable end = catchThrowable(() -> reader.read(16384));
        assertThat(end).isExactlyInstanceOf(PeerClosedException.class);
        assertThat(((PeerClosedException) end).betweenPdus()).as("closed at a PDU boundary").isTrue();
    }

    @Test
    void readsAPduThatArrivesOneByteAtATime() throws Exception {
        byte[] pdu = Hex.bytes(DcmtkAssociateAcTest.DCMTK_AC);
        PduReader reader = new PduReader(new CountingStream(pdu, false, 1));
        assertThat(reader.read(0)).isEqualTo(DcmtkAssociateAcTest.EXPECTED);
    }

    @Test
    void readsAPDataBodyLargerThanOneChunk() throws Exception {
        byte[] data = new byte[300_000];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i * 31);
        }
        PDataTf p = new PDataTf(List.of(new Pdv(1, 0, data), new Pdv(1, 2, new byte[] {9})));
        PduReader reader = new PduReader(new CountingStream(PduEncoder.encode(p), false, 7000));
        assertThat(reader.read(0)).isEqualTo(p);
    }

    @Test
    void pDataExactlyAtTheLimitIsReadOneOverIsRefused() throws Exception {
        // Body of 16384: one PDV of 4 + 2 + 16378 bytes.
        PDataTf atLimit = new PDataTf(List.of(new Pdv(1, 0, new byte[16378])));
        byte[] encoded = PduEncoder.encode(atLimit);
        assertThat(encoded.length - 6).isEqualTo(16384);
        assertThat(new PduReader(CountingStream.of(encoded)).read(16384)).isEqualTo(atLimit);

        PDataTf over = new PDataTf(List.of(new Pdv(1, 0, new byte[16379])));
        CountingStream in = CountingStream.of(PduEncoder.encode(over));
        PduFormatException e = formatError(in, 16384);
        assertThat(e.abortReason()).isEqualTo(AAbort.REASON_INVALID_PDU_PARAMETER_VALUE);
        assertThat(in.consumed).isEqualTo(6);
    }

    @Test
    void theLimitAppliesToPDataOnly() throws Exception {
        byte[] ac = Hex.bytes(DcmtkAssociateAcTest.DCMTK_AC);
        assertThat(new PduReader(CountingStream.of(ac)).read(16)).isEqualTo(DcmtkAssociateAcTest.EXPECTED);
    }

    // ---- stream closed early ----------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 5})
    void streamClosedInsideTheHeader(int length) {
        byte[] header = Hex.bytes("04 00 00 00 00 08");
        Throwable t = readFails(CountingStream.of(java.util.Arrays.copyOf(header, length)), 0);
        assertThat(t).isExactlyInstanceOf(PeerClosedException.class);
        // no byte at all is an orderly close between PDUs; any byte starts a PDU that was cut short
        assertThat(((PeerClosedException) t).betweenPdus()).isEqualTo(length == 0);
    }

    @Test
    void streamClosedInsideTheBody() {
        byte[] ac = Hex.bytes(DcmtkAssociateAcTest.DCMTK_AC);
        for (int cut = 6; cut < ac.length; cut += 7) {
            Throwable t = readFails(CountingStream.of(java.util.Arrays.copyOf(ac, cut)), 0);
            assertThat(t).as("cut at %d", cut).isExactlyInstanceOf(PeerClosedException.class);
        }
        Throwable t = readFails(CountingStream.of(Hex.bytes("07 00 00 00 00 04 | 00 00 02")), 0);
        assertThat(t).isExactlyInstanceOf(PeerClosedException.class).hasMessageContaining("3 of 4");
    }

    @Test
    void hugeAnnouncedPDataWithFewBytesCostsFewBytes() {
        // No limit of ours: the announced length passes, but only what arrives is buffered.
        byte[] stream = Hex.concat(Hex.bytes("04 00 7f ff ff f0"), new byte[1 << 20]);
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = mx.getCurrentThreadAllocatedBytes();
        Throwable t = readFails(CountingStream.of(stream), 0);
        long allocated = mx.getCurrentThreadAllocatedBytes() - before;
        assertThat(t).isExactlyInstanceOf(PeerClosedException.class).hasMessageContaining("1048576 of 2147483632");
        assertThat(allocated).as("bytes allocated while reading").isLessThan(16L << 20);
    }

    // ---- lengths refused before the body is read -----------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {
            "04 00 ff ff ff f0",   // P-DATA near 4 GiB, limit 16384
            "04 00 ff ff ff ff",
            "04 00 80 00 00 00",
            "04 00 00 00 40 01",   // limit + 1
            "01 00 ff ff ff ff",   // A-ASSOCIATE-RQ near 4 GiB
            "02 00 00 10 00 01",   // A-ASSOCIATE-AC of 1 MiB + 1
            "03 00 00 00 00 05",   // fixed-length PDUs announcing more than 4
            "05 00 ff ff ff ff",
            "06 00 00 00 01 00",
            "07 00 80 00 00 04",
    })
    void announcedLengthOverTheLimitIsRefusedAfterTheHeader(String header) {
        CountingStream in = CountingStream.endless(Hex.bytes(header));
        PduFormatException e = formatError(in, 16384);
        assertThat(e.abortReason()).isEqualTo(AAbort.REASON_INVALID_PDU_PARAMETER_VALUE);
        assertThat(in.consumed).as("bytes taken from the stream").isEqualTo(6);
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 16384, 0x7fff_fff7L, 0x8000_0000L, 0xffff_fff0L, 0xffff_ffffL, Long.MAX_VALUE})
    void pDataNear4GiBIsRefusedWhateverOurLimit(long maxPData) {
        CountingStream in = CountingStream.endless(Hex.bytes("04 00 ff ff ff f0"));
        PduFormatException e = formatError(in, maxPData);
        assertThat(e.abortReason()).isEqualTo(AAbort.REASON_INVALID_PDU_PARAMETER_VALUE);
        assertThat(in.consumed).isEqualTo(6);
    }

    @Test
    void associateAtOneMebibyteIsNotRefusedForItsLength() {
        // 1 MiB is the limit for A-ASSOCIATE: the reader goes on to read the body.
        Throwable t = readFails(CountingStream.of(Hex.bytes("01 00 00 10 00 00 | 00 01")), 0);
        assertThat(t).isExactlyInstanceOf(PeerClosedException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"03 00 00 00 00 00", "05 00 00 00 00 03", "06 00 00 00 00 01", "07 00 00 00 00 02"})
    void fixedLengthPduShorterThanFourIsAFormatError(String header) {
        PduFormatException e = formatError(CountingStream.of(Hex.concat(Hex.bytes(header), new byte[4])), 0);
        assertThat(e.abortReason()).isEqualTo(AAbort.REASON_INVALID_PDU_PARAMETER_VALUE);
    }

    @Test
    void zeroLengthPDataAndAssociateAreFormatErrors() {
        assertThat(formatError(CountingStream.of(Hex.bytes("04 00 00 00 00 00")), 0).abortReason())
                .isEqualTo(AAbort.REASON_INVALID_PDU_PARAMETER_VALUE);
        assertThat(formatError(CountingStream.of(Hex.bytes("01 00 00 00 00 00")), 0).abortReason())
                .isEqualTo(AAbort.REASON_INVALID_PDU_PARAMETER_VALUE);
    }

    // ---- peers that are not speaking DICOM ------------------------------------------------------

    @Test
    void httpResponseIsAnUnrecognizedPdu() {
        CountingStream in = CountingStream.of("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        PduFormatException e = formatError(in, 16384);
        assertThat(e.abortReason()).isEqualTo(AAbort.REASON_UNRECOGNIZED_PDU);
        assertThat(e.getMessage()).contains("0x48").contains("HTTP/1");
        assertThat(in.consumed).isEqualTo(6);
    }

    @Test
    void tlsClientHelloIsAnUnrecognizedPdu() {
        // TLS record: handshake (16H), version 3.1, length 00c8H, ClientHello (01H), ...
        CountingStream in = CountingStream.endless(Hex.bytes("16 03 01 00 c8 01 00 00 c4 03 03"));
        PduFormatException e = formatError(in, 16384);
        assertThat(e.abortReason()).isEqualTo(AAbort.REASON_UNRECOGNIZED_PDU);
        assertThat(e.getMessage()).contains("0x16").doesNotContain("\"");
        assertThat(in.consumed).isEqualTo(6);
    }

    @ParameterizedTest
    @ValueSource(ints = {0x00, 0x08, 0x20, 0x47, 0x80, 0xff})
    void otherUnknownTypes(int type) {
        byte[] header = Hex.bytes("00 00 00 00 00 04 | 00 00 00 00");
        header[0] = (byte) type;
        CountingStream in = CountingStream.of(header);
        assertThat(formatError(in, 0).abortReason()).isEqualTo(AAbort.REASON_UNRECOGNIZED_PDU);
        assertThat(in.consumed).isEqualTo(6);
    }

    @Test
    @SuppressWarnings("InputStreamSlowMultibyteRead") // fails on the first read, fast or slow
    void ioErrorsOfTheStreamPassThrough() {
        InputStream broken = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("connection reset");
            }
        };
        assertThat(readFails(broken, 0)).isExactlyInstanceOf(IOException.class).hasMessage("connection reset");
    }
}
