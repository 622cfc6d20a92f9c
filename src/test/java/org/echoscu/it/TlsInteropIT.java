package org.echoscu.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.echoscu.it.TlsRuns.args;
import static org.echoscu.it.TlsRuns.assertWithin;
import static org.echoscu.it.TlsRuns.clientTls;
import static org.echoscu.it.TlsRuns.negotiated;
import static org.echoscu.it.TlsRuns.pki;
import static org.echoscu.it.TlsRuns.serverTls;

import java.util.List;

import org.echoscu.tls.TlsProfile;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * TLS against DCMTK 3.6.7 (OpenSSL 3) on loopback, under every profile both sides support:
 * +px, +py, +pz, +pa and +pn. DCMTK's OpenSSL has no 3DES, so DCMTK offers no +pb; that
 * profile is proven between our own two tools (TlsEchoscpIT).
 */
class TlsInteropIT {

    /** The profiles DCMTK 3.6.7 with Debian's OpenSSL 3 offers (its help lists no +pb). */
    private static final List<String> BOTH = List.of("BCP195", "BCP195_ND", "BCP195_EX", "AES", "NULL");

    @ParameterizedTest
    @EnumSource(value = TlsProfile.class, names = {"BCP195", "BCP195_ND", "BCP195_EX", "AES", "NULL"})
    void ourEchoscuWithCertificateAgainstStorescp(TlsProfile profile) throws Exception {
        assertThat(BOTH).contains(profile.name());
        try (Server storescp = Server.storescp(serverTls(profile).toArray(new String[0]))) {
            Run r = Commands.echoscu(args(clientTls(profile), "-d", "127.0.0.1", String.valueOf(storescp.port)));
            assertThat(r.exitCode()).as(r.toString()).isZero();
            assertThat(r.stderr()).contains("I: Received Echo Response (Success)").doesNotContain("F: ");
            TlsRuns.Negotiated n = negotiated(r.stderr());
            assertWithin(profile, n);
            assertThat(n.peer()).isEqualTo("CN=localhost,O=echoscu tests");
        }
    }

    @ParameterizedTest
    @EnumSource(value = TlsProfile.class, names = {"BCP195", "BCP195_ND", "BCP195_EX", "AES", "NULL"})
    void ourEchoscuAnonymousAgainstStorescpThatVerifiesIfPresent(TlsProfile profile) throws Exception {
        try (Server storescp = Server.storescp(args(serverTls(profile), "-vc"))) {
            Run r = Commands.echoscu("-d", "+tla", "+cf", pki("ca.pem"), profile.option(), "127.0.0.1",
                    String.valueOf(storescp.port));
            assertThat(r.exitCode()).as(r.toString()).isZero();
            assertWithin(profile, negotiated(r.stderr()));
        }
    }

    @ParameterizedTest
    @EnumSource(value = TlsProfile.class, names = {"BCP195", "BCP195_ND", "BCP195_EX", "AES", "NULL"})
    void dcmtkEchoscuWithCertificateAgainstOurEchoscpRequiringOne(TlsProfile profile) throws Exception {
        try (Server echoscp = Server.echoscp(args(serverTls(profile), "-v", "-rc"))) {
            Run r = Commands.dcmtk("echoscu", args(clientTls(profile), "-v", "127.0.0.1",
                    String.valueOf(echoscp.port)));
            assertThat(r.exitCode()).as(r.toString() + echoscp.log()).isZero();
            assertThat(r.stderr()).contains("I: Received Echo Response (Success)");
            String log = TlsRuns.awaitLog(echoscp, "Association Release");
            TlsRuns.Negotiated n = negotiated(log);
            assertWithin(profile, n);
            assertThat(n.peer()).as("the client certificate was verified").isEqualTo("CN=client,O=echoscu tests");
        }
    }

    @ParameterizedTest
    @EnumSource(value = TlsProfile.class, names = {"BCP195", "BCP195_ND", "BCP195_EX", "AES", "NULL"})
    void dcmtkEchoscuAnonymousAgainstOurEchoscpThatVerifiesIfPresent(TlsProfile profile) throws Exception {
        try (Server echoscp = Server.echoscp(args(serverTls(profile), "-v", "-vc"))) {
            Run r = Commands.dcmtk("echoscu", "+tla", "+cf", pki("ca.pem"), profile.option(), "127.0.0.1",
                    String.valueOf(echoscp.port));
            assertThat(r.exitCode()).as(r.toString() + echoscp.log()).isZero();
            assertThat(negotiated(TlsRuns.awaitLog(echoscp, "Association Release")).peer()).isEqualTo("none");
        }
    }

    /** The Extended profile's ECDSA suites, with an EC key on either side. */
    @org.junit.jupiter.api.Test
    void ecdsaUnderTheExtendedProfileBothWays() throws Exception {
        List<String> ecServer = List.of("+tls", pki("ec.key"), pki("ec.pem"), "+cf", pki("ca.pem"), "+pz");
        try (Server storescp = Server.storescp(ecServer.toArray(new String[0]))) {
            Run r = Commands.echoscu(args(clientTls(TlsProfile.BCP195_EX), "-d", "127.0.0.1",
                    String.valueOf(storescp.port)));
            assertThat(r.exitCode()).as(r.toString()).isZero();
            assertThat(negotiated(r.stderr()).suite()).startsWith("TLS_ECDHE_ECDSA_WITH_AES_");
        }
        try (Server echoscp = Server.echoscp(args(ecServer, "-v"))) {
            Run r = Commands.dcmtk("echoscu", args(clientTls(TlsProfile.BCP195_EX), "127.0.0.1",
                    String.valueOf(echoscp.port)));
            assertThat(r.exitCode()).as(r.toString() + echoscp.log()).isZero();
            TlsRuns.Negotiated n = negotiated(TlsRuns.awaitLog(echoscp, "Association Release"));
            assertWithin(TlsProfile.BCP195_EX, n);
            assertThat(n.suite()).startsWith("TLS_ECDHE_ECDSA_WITH_AES_");
        }
    }

    /**
     * DCMTK 3.7.0's profiles and options against 3.6.7, which has neither +pg nor +pm nor SNI:
     * our +pg and +pm clients meet its default (+py) over TLS 1.3, its client meets our +pg
     * server, a requested server name is ignored by it, and a 1024-bit key it serves under
     * +px is refused by our +pg client.
     */
    @ParameterizedTest
    @EnumSource(value = TlsProfile.class, names = {"RFC8996", "RFC8996_MODIFIED"})
    void dcmtk370ProfilesAgainstDcmtk367(TlsProfile profile) throws Exception {
        List<String> server = List.of("+tls", pki("server.key"), pki("server.pem"), "+cf", pki("ca.pem"));
        try (Server storescp = Server.storescp(server.toArray(new String[0]))) {
            Run r = Commands.echoscu(args(clientTls(profile), "-d", "--request-sni", "localhost", "127.0.0.1",
                    String.valueOf(storescp.port)));
            assertThat(r.exitCode()).as(r.toString()).isZero();
            assertWithin(profile, negotiated(r.stderr()));
        }
        try (Server echoscp = Server.echoscp(args(serverTls(profile), "-v"))) {
            Run r = Commands.dcmtk("echoscu", args(List.of("+tls", pki("client.key"), pki("client.pem"), "+cf",
                    pki("ca.pem")), "127.0.0.1", String.valueOf(echoscp.port)));
            assertThat(r.exitCode()).as(r.toString() + echoscp.log()).isZero();
            assertWithin(profile, negotiated(TlsRuns.awaitLog(echoscp, "Association Release")));
        }
    }

    @org.junit.jupiter.api.Test
    void weakServerKeyOfDcmtk367IsRefusedUnderPg() throws Exception {
        try (Server storescp = Server.storescp("+tls", pki("weak.key"), pki("weak.pem"), "+cf", pki("ca.pem"), "+px")) {
            String port = String.valueOf(storescp.port);
            Run pg = Commands.echoscu(args(clientTls(TlsProfile.RFC8996), "127.0.0.1", port));
            assertThat(pg.exitCode()).isEqualTo(1);
            TlsRuns.assertOneLine(pg, "F: Association Request Failed: TLS handshake with 127.0.0.1 port " + port
                    + " failed: Server RSA key length too short: RFC 9325 requires at least 2048 bits");
            Run px = Commands.echoscu(args(clientTls(TlsProfile.BCP195), "127.0.0.1", port));
            assertThat(px.exitCode()).as(px.toString()).isZero();
            assertThat(px.stderrLines()).containsExactly("W: RSA key length too short: RFC 9325 recommends at least"
                    + " 2048 bits, but peer provided RSA certificate with 1024 bits.");
        }
    }

    /** A static RSA suite added under +pg draws DCMTK 3.7.0's warning, and the echo goes on. */
    @org.junit.jupiter.api.Test
    void staticRsaSuiteUnderPgIsAWarning() throws Exception {
        try (Server storescp = Server.storescp(serverTls(TlsProfile.BCP195_ND).toArray(new String[0]))) {
            Run r = Commands.echoscu(args(clientTls(TlsProfile.RFC8996), "-v", "+cs",
                    "TLS_RSA_WITH_AES_128_GCM_SHA256", "127.0.0.1", String.valueOf(storescp.port)));
            List<String> reference = org.echoscu.Reference.lines("dcmtk-3.7.0/tls-pg-cs-rsa-warn.txt");
            assertThat(r.exitCode()).as(r.toString()).isZero();
            assertThat(r.stderrLines()).isEqualTo(reference.subList(0, reference.size() - 1));
        }
    }
}
