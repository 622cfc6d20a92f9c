package org.echoscu.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.echoscu.it.TlsRuns.args;
import static org.echoscu.it.TlsRuns.assertOneLine;
import static org.echoscu.it.TlsRuns.assertWithin;
import static org.echoscu.it.TlsRuns.clientTls;
import static org.echoscu.it.TlsRuns.negotiated;
import static org.echoscu.it.TlsRuns.pki;
import static org.echoscu.it.TlsRuns.serverTls;

import java.util.List;

import org.echoscu.Reference;
import org.echoscu.tls.TlsProfile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Interoperability with DCMTK 3.7.0 (its echoscu and storescp, found by {@link Dcmtk370}), both
 * directions: -pts 53, the +pg, +pm and +py profiles, server name indication, and a server
 * key too short for +pg. What DCMTK 3.7.0 prints is compared line for line where we print
 * the same.
 */
class Dcmtk370IT {

    @BeforeAll
    static void binariesStart() {
        Dcmtk370.bin();
    }

    @Test
    void ourEchoscuProposing53SyntaxesIsAnsweredLikeDcmtks() throws Exception {
        try (Server storescp = Dcmtk370.storescp()) {
            String port = String.valueOf(storescp.port);
            Run ours = Commands.echoscu("-v", "-pts", "53", "-ppc", "128", "127.0.0.1", port);
            Run theirs = Dcmtk370.echoscu("-v", "-pts", "53", "-ppc", "128", "127.0.0.1", port);
            assertThat(theirs.exitCode()).as(theirs.toString()).isZero();
            assertThat(ours.exitCode()).as(ours.toString()).isZero();
            assertThat(ours.stderrLines()).isEqualTo(theirs.stderrLines());
            List<String> reference = Reference.lines("dcmtk-3.7.0/success-verbose.txt");
            assertThat(ours.stderrLines()).isEqualTo(reference.subList(0, reference.size() - 1));
        }
    }

    /** Our -d request dump of -pts 53 is DCMTK 3.7.0's, line for line, but for our implementation's name. */
    @Test
    void debugDumpOfThe53SyntaxesIsDcmtks() throws Exception {
        try (Server storescp = Dcmtk370.storescp()) {
            String port = String.valueOf(storescp.port);
            Run ours = Commands.echoscu("-d", "-pts", "53", "127.0.0.1", port);
            Run theirs = Dcmtk370.echoscu("-d", "-pts", "53", "127.0.0.1", port);
            assertThat(ours.exitCode()).as(ours.toString()).isZero();
            assertThat(requestDump(ours)).isEqualTo(requestDump(theirs));
            assertThat(requestDump(ours)).isEqualTo(requestDump(Reference.lines("dcmtk-3.7.0/pts53-debug.txt")))
                    .contains("D:       =EncapsulatedUncompressedLittleEndianExplicit",
                            "D:       =DeflatedImageFrameCompression", "D:       =JPEGXL",
                            "D: Responding Application Name: ");
        }
    }

    private static List<String> requestDump(Run r) {
        return requestDump(r.stderrLines());
    }

    /** The A-ASSOCIATE-RQ dump, less the two lines naming the implementation. */
    private static List<String> requestDump(List<String> log) {
        int from = log.indexOf("D: ====================== BEGIN A-ASSOCIATE-RQ =====================");
        int to = log.indexOf("D: ======================= END A-ASSOCIATE-RQ ======================");
        assertThat(from).as("an A-ASSOCIATE-RQ dump in %s", log).isNotNegative();
        return log.subList(from, to + 1).stream().filter(l -> !l.startsWith("D: Our Implementation")).toList();
    }

    @Test
    void dcmtkProposing53SyntaxesToOurEchoscp() throws Exception {
        try (Server echoscp = Server.echoscp("-v")) {
            Run theirs = Dcmtk370.echoscu("-v", "-pts", "53", "-ppc", "128", "--repeat", "3", "127.0.0.1",
                    String.valueOf(echoscp.port));
            assertThat(theirs.exitCode()).as(theirs.toString() + echoscp.log()).isZero();
            assertThat(theirs.stderrLines()).contains("I: Received Echo Response (Success)");
        }
    }

    @ParameterizedTest
    @EnumSource(value = TlsProfile.class, names = {"RFC8996", "RFC8996_MODIFIED", "BCP195_ND"})
    void ourEchoscuAgainstTheirStorescp(TlsProfile profile) throws Exception {
        try (Server storescp = Dcmtk370.storescp(serverTls(profile).toArray(new String[0]))) {
            Run r = Commands.echoscu(args(clientTls(profile), "-d", "127.0.0.1", String.valueOf(storescp.port)));
            assertThat(r.exitCode()).as(r.toString() + storescp.log()).isZero();
            assertThat(r.stderr()).contains("I: Received Echo Response (Success)").doesNotContain("W: ", "E: ", "F: ");
            assertWithin(profile, negotiated(r.stderr()));
        }
    }

    @ParameterizedTest
    @EnumSource(value = TlsProfile.class, names = {"RFC8996", "RFC8996_MODIFIED", "BCP195_ND"})
    void theirEchoscuAgainstOurEchoscp(TlsProfile profile) throws Exception {
        try (Server echoscp = Server.echoscp(args(serverTls(profile), "-v"))) {
            Run r = Dcmtk370.echoscu(args(clientTls(profile), "-v", "127.0.0.1", String.valueOf(echoscp.port)));
            assertThat(r.exitCode()).as(r.toString() + echoscp.log()).isZero();
            List<String> reference = Reference.lines("dcmtk-3.7.0/tls-pm-verbose.txt");
            assertThat(r.stderrLines()).isEqualTo(reference.subList(0, reference.size() - 1));
            TlsRuns.Negotiated n = negotiated(TlsRuns.awaitLog(echoscp, "Association Release"));
            assertWithin(profile, n);
            assertThat(n.peer()).isEqualTo("CN=client,O=echoscu tests");
        }
    }

    /** Both clients offer ALPN "dicom" (as DCMTK 3.7.0 does), and our echoscp agrees to it. */
    @Test
    void clientsOfferAlpnDicom() throws Exception {
        try (Server echoscp = Server.echoscp(args(serverTls(TlsProfile.RFC8996), "-d"))) {
            String port = String.valueOf(echoscp.port);
            Run theirs = Dcmtk370.echoscu(args(clientTls(TlsProfile.RFC8996), "127.0.0.1", port));
            assertThat(theirs.exitCode()).as(theirs.toString() + echoscp.log()).isZero();
            assertThat(TlsRuns.awaitLog(echoscp, "Association Release"))
                    .contains("D: TLS: application protocol 'dicom' (ALPN)");
        }
        try (Server storescp = Dcmtk370.storescp(serverTls(TlsProfile.RFC8996).toArray(new String[0]))) {
            Run ours = Commands.echoscu(args(clientTls(TlsProfile.RFC8996), "-d", "127.0.0.1",
                    String.valueOf(storescp.port)));
            assertThat(ours.exitCode()).as(ours.toString()).isZero();
            assertThat(ours.stderrLines()).contains("D: TLS: application protocol 'dicom' (ALPN)");
        }
    }

    /** Without a TLS option on either side the default is +pg, and the two defaults agree. */
    @Test
    void defaultProfilesAgree() throws Exception {
        List<String> server = List.of("+tls", pki("server.key"), pki("server.pem"), "+cf", pki("ca.pem"));
        List<String> client = List.of("+tls", pki("client.key"), pki("client.pem"), "+cf", pki("ca.pem"));
        try (Server storescp = Dcmtk370.storescp(server.toArray(new String[0]));
             Server echoscp = Server.echoscp(args(server, "-v"))) {
            Run ours = Commands.echoscu(args(client, "-d", "127.0.0.1", String.valueOf(storescp.port)));
            assertThat(ours.exitCode()).as(ours.toString()).isZero();
            assertWithin(TlsProfile.RFC8996, negotiated(ours.stderr()));
            Run theirs = Dcmtk370.echoscu(args(client, "127.0.0.1", String.valueOf(echoscp.port)));
            assertThat(theirs.exitCode()).as(theirs.toString() + echoscp.log()).isZero();
        }
    }

    @Test
    void ourRequestedServerNameIsCheckedByTheirStorescp() throws Exception {
        try (Server storescp = Dcmtk370.storescp(args(serverTls(TlsProfile.RFC8996), "--expect-sni", "localhost"))) {
            String port = String.valueOf(storescp.port);
            Run match = Commands.echoscu(args(clientTls(TlsProfile.RFC8996), "-v", "--request-sni", "localhost",
                    "127.0.0.1", port));
            assertThat(match.exitCode()).as(match.toString()).isZero();
            List<String> reference = Reference.lines("dcmtk-3.7.0/tls-request-sni-match.txt");
            assertThat(match.stderrLines()).isEqualTo(reference.subList(0, reference.size() - 1));
            Run other = Commands.echoscu(args(clientTls(TlsProfile.RFC8996), "--request-sni", "otherhost",
                    "127.0.0.1", port));
            assertThat(other.exitCode()).isEqualTo(1);
            assertOneLine(other, "F: Association Request Failed: TLS handshake with 127.0.0.1 port " + port
                    + " failed: the server does not serve the server name 'otherhost' (alert unrecognized_name)");
            assertThat(TlsRuns.awaitLog(storescp, "SNI failure"))
                    .contains("E: SNI failure: client requested server 'otherhost', my name is 'localhost'.");
            // without --request-sni no name is sent (DCMTK's --no-sni), so a server expecting one serves us
            Run none = Commands.echoscu(args(clientTls(TlsProfile.RFC8996), "127.0.0.1", port));
            assertThat(none.exitCode()).as(none.toString()).isZero();
        }
    }

    @Test
    void theirRequestedServerNameIsCheckedByOurEchoscp() throws Exception {
        try (Server echoscp = Server.echoscp(args(serverTls(TlsProfile.RFC8996), "-v", "--expect-sni", "localhost"))) {
            String port = String.valueOf(echoscp.port);
            Run match = Dcmtk370.echoscu(args(clientTls(TlsProfile.RFC8996), "-v", "--request-sni", "localhost",
                    "127.0.0.1", port));
            assertThat(match.exitCode()).as(match.toString() + echoscp.log()).isZero();
            assertThat(TlsRuns.awaitLog(echoscp, "Association Release"))
                    .contains("I: TLS: client requested server name 'localhost'");
            Run other = Dcmtk370.echoscu(args(clientTls(TlsProfile.RFC8996), "-v", "--request-sni", "otherhost",
                    "127.0.0.1", port));
            List<String> reference = Reference.lines("dcmtk-3.7.0/tls-request-sni-mismatch.txt");
            assertThat(other.exitCode()).isEqualTo(1);
            assertThat(other.stderrLines()).isEqualTo(reference.subList(0, reference.size() - 1));
            assertThat(TlsRuns.awaitLog(echoscp, "SNI failure"))
                    .contains("E: SNI failure: client requested server 'otherhost', my name is 'localhost'.");
        }
    }

    /** A 1024-bit server key: refused by +pg clients, a warning under +py; a +pg server will not use it. */
    @Test
    void weakServerKeyIsRefusedUnderPgBothWays() throws Exception {
        List<String> weak = List.of("+tls", pki("weak.key"), pki("weak.pem"), "+cf", pki("ca.pem"), "+py");
        try (Server storescp = Dcmtk370.storescp(weak.toArray(new String[0]))) {
            String port = String.valueOf(storescp.port);
            Run pg = Commands.echoscu(args(clientTls(TlsProfile.RFC8996), "127.0.0.1", port));
            assertThat(pg.exitCode()).isEqualTo(1);
            assertOneLine(pg, "F: Association Request Failed: TLS handshake with 127.0.0.1 port " + port
                    + " failed: Server RSA key length too short: RFC 9325 requires at least 2048 bits, but server"
                    + " provided RSA certificate with 1024 bits. Refusing TLS connection.");
            Run py = Commands.echoscu(args(clientTls(TlsProfile.BCP195_ND), "-v", "127.0.0.1", port));
            assertThat(py.exitCode()).as(py.toString()).isZero();
            List<String> reference = Reference.lines("dcmtk-3.7.0/tls-py-weak-server-key.txt");
            assertThat(py.stderrLines()).isEqualTo(reference.subList(0, reference.size() - 1));
        }
        try (Server echoscp = Server.echoscp(args(weak, "-v"))) {
            Run theirs = Dcmtk370.echoscu(args(clientTls(TlsProfile.RFC8996), "-v", "127.0.0.1",
                    String.valueOf(echoscp.port)));
            List<String> reference = Reference.lines("dcmtk-3.7.0/tls-pg-weak-server-key.txt");
            assertThat(theirs.exitCode()).isEqualTo(1);
            assertThat(theirs.stderrLines()).isEqualTo(reference.subList(0, reference.size() - 1));
        }
        // as DCMTK's storescp, our echoscp will not serve a 1024-bit key under +pg
        Run refused = Commands.run(Commands.withPrefix(Commands.ROOT.resolve("bin/echoscp").toString(),
                "+tls", pki("weak.key"), pki("weak.pem"), "+cf", pki("ca.pem"), String.valueOf(Ports.free())),
                java.time.Duration.ofSeconds(60));
        assertThat(refused.exitCode()).isEqualTo(1);
        assertOneLine(refused, "F: Key length of RSA public key too short: RFC 9325 requires at least 2048 bits for"
                + " server RSA keys, but the key in certificate file '" + pki("weak.pem") + "' is only 1024 bits.");
    }
}
