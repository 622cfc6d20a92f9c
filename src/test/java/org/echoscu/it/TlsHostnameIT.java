package org.echoscu.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.echoscu.it.TlsRuns.pki;

import org.junit.jupiter.api.Test;

/**
 * --check-hostname against real TLS servers: DCMTK's storescp and our echoscp with the test
 * PKI's server certificate (DNS:localhost, IP:127.0.0.1), and our echoscp with a certificate
 * for other names only, whose refusal lists those names.
 */
class TlsHostnameIT {

    private static final String[] SERVER = {"+tls", pki("server.key"), pki("server.pem"), "+cf", pki("ca.pem"), "-ic"};

    private static Run echoscu(String host, int port, String... more) {
        String[] base = {"-d", "+tla", "+cf", pki("ca.pem")};
        String[] args = new String[base.length + more.length + 2];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(more, 0, args, base.length, more.length);
        args[args.length - 2] = host;
        args[args.length - 1] = String.valueOf(port);
        return Commands.echoscu(args);
    }

    @Test
    void storescpsCertificateMatchesByNameAndByAddress() throws Exception {
        try (Server storescp = Server.storescp(SERVER)) {
            for (String host : new String[] {"localhost", "127.0.0.1"}) {
                Run r = echoscu(host, storescp.port, "--check-hostname");
                assertThat(r.exitCode()).as(r.toString()).isZero();
                assertThat(r.stderr()).contains("server certificate matches host name '" + host + "'");
            }
        }
    }

    @Test
    void certificateForOtherNamesIsRefusedNamingItsNames() throws Exception {
        try (Server echoscp = Server.echoscp("+tls", pki("server.key"), pki("server-elsewhere.pem"), "+cf",
                pki("ca.pem"), "-ic")) {
            Run checked = Commands.echoscu("+tla", "+cf", pki("ca.pem"), "--check-hostname", "127.0.0.1",
                    String.valueOf(echoscp.port));
            assertThat(checked.exitCode()).isEqualTo(1);
            TlsRuns.assertOneLine(checked, "F: Association Request Failed: TLS handshake with 127.0.0.1 port ");
            assertThat(checked.stderr()).contains("the server certificate (CN=dicom.example.org,O=echoscu tests) does"
                    + " not match the host name '127.0.0.1': it is for DNS:dicom.example.org, DNS:*.pacs.example.org,"
                    + " IP:192.0.2.7 (--check-hostname)");
            // off by default, as in DCMTK: the same certificate is then accepted
            Run unchecked = echoscu("127.0.0.1", echoscp.port);
            assertThat(unchecked.exitCode()).as(unchecked.toString()).isZero();
        }
    }

    @Test
    void theNameSentInSniIsTheNameChecked() throws Exception {
        try (Server echoscp = Server.echoscp("+tls", pki("server.key"), pki("server-elsewhere.pem"), "+cf",
                pki("ca.pem"), "-ic")) {
            String port = String.valueOf(echoscp.port);
            Run sni = Commands.echoscu("-d", "+tla", "+cf", pki("ca.pem"), "--check-hostname", "--request-sni",
                    "dicom.example.org", "127.0.0.1", port);
            assertThat(sni.exitCode()).as(sni.toString()).isZero();
            assertThat(sni.stderr()).contains("server certificate matches host name 'dicom.example.org'");
            Run wildcard = Commands.echoscu("+tla", "+cf", pki("ca.pem"), "--check-hostname", "--request-sni",
                    "ct.pacs.example.org", "127.0.0.1", port);
            assertThat(wildcard.exitCode()).as(wildcard.toString()).isZero();
            Run other = Commands.echoscu("+tla", "+cf", pki("ca.pem"), "--check-hostname", "--request-sni",
                    "mri.example.org", "127.0.0.1", port);
            assertThat(other.exitCode()).isEqualTo(1);
            assertThat(other.stderr()).contains("does not match the host name 'mri.example.org'");
        }
    }

    @Test
    void onlyWithTls() {
        Run r = Commands.echoscu("--check-hostname", "127.0.0.1", "104");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.stderrLines()).contains("error: --check-hostname only allowed with --enable-tls or --anonymous-tls");
    }
}
