package org.echoscu.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.echoscu.it.TlsRuns.args;
import static org.echoscu.it.TlsRuns.assertWithin;
import static org.echoscu.it.TlsRuns.clientTls;
import static org.echoscu.it.TlsRuns.negotiated;
import static org.echoscu.it.TlsRuns.pki;
import static org.echoscu.it.TlsRuns.serverTls;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.echoscu.Reference;
import org.echoscu.tls.TestPki;
import org.echoscu.tls.TlsProfile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Our echoscu against our echoscp over TLS: all six profiles (+pb only here: DCMTK's
 * OpenSSL has no 3DES), every key form on the server side, +ps from standard input, +cs,
 * seeds, CRLs, -ic; and +cc / --list-profiles telling what this JVM can do.
 */
class TlsEchoscpIT {

    private static Server plain;

    @BeforeAll
    static void start() {
        plain = Server.echoscp(args(serverTls(TlsProfile.BCP195), "-v"));
    }

    @AfterAll
    static void stop() throws InterruptedException {
        plain.close();
    }

    @ParameterizedTest
    @EnumSource(TlsProfile.class)
    void everyProfileWithCertificatesAndAnonymously(TlsProfile profile) throws Exception {
        try (Server echoscp = Server.echoscp(args(serverTls(profile), "-v", "-vc"))) {
            String port = String.valueOf(echoscp.port);
            Run r = Commands.echoscu(args(clientTls(profile), "-d", "127.0.0.1", port));
            assertThat(r.exitCode()).as(r.toString()).isZero();
            assertWithin(profile, negotiated(r.stderr()));
            Run anonymous = Commands.echoscu("-d", "+tla", "+cf", pki("ca.pem"), profile.option(), "127.0.0.1", port);
            assertThat(anonymous.exitCode()).as(anonymous.toString()).isZero();
            TlsRuns.Negotiated n = negotiated(anonymous.stderr());
            assertWithin(profile, n);
            if (profile == TlsProfile.BASIC) {
                assertThat(n.suite()).isEqualTo("TLS_RSA_WITH_3DES_EDE_CBC_SHA");
            }
            if (profile == TlsProfile.NULL) {
                assertThat(n.suite()).isEqualTo("TLS_RSA_WITH_NULL_SHA");
            }
        }
    }

    /** The server's key in every form OpenSSL writes it; the encrypted ones with +pw. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "server-pkcs1.key,         server.pem,     ''",
            "server-pkcs8-enc.key,     server.pem,     +pw",
            "server-legacy-aes.key,    server.pem,     +pw",
            "server-legacy-3des.key,   server.pem,     +pw",
            "server.key.der,           server.pem.der, -der",
            "server-pkcs1.key.der,     server.pem.der, -der",
            "server-pkcs8-enc.key.der, server.pem.der, -der +pw",
            "ec.key,                   ec.pem,         +pz",
            "ec-pkcs8.key,             ec.pem,         ''",
            "ec.key.der,               ec.pem.der,     -der",
    })
    void everyKeyForm(String key, String cert, String extra) throws Exception {
        boolean der = extra.contains("-der");
        List<String> options = new ArrayList<>(List.of("-v", "+tls", pki(key), pki(cert), "+cf",
                pki(der ? "ca.pem.der" : "ca.pem")));
        for (String e : extra.split(" ")) {
            if (e.equals("+pw")) {
                options.add("+pw");
                options.add(TestPki.PASSWORD);
            } else if (!e.isEmpty()) {
                options.add(e);
            }
        }
        try (Server echoscp = Server.echoscp(options.toArray(new String[0]))) {
            String profile = extra.contains("+pz") ? "+pz" : "+px"; // an EC key: ECDSA suites, or TLS 1.3
            Run r = Commands.echoscu("-d", "+tls", pki("client.key"), pki("client.pem"), "+cf", pki("ca.pem"), profile,
                    "127.0.0.1", String.valueOf(echoscp.port));
            assertThat(r.exitCode()).as(r.toString() + echoscp.log()).isZero();
            assertThat(negotiated(r.stderr()).peer()).isEqualTo("CN=localhost,O=echoscu tests");
        }
    }

    @Test
    void thePasswordIsReadFromStandardInputWithoutATerminal() {
        String[] encrypted = {"+tls", pki("server-pkcs8-enc.key"), pki("server.pem"), "+cf", pki("ca.pem"), "+ps",
                "127.0.0.1", String.valueOf(plain.port)};
        Run ok = TlsRuns.echoscu(TestPki.PASSWORD + "\n", Map.of(), encrypted);
        assertThat(ok.exitCode()).as(ok.toString()).isZero();
        Run wrong = TlsRuns.echoscu("guess\n", Map.of(), encrypted);
        assertThat(wrong.exitCode()).isEqualTo(1);
        TlsRuns.assertOneLine(wrong, "F: Unable to load private TLS key from '" + pki("server-pkcs8-enc.key")
                + "': wrong password, or the key is damaged");
        Run none = TlsRuns.echoscu("", Map.of(), encrypted);
        assertThat(none.exitCode()).isEqualTo(1);
        TlsRuns.assertOneLine(none, "F: Unable to load private TLS key from '" + pki("server-pkcs8-enc.key")
                + "': the key is encrypted and no password came on standard input (use +pw or -pw)");
    }

    /** +ps on a real terminal: util-linux's script gives echoscu a pseudo-terminal, so System.console() exists. */
    @Test
    void thePasswordIsAskedForOnATerminal() {
        String command = String.join(" ", Commands.ROOT.resolve("bin/echoscu").toString(), "-v", "+tls",
                pki("server-pkcs8-enc.key"), pki("server.pem"), "+cf", pki("ca.pem"), "+ps", "127.0.0.1",
                String.valueOf(plain.port));
        Run ok = Commands.run(List.of("script", "-qec", command, "/dev/null"), java.time.Duration.ofSeconds(60),
                TestPki.PASSWORD + "\n", Map.of());
        assertThat(ok.exitCode()).as(ok.toString()).isZero();
        assertThat(ok.stdout()).contains("Enter pass phrase for " + pki("server-pkcs8-enc.key") + ": ")
                .contains("I: Received Echo Response (Success)");
        Run wrong = Commands.run(List.of("script", "-qec", command, "/dev/null"), java.time.Duration.ofSeconds(60),
                "guess\n", Map.of());
        assertThat(wrong.exitCode()).isEqualTo(1);
        assertThat(wrong.stdout()).contains("wrong password, or the key is damaged");
    }

    @Test
    void anAddedSuiteIsNegotiated() throws Exception {
        String chacha = "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256";
        try (Server echoscp = Server.echoscp(args(serverTls(TlsProfile.AES), "-v", "+cs", chacha))) {
            Run r = Commands.echoscu(args(clientTls(TlsProfile.AES), "-d", "+cs", chacha, "127.0.0.1",
                    String.valueOf(echoscp.port)));
            assertThat(r.exitCode()).as(r.toString()).isZero();
            assertThat(negotiated(r.stderr()).suite()).isEqualTo(chacha);
            Run without = Commands.echoscu(args(clientTls(TlsProfile.AES), "-d", "127.0.0.1",
                    String.valueOf(echoscp.port)));
            assertThat(negotiated(without.stderr()).suite()).isEqualTo("TLS_RSA_WITH_AES_128_CBC_SHA");
        }
    }

    @Test
    void unknownSuiteIsOneLine() {
        Run r = Commands.echoscu("+tla", "+cs", "TLS_NO_SUCH_SUITE", "127.0.0.1", String.valueOf(plain.port));
        assertThat(r.exitCode()).isEqualTo(1);
        TlsRuns.assertOneLine(r, "F: Ciphersuite 'TLS_NO_SUCH_SUITE' not supported by this JVM (see +cc)");
    }

    @Test
    void theSeedIsReadAndWrittenBack(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        Path seed = tmp.resolve("seed.bin");
        byte[] before = new byte[256];
        new SecureRandom().nextBytes(before);
        Files.write(seed, before);
        Run r = Commands.echoscu(args(clientTls(TlsProfile.BCP195), "+rs", seed.toString(), "+ws", "127.0.0.1",
                String.valueOf(plain.port)));
        assertThat(r.exitCode()).as(r.toString()).isZero();
        byte[] after = Files.readAllBytes(seed);
        assertThat(after).hasSize(1024);
        assertThat(Arrays.equals(before, after)).isFalse();
        Path other = tmp.resolve("other.bin");
        Run wf = Commands.echoscu(args(clientTls(TlsProfile.BCP195), "+rs", seed.toString(), "+wf", other.toString(),
                "127.0.0.1", String.valueOf(plain.port)));
        assertThat(wf.exitCode()).as(wf.toString()).isZero();
        assertThat(Files.readAllBytes(other)).hasSize(1024);
        assertThat(Files.readAllBytes(seed)).isEqualTo(after);
    }

    @Test
    void ignoringTheServerCertificateAcceptsAnUntrustedOne() throws Exception {
        try (Server other = Server.echoscp("+tls", pki("server.key"), pki("server-other.pem"), "-ic")) {
            Run r = Commands.echoscu("+tla", "-ic", "127.0.0.1", String.valueOf(other.port));
            assertThat(r.exitCode()).as(r.toString()).isZero();
            Run verified = Commands.echoscu("+tla", "+cf", pki("ca.pem"), "127.0.0.1", String.valueOf(other.port));
            assertThat(verified.exitCode()).isEqualTo(1);
        }
    }

    @Test
    void revokedClientsAreRefusedWithACrl() throws Exception {
        try (Server echoscp = Server.echoscp(args(serverTls(TlsProfile.BCP195), "-v", "+crl", pki("crl.pem")))) {
            String port = String.valueOf(echoscp.port);
            Run good = Commands.echoscu(args(clientTls(TlsProfile.BCP195), "127.0.0.1", port));
            assertThat(good.exitCode()).as(good.toString()).isZero();
            Run revoked = Commands.echoscu("+tls", pki("client-revoked.key"), pki("client-revoked.pem"), "+cf",
                    pki("ca.pem"), "127.0.0.1", port);
            assertThat(revoked.exitCode()).isEqualTo(1);
            TlsRuns.assertOneLine(revoked, "F: Association Request Failed: ");
            TlsRuns.awaitLog(echoscp, "the client certificate (CN=revoked client,O=echoscu tests) has been revoked");
        }
    }

    @Test
    void cipherListNamesWhatThisJvmCanUseInDcmtk370sOrder() {
        Run r = Commands.echoscu("+cc");
        assertThat(r.exitCode()).isZero();
        List<String> suites = r.stdout().lines().filter(l -> l.startsWith("  TLS_")).map(String::trim).toList();
        for (TlsProfile p : TlsProfile.values()) {
            assertThat(suites).containsAll(p.required());
        }
        assertThat(suites).doesNotContain("TLS_AES_256_GCM_SHA384", "TLS_EMPTY_RENEGOTIATION_INFO_SCSV")
                .noneMatch(s -> s.contains("_anon_") || s.contains("RC4") || s.contains("_WITH_DES_"));
        // DCMTK 3.7.0's layout, and the suites both lists hold in DCMTK's order
        List<String> reference = Reference.lines("dcmtk-3.7.0/list-ciphers.txt");
        List<String> theirs = reference.stream().filter(l -> l.startsWith("  TLS_")).map(String::trim).toList();
        assertThat(suites.stream().filter(theirs::contains).toList())
                .isEqualTo(theirs.stream().filter(suites::contains).toList())
                .hasSizeGreaterThan(30);
        List<String> lines = r.stdout().lines().toList();
        assertThat(lines.subList(1, 4)).isEqualTo(reference.subList(1, 4));
        assertThat(lines.get(4)).startsWith("Host type: ");
        assertThat(lines.get(5)).startsWith("Character encoding: ");
        assertThat(lines.subList(7, 9)).isEqualTo(reference.subList(7, 9));
        assertThat(Commands.run(List.of(Commands.ROOT.resolve("bin/echoscp").toString(), "+cc"),
                java.time.Duration.ofSeconds(60)).stdout()).isEqualTo(r.stdout().replace("echoscu", "echoscp")
                .replace("verification (C-ECHO) SCU", "verification (C-ECHO) SCP"));
    }

    /** DCMTK 3.7.0's list, line for line, with +pb's profile where this JVM has 3DES (as DCMTK does). */
    @Test
    void profileListIsDcmtk370s() {
        Run r = Commands.echoscu("+ph");
        assertThat(r.exitCode()).isZero();
        List<String> lines = r.stdout().lines().toList();
        List<String> reference = Reference.lines("dcmtk-3.7.0/list-profiles.txt");
        int at = lines.indexOf("Supported TLS Secure Transport Connection Profiles are:");
        int theirsAt = reference.indexOf("Supported TLS Secure Transport Connection Profiles are:");
        assertThat(lines.get(at - 2)).startsWith("Cryptographic algorithms implemented by: JSSE (");
        assertThat(lines.subList(at, lines.size()).stream()
                .filter(l -> !l.startsWith("- Basic TLS Secure Transport Connection Profile")).toList())
                .startsWith(reference.subList(theirsAt, theirsAt + 3).toArray(new String[0]));
        List<String> ours = lines.stream().filter(l -> l.startsWith("- ")).toList();
        assertThat(ours.stream().filter(l -> !l.startsWith("- Basic")).toList())
                .isEqualTo(reference.stream().filter(l -> l.startsWith("- ")).toList());
        assertThat(ours).contains("- Basic TLS Secure Transport Connection Profile (retired)");
        // what JSSE lacks of +pm is said beneath it
        assertThat(lines.get(lines.indexOf("- Modified BCP 195 RFC 8996 TLS Profile") + 1))
                .startsWith("    used without ").contains("TLS_ECDHE_ECDSA_WITH_AES_128_CCM")
                .endsWith("(not supported by this JVM)");
        assertThat(Commands.echoscu("--list-profiles").stdout()).isEqualTo(r.stdout());
    }

    /**
     * The listings ask JSSE once per JVM and keep the answers beside its start-up archive
     * (JvmTlsFacts): a later +cc or --list-profiles loads no JSSE at all and says the same as
     * one that asks JSSE anew. They start from the plain archive, which has no JSSE in it.
     */
    @Test
    void listingsAnsweredFromTheKeptFileLoadNoJsse() {
        for (String listing : List.of("+cc", "--list-profiles")) {
            Commands.echoscu(listing); // keeps the answers, if the build's training did not
            Run kept = Commands.run(List.of(Commands.ROOT.resolve("bin/echoscu").toString(), listing),
                    java.time.Duration.ofSeconds(60), null, Map.of("JAVA_OPTS", "-Xlog:class+load=info:stdout"));
            Run asked = Commands.run(List.of(Commands.ROOT.resolve("bin/echoscu").toString(), listing),
                    java.time.Duration.ofSeconds(60), null, Map.of("JAVA_OPTS", "-Dechoscu.tls.facts="));
            assertThat(kept.exitCode()).as(kept.toString()).isZero();
            // nor the security properties: the key of the kept answers names their files instead
            assertThat(kept.stdout()).contains("org.echoscu.tls.JvmTlsFacts").doesNotContain("sun.security.ssl.")
                    .doesNotContain("javax.net.ssl.SSLContext ").doesNotContain("java.security.Security ");
            assertThat(asked.exitCode()).as(asked.toString()).isZero();
            assertThat(kept.stdout().lines().filter(l -> !l.startsWith("[")).toList())
                    .isEqualTo(asked.stdout().lines().toList());
        }
    }

    /** A plain TCP run loads no TLS class and no Bouncy Castle: TLS costs nothing when unused. */
    @Test
    void plainTcpLoadsNothingOfTls() {
        Run r = TlsRuns.echoscu(null, Map.of("JAVA_OPTS", "-Xlog:class+load=info:stdout"), "127.0.0.1",
                String.valueOf(Ports.free()));
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.stdout()).contains("org.echoscu.cli.EchoscuCommand")
                .doesNotContain("org.echoscu.tls.").doesNotContain("org.bouncycastle")
                .doesNotContain("org.echoscu.cli.TlsRuntime").doesNotContain("sun.security.ssl.");
    }
}
