package org.echoscu.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.echoscu.tls.CipherSuites;
import org.echoscu.tls.TestPki;
import org.echoscu.tls.TlsProfile;

/** Helpers of the TLS end-to-end tests: the test PKI, command lines, and what was negotiated. */
final class TlsRuns {

    private static final Pattern ESTABLISHED = Pattern.compile(
            "TLS connection established: (TLSv[0-9.]+), (TLS_[A-Z0-9_]+), peer certificate: (.*)");

    private TlsRuns() {
    }

    /** A file of the test PKI (made at test time, see make-test-pki.sh). */
    static String pki(String name) {
        return TestPki.file(name);
    }

    /** What a handshake settled on, from a -d (echoscu) or -v (echoscp) log. */
    record Negotiated(String protocol, String suite, String peer) {
    }

    /** The last handshake in a log, or null. */
    static Negotiated negotiated(String log) {
        Negotiated last = null;
        Matcher m = ESTABLISHED.matcher(log);
        while (m.find()) {
            last = new Negotiated(m.group(1), m.group(2), m.group(3).trim());
        }
        return last;
    }

    /** The protocol version and suite are among those the profile allows. */
    static void assertWithin(TlsProfile profile, Negotiated n) {
        assertThat(n).as("a TLS handshake was logged").isNotNull();
        assertThat(profile.protocols()).as("protocol of %s", profile).contains(n.protocol());
        List<String> allowed = new ArrayList<>(profile.suites(List.of()));
        if (n.protocol().equals("TLSv1.3")) {
            allowed = profile.tls13();
        }
        assertThat(allowed).as("suite of %s over %s", profile, n.protocol()).contains(n.suite());
    }

    /** Our client's credentials and CA, under a profile. */
    static List<String> clientTls(TlsProfile profile) {
        return List.of("+tls", pki("client.key"), pki("client.pem"), "+cf", pki("ca.pem"), profile.option());
    }

    /** Our or DCMTK's server's credentials and CA, under a profile. */
    static List<String> serverTls(TlsProfile profile) {
        return List.of("+tls", pki("server.key"), pki("server.pem"), "+cf", pki("ca.pem"), profile.option());
    }

    static String[] args(List<String> first, String... more) {
        List<String> all = new ArrayList<>(first);
        Collections.addAll(all, more);
        return all.toArray(new String[0]);
    }

    /** Our echoscu with standard input and extra environment. */
    static Run echoscu(String stdin, Map<String, String> env, String... args) {
        return Commands.run(Commands.withPrefix(Commands.ROOT.resolve("bin/echoscu").toString(), args),
                Duration.ofSeconds(60), stdin, env);
    }

    /** Waits until the server's log contains {@code text} (servers log a little after the client is done). */
    static String awaitLog(Server server, String text) {
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        String log = server.log();
        while (!log.contains(text) && System.nanoTime() < end) {
            Ports.sleep(50);
            log = server.log();
        }
        assertThat(log).as("server log").contains(text);
        return log;
    }

    /** A failure is one clear line on stderr, no stack trace. */
    static void assertOneLine(Run r, String prefix) {
        assertThat(r.stderrLines()).as(r.toString()).hasSize(1);
        assertThat(r.stderr()).startsWith(prefix).doesNotContain("Exception").doesNotContain("\tat ");
    }
}
