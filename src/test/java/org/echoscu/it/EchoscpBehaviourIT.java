package org.echoscu.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedInputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.echoscu.acse.AssociationProposal;
import org.echoscu.pdu.AAbort;
import org.echoscu.pdu.AAssociateAc;
import org.echoscu.pdu.AAssociateRq;
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
            assertThat((System.nanoTime() - start) / 1_000_000).isBetween(500L, 5_000L);
        }
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
