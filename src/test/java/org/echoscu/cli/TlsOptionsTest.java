package org.echoscu.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.echoscu.tls.CrlMode;
import org.echoscu.tls.PeerCertificate;
import org.echoscu.tls.TlsProfile;
import org.echoscu.tls.TlsSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The TLS options of both commands: DCMTK's dependency and conflict messages, and what they mean. */
class TlsOptionsTest {

    private record Result(int code, String out, String err) {
    }

    private static Result run(boolean client, String args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        String[] argv = args.trim().split(" +");
        int code = client ? EchoscuCommand.run(argv, o, e) : EchoscpCommand.run(argv, o, e);
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "+pw x foo 1                              | --use-passwd only allowed with --enable-tls",
            "+tla -pw foo 1                           | --null-passwd only allowed with --enable-tls",
            "+tla +ps foo 1                           | --std-passwd only allowed with --enable-tls",
            "+tls k c -tls +pw x foo 1                | --use-passwd only allowed with --enable-tls",
            "-der foo 1                               | --der-keys only allowed with --enable-tls or --anonymous-tls",
            "-pem foo 1                               | --pem-keys only allowed with --enable-tls or --anonymous-tls",
            "+rs seed foo 1                           | --seed only allowed with --enable-tls or --anonymous-tls",
            "+ws foo 1                                | --write-seed only allowed with --enable-tls or --anonymous-tls",
            "+tla +ws foo 1                           | --write-seed only allowed with --seed",
            "+tla +wf f foo 1                         | --write-seed-file only allowed with --seed",
            "-rc foo 1                                | --require-peer-cert only allowed with --enable-tls or --anonymous-tls",
            "-ic foo 1                                | --ignore-peer-cert only allowed with --enable-tls or --anonymous-tls",
            "+px foo 1                                | --profile-bcp195 only allowed with --enable-tls or --anonymous-tls",
            "+pn foo 1                                | --profile-null only allowed with --enable-tls or --anonymous-tls",
            "+cf ca foo 1                             | --add-cert-file only allowed with --enable-tls or --anonymous-tls",
            "+cd dir foo 1                            | --add-cert-dir only allowed with --enable-tls or --anonymous-tls",
            "+crl f foo 1                             | --add-crl-file only allowed with --enable-tls or --anonymous-tls",
            "+crv foo 1                               | --enable-crl-vfy only allowed with --enable-tls or --anonymous-tls",
            "+cra foo 1                               | --enable-crl-all only allowed with --enable-tls or --anonymous-tls",
            "--no-sni --request-sni x foo 1           | --no-sni not allowed with --request-sni",
            "+pg foo 1                                | --profile-8996 only allowed with --enable-tls or --anonymous-tls",
            "+pm foo 1                                | --profile-8996-mod only allowed with --enable-tls or --anonymous-tls",
            "+cs TLS_RSA_WITH_AES_128_CBC_SHA foo 1   | --cipher only allowed with --enable-tls or --anonymous-tls",
            "+tla +pz +cs TLS_RSA_WITH_AES_128_CBC_SHA foo 1 | --cipher not allowed with --profile-bcp195-ex",
            "+tls key foo                             | Missing parameter peer",
    })
    void echoscuRefusesInDcmtksWords(String args, String message) {
        assertRefused(args, message);
    }

    /**
     * A +cs suite the profile does not allow is refused when the TLS layer is built, as DCMTK
     * 3.7.0 does: two fatal lines, exit 1, before any connection (the peer "foo" is never looked up).
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "+tla +cs TLS_RSA_WITH_NULL_SHA foo 1     | Unencrypted ciphersuite 'TLS_RSA_WITH_NULL_SHA' not permitted with security profile 'BCP 195 RFC 8996 TLS Profile'",
            "+tla +py +cs SSL_RSA_WITH_NULL_SHA foo 1 | Unencrypted ciphersuite 'TLS_RSA_WITH_NULL_SHA' not permitted with security profile 'Non-downgrading BCP 195 TLS Profile'",
            "+tla +pn +pa +cs TLS_RSA_WITH_NULL_SHA foo 1 | Unencrypted ciphersuite 'TLS_RSA_WITH_NULL_SHA' not permitted with security profile 'AES TLS Secure Transport Connection Profile'",
            "+tla +cs TLS_RSA_WITH_AES_128_CBC_SHA foo 1 | Ciphersuite 'TLS_RSA_WITH_AES_128_CBC_SHA' using SHA-1 MAC not permitted with security profile 'BCP 195 RFC 8996 TLS Profile'",
            "+tla +pm +cs TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256 foo 1 | Additional ciphersuites not permitted with security profile 'Modified BCP 195 RFC 8996 TLS Profile'",
    })
    void suitesTheProfileForbidsAreRefusedLikeDcmtk370(String args, String message) throws Exception {
        TlsSettings s = settings(true, args);
        assertThatThrownBy(() -> org.echoscu.tls.TlsSocketLayer.create(s, 5))
                .isInstanceOf(org.echoscu.tls.TlsSetupException.class)
                .hasMessage(message + "\n000b:000a Ciphersuite not allowed in current DICOM security profile");
    }

    @org.junit.jupiter.api.Test
    void crlChecksAreExclusiveAndTheRightmostWins() throws Exception {
        assertThat(settings(true, "+tla +crv +cra foo 104").crlMode()).isEqualTo(CrlMode.CHAIN);
        assertThat(settings(true, "+tla +cra +crv foo 104").crlMode()).isEqualTo(CrlMode.LEAF);
        assertThat(settings(true, "+tla +cra +crl x.crl foo 104").crlMode()).isEqualTo(CrlMode.CHAIN);
    }

    @org.junit.jupiter.api.Test
    void serverNamesLandInTheSettings() throws Exception {
        assertThat(settings(true, "+tla foo 104").requestedSni()).isNull();
        assertThat(settings(true, "+tla --request-sni pacs.example foo 104").requestedSni()).isEqualTo("pacs.example");
        assertThat(settings(false, "+tls k c --expect-sni pacs.example 104").expectedSni()).isEqualTo("pacs.example");
        assertThat(settings(false, "+tls k c 104").expectedSni()).isNull();
    }

    private static void assertRefused(String args, String message) {
        Result r = run(true, args);
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).endsWith("error: " + message + "\n");
        assertThat(r.out()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "+tla 104                   | Unknown option +tla",
            "+vc cert.pem 104           | Unknown option +vc",
            "-vc 104                    | --verify-peer-cert only allowed with --enable-tls",
            "-rc 104                    | --require-peer-cert only allowed with --enable-tls",
            "+cf ca 104                 | --add-cert-file only allowed with --enable-tls",
            "+tls k c +pz +cs X 104     | --cipher not allowed with --profile-bcp195-ex",
            "--request-sni x 104        | Unknown option --request-sni",
            "+tls k c --no-sni --expect-sni x 104 | --no-sni not allowed with --expect-sni",
    })
    void echoscpRefusesInDcmtksWords(String args, String message) {
        Result r = run(false, args);
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).endsWith("error: " + message + "\n");
    }

    private static TlsSettings settings(boolean client, String args) throws UsageException {
        OptionTable table = client ? EchoscuCommand.table() : EchoscpCommand.table();
        ParsedArgs p = DcmtkParser.parse(table, List.of(args.trim().split(" +")));
        return TlsOptions.check(p, client) ? TlsRuntime.settings(p, client) : null;
    }

    @Test
    void plainTcpHasNoTlsSettings() throws Exception {
        assertThat(settings(true, "-v foo 104")).isNull();
        assertThat(settings(true, "+tls k c -tls foo 104")).isNull();
        assertThat(settings(false, "104")).isNull();
    }

    @Test
    void everyOptionLandsInTheSettings() throws Exception {
        TlsSettings s = settings(true, "+tls k.pem c.pem +pw pass -der +cf a.pem +cf b.pem +cd dir +crl x.crl +py"
                + " +cs TLS_RSA_WITH_AES_256_GCM_SHA384 -ic +rs seed +ws foo 104");
        assertThat(s.client()).isTrue();
        assertThat(s.keyFile()).isEqualTo("k.pem");
        assertThat(s.certFile()).isEqualTo("c.pem");
        assertThat(s.passwords().password("k.pem")).containsExactly("pass".toCharArray());
        assertThat(s.der()).isTrue();
        assertThat(s.caFiles()).containsExactly("a.pem", "b.pem");
        assertThat(s.caDirs()).containsExactly("dir");
        assertThat(s.crlFiles()).containsExactly("x.crl");
        assertThat(s.crlMode()).isEqualTo(CrlMode.LEAF);
        assertThat(s.profile()).isEqualTo(TlsProfile.BCP195_ND);
        assertThat(s.addedSuites()).containsExactly("TLS_RSA_WITH_AES_256_GCM_SHA384");
        assertThat(s.peer()).isEqualTo(PeerCertificate.IGNORE);
        assertThat(s.seedFile()).isEqualTo("seed");
        assertThat(s.writeSeedFile()).isEqualTo("seed");
    }

    @Test
    void defaultsAndRightmostWins() throws Exception {
        TlsSettings s = settings(true, "+tla foo 104");
        assertThat(s.anonymous()).isTrue();
        assertThat(s.profile()).isEqualTo(TlsProfile.RFC8996);
        assertThat(s.peer()).isEqualTo(PeerCertificate.REQUIRE);
        assertThat(s.crlMode()).isEqualTo(CrlMode.NONE);
        assertThat(s.der()).isFalse();
        assertThat(s.writeSeedFile()).isNull();
        assertThat(settings(true, "+tla +pa +pn +px foo 104").profile()).isEqualTo(TlsProfile.BCP195);
        assertThat(settings(true, "+tla +crv foo 104").crlMode()).isEqualTo(CrlMode.LEAF);
        assertThat(settings(true, "+tla +cra foo 104").crlMode()).isEqualTo(CrlMode.CHAIN);
        assertThat(settings(true, "+tla -ic -rc foo 104").peer()).isEqualTo(PeerCertificate.REQUIRE);
        assertThat(settings(true, "+tla +rs a +wf b foo 104").writeSeedFile()).isEqualTo("b");
        assertThat(settings(true, "+tls k c +pw x -pw foo 104").passwords().password("k")).isEmpty();
        assertThat(settings(true, "+tla +tls k c foo 104").anonymous()).isFalse();
        assertThat(settings(true, "+tls k c +tla foo 104").anonymous()).isTrue();
    }

    @Test
    void echoscpHasTheAcceptorsChoices() throws Exception {
        assertThat(settings(false, "+tls k c 104").peer()).isEqualTo(PeerCertificate.REQUIRE);
        assertThat(settings(false, "+tls k c -vc 104").peer()).isEqualTo(PeerCertificate.VERIFY_IF_PRESENT);
        assertThat(settings(false, "+tls k c -ic 104").peer()).isEqualTo(PeerCertificate.IGNORE);
        assertThat(settings(false, "+tls k c +pn 104").profile()).isEqualTo(TlsProfile.NULL);
        assertThat(settings(false, "+tls k c 104").client()).isFalse();
    }

    @Test
    void offlineChecksNeedNoTlsAndNoParameters() throws Exception {
        assertThat(settings(true, "+cf ca.pem +vc cert.pem").caFiles()).containsExactly("ca.pem");
        Result r = run(true, "+cf /nonexistent/ca.pem +vc /nonexistent/cert.pem");
        assertThat(r.code()).isEqualTo(22);
        assertThat(r.out()).isEqualTo("Verification of certificate '/nonexistent/cert.pem' failed.\n");
        Result root = run(true, "+rc /nonexistent/ca.pem");
        assertThat(root.code()).isEqualTo(22);
        assertThat(root.out()).isEqualTo("Certificate '/nonexistent/ca.pem' is not a valid, self-signed root CA.\n");
    }
}
