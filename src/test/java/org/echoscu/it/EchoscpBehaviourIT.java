package org.echoscu.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.echoscu.acse.AssociationProposal;
import org.echoscu.pdu.AAbort;
import org.echoscu.pdu.AAssociateAc;
import org.echoscu.pdu.AAssociateRj;
import org.echoscu.pdu.AAssociateRq;
import org.echoscu.pdu.AReleaseRp;
import org.echoscu.pdu.AReleaseRq;
import org.echoscu.pdu.Pdu;
import org.echoscu.pdu.PduEncoder;
import org.echoscu.pdu.PduReader;
import org.echoscu.pdu.PresentationContextAc;
import org.echoscu.pdu.PresentationContextRq;
import org.junit.jupiter.api.Test;

/** echoscp's side of the protocol: ARTIM, malformed input, other abstract syntaxes, concurrency. */
class EchoscpBehaviourIT {

    private static Pdu readPdu(Socket s) throws Exception {
        return new PduReader(new BufferedInputStream(s.getInputStream())).read(0);
    }

    @Test
    void silentClientIsDisconnectedByTheArtimTimer() throws Exception {
        try (Server scp = Server.echoscp("-ta", "1");
             Socket silent = new Socket("127.0.0.1", scp.port)) {
            silent.setSoTimeout(10_000);
            long start = System.nanoTime();
            assertThat(silent.getInputStream().read()).isEqualTo(-1);
            assertThat(millisSince(start)).as("the ARTIM timer plus a second").isBetween(500L, 1_000L + 1_000L);
        }
    }

    @Test
    void aSocketTimeoutShorterThanArtimEndsTheWaitAndIsNamed() throws Exception {
        try (Server scp = Server.echoscp("-v", "-ta", "30", "-ts", "1");
             Socket silent = new Socket("127.0.0.1", scp.port)) {
            silent.setSoTimeout(10_000);
            long start = System.nanoTime();
            assertThat(silent.getInputStream().read()).isEqualTo(-1);
            assertThat(millisSince(start)).as("the socket timeout plus a second").isLessThan(1_000 + 1_000);
            awaitLog(scp, "ended without association: no A-ASSOCIATE-RQ within the socket timeout (1 s)");
        }
    }

    /** echoscp's A-ABORT after its DIMSE timeout; the client reads it but never closes. */
    @Test
    void theDimseTimeoutEndsAnAssociationWhoseClientNeverCloses() throws Exception {
        try (Server scp = Server.echoscp("-v", "-ta", "30", "-td", "1");
             Socket s = new Socket("127.0.0.1", scp.port)) {
            s.setSoTimeout(10_000);
            PduReader reader = new PduReader(new BufferedInputStream(s.getInputStream()));
            s.getOutputStream().write(PduEncoder.encode(new AssociationProposal("RAW", "ANY-SCP", 16384, 1, 1).toPdu()));
            assertThat(reader.read(0)).isInstanceOf(AAssociateAc.class);
            long start = System.nanoTime();
            assertThat(reader.read(0)).isInstanceOf(AAbort.class);
            assertThatThrownBy(() -> reader.read(0)).isInstanceOf(EOFException.class);
            assertThat(millisSince(start)).as("the DIMSE timeout plus a second").isLessThan(1_000 + 1_000);
            awaitLog(scp, "no answer within the DIMSE timeout (1 s)");
        }
    }

    /** After A-RELEASE-RP (and after A-ASSOCIATE-RJ) echoscp waits for the close at most its ARTIM timer. */
    @Test
    void artimBoundsTheWaitForTheClientsCloseAfterRelease() throws Exception {
        try (Server scp = Server.echoscp("-ta", "1");
             Socket s = new Socket("127.0.0.1", scp.port)) {
            s.setSoTimeout(10_000);
            PduReader reader = new PduReader(new BufferedInputStream(s.getInputStream()));
            s.getOutputStream().write(PduEncoder.encode(new AssociationProposal("RAW", "ANY-SCP", 16384, 1, 1).toPdu()));
            assertThat(reader.read(0)).isInstanceOf(AAssociateAc.class);
            s.getOutputStream().write(PduEncoder.encode(new AReleaseRq()));
            long start = System.nanoTime();
            assertThat(reader.read(0)).isEqualTo(new AReleaseRp());
            assertThatThrownBy(() -> reader.read(0)).isInstanceOf(EOFException.class);
            assertThat(millisSince(start)).as("the ARTIM timer plus a second").isLessThan(1_000 + 1_000);
        }
    }

    @Test
    void artimBoundsTheWaitForTheClientsCloseAfterARejection() throws Exception {
        try (Server scp = Server.echoscp("-ta", "1", "+ac", "KNOWN");
             Socket s = new Socket("127.0.0.1", scp.port)) {
            s.setSoTimeout(10_000);
            PduReader reader = new PduReader(new BufferedInputStream(s.getInputStream()));
            s.getOutputStream().write(PduEncoder.encode(new AssociationProposal("STRANGER", "ANY-SCP", 16384, 1, 1)
                    .toPdu()));
            long start = System.nanoTime();
            assertThat(reader.read(0)).isInstanceOf(AAssociateRj.class);
            assertThatThrownBy(() -> reader.read(0)).isInstanceOf(EOFException.class);
            assertThat(millisSince(start)).as("the ARTIM timer plus a second").isLessThan(1_000 + 1_000);
        }
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    /** echoscp logs a line once it is done with the connection, a moment after the close. */
    private static void awaitLog(Server scp, String expected) throws InterruptedException {
        long end = System.nanoTime() + 5_000_000_000L;
        while (!scp.log().contains(expected) && System.nanoTime() < end) {
            Thread.sleep(20);
        }
        assertThat(scp.log()).contains(expected);
    }

    @Test
    void nonDicomBytesGetAnAbortAndTheServerCarriesOn() throws Exception {
        try (Server scp = Server.echoscp()) {
            try (Socket http = new Socket("127.0.0.1", scp.port)) {
                http.setSoTimeout(10_000);
                http.getOutputStream().write("GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                Pdu answer = readPdu(http);
                assertThat(answer).isEqualTo(new AAbort(AAbort.SOURCE_SERVICE_USER, AAbort.REASON_NOT_SPECIFIED));
            }
            Run r = Commands.echoscu("127.0.0.1", String.valueOf(scp.port));
            assertThat(r.exitCode()).isZero();
        }
    }

    @Test
    void otherAbstractSyntaxesAreRejectedWithResultThree() throws Exception {
        try (Server scp = Server.echoscp();
             Socket s = new Socket("127.0.0.1", scp.port)) {
            s.setSoTimeout(10_000);
            AAssociateRq base = new AssociationProposal("RAW", "ANY-SCP", 16384, 1, 1).toPdu();
            AAssociateRq rq = new AAssociateRq(1, "ANY-SCP", "RAW", base.applicationContext(),
                    List.of(new PresentationContextRq(1, "1.2.840.10008.5.1.4.1.1.2", List.of("1.2.840.10008.1.2")),
                            new PresentationContextRq(3, "1.2.840.10008.1.1", List.of("1.2.3.4.5")),
                            new PresentationContextRq(5, "1.2.840.10008.1.1", List.of("1.2.3.4.5", "1.2.840.10008.1.2.1"))),
                    base.userInformation());
            OutputStream out = s.getOutputStream();
            out.write(PduEncoder.encode(rq));
            AAssociateAc ac = (AAssociateAc) readPdu(s);
            assertThat(ac.presentationContexts()).extracting(PresentationContextAc::id, PresentationContextAc::result)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(1, 3), org.assertj.core.groups.Tuple.tuple(3, 4),
                            org.assertj.core.groups.Tuple.tuple(5, 0));
            assertThat(ac.presentationContexts().get(2).transferSyntax()).isEqualTo("1.2.840.10008.1.2.1");
        }
    }

    @Test
    void silentConnectionsDoNotStallAWellBehavedClient() throws Exception {
        try (Server scp = Server.echoscp("-ta", "30")) {
            List<Socket> silent = new ArrayList<>();
            try {
                for (int i = 0; i < 50; i++) {
                    silent.add(new Socket("127.0.0.1", scp.port));
                }
                Run r = Commands.echoscu("-v", "127.0.0.1", String.valueOf(scp.port));
                assertThat(r.exitCode()).as(r.toString()).isZero();
                assertThat(r.millis()).isLessThan(5_000);
            } finally {
                for (Socket s : silent) {
                    s.close();
                }
            }
        }
    }

    @Test
    void badCommandLineExitsOne() {
        Run r = Commands.run(Commands.withPrefix(Commands.ROOT.resolve("bin/echoscp").toString(), "-ma", "0", "104"),
                java.time.Duration.ofSeconds(30));
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.stderr()).endsWith("error: Invalid value for option --max-associations (underflow: 0)\n");
        Run missing = Commands.run(List.of(Commands.ROOT.resolve("bin/echoscp").toString(), "-v"),
                java.time.Duration.ofSeconds(30));
        assertThat(missing.stderr()).endsWith("error: Missing parameter port\n");
    }

    @Test
    void portInUseIsAClearError() throws Exception {
        try (Server scp = Server.echoscp()) {
            Run r = Commands.run(List.of(Commands.ROOT.resolve("bin/echoscp").toString(), String.valueOf(scp.port)),
                    java.time.Duration.ofSeconds(30));
            assertThat(r.exitCode()).isEqualTo(1);
            assertThat(r.stderr()).startsWith("F: cannot listen on port " + scp.port);
        }
    }

}
