package org.echoscu.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * User identity negotiation end to end: our echoscu's identity as DCMTK's storescp -d shows
 * it, DCMTK's storescu -usr/-pwd accepted or rejected by our echoscp --users as the file says,
 * our two tools together, and the password in no log of ours at any level.
 */
class UserIdentityIT {

    private static final String PASSWORD = "Pw-4-UserIdentityIT";
    private static Path dir;
    private static String users;
    private static String dataset;

    @BeforeAll
    static void files() throws Exception {
        dir = Files.createTempDirectory("identity");
        users = dir.resolve("users.txt").toString();
        Files.writeString(Path.of(users), "# test users\nuser alice " + PASSWORD + "\nuser carol\njwt eyJ.test.token\n");
        Files.writeString(dir.resolve("token.jwt"), "eyJ.test.token");
        Files.writeString(dir.resolve("other.jwt"), "eyJ.other.token");
        // storescu needs a file to send; echoscp accepts none of its storage contexts, which does not matter
        // here: what counts is whether the association is accepted or rejected
        Files.writeString(dir.resolve("ct.dump"),
                "(0008,0016) UI =CTImageStorage\n(0008,0018) UI [1.2.3.4.5.6.7.8]\n(0010,0010) PN [Test^Patient]\n");
        dataset = dir.resolve("ct.dcm").toString();
        Run made = Commands.dcmtk("dump2dcm", "--write-xfer-little", dir.resolve("ct.dump").toString(), dataset);
        assertThat(made.exitCode()).as(made.toString()).isZero();
    }

    private static void assertNoPassword(String log) {
        assertThat(log).doesNotContain(PASSWORD);
        // nor in a -ll trace byte dump ("  xx" per byte, sixteen to a line, each line with its "D: ")
        String hex = "  " + HexFormat.ofDelimiter("  ").formatHex(PASSWORD.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        assertThat(log.replaceAll("\n[A-Z]: ", "")).doesNotContain(hex);
    }

    @Test
    void storescpSeesOurUserAndPassword() throws Exception {
        try (Server storescp = Server.storescp("-d")) {
            Run r = Commands.echoscu("-d", "-usr", "alice", "-pwd", PASSWORD, "-rsp", "127.0.0.1",
                    String.valueOf(storescp.port));
            assertThat(r.exitCode()).as(r.toString()).isZero();
            // storescp does not answer identities: a requested response that does not come is a warning
            assertThat(r.stderrLines()).contains(
                    "W: User Identity Negotiation failed: Positive response requested but none received");
            assertThat(r.stderrLines()).containsSubsequence("D: Requested User Identity Negotiation:",
                    "D:   Authentication mode 2: Username/Password", "D:   Username: [alice]",
                    "D:   Password: [********]", "D:   Positive Response requested: Yes");
            assertNoPassword(r.stdout() + r.stderr());
            String theirs = TlsRuns.awaitLog(storescp, "Association Release");
            // DCMTK prints the password as it arrived: proof that the bytes are right
            assertThat(theirs).contains("D:   Authentication mode 2: Username/Password\nD:   Username: [alice]\n"
                    + "D:   Password: [" + PASSWORD + "]\nD:   Positive Response requested: Yes");
        }
    }

    @Test
    void storescpSeesOurJsonWebToken() throws Exception {
        try (Server storescp = Server.storescp("-d")) {
            Run r = Commands.echoscu("--jwt", dir.resolve("token.jwt").toString(), "127.0.0.1",
                    String.valueOf(storescp.port));
            assertThat(r.exitCode()).as(r.toString()).isZero();
            assertThat(r.stderr()).isEmpty();
            assertThat(TlsRuns.awaitLog(storescp, "Association Release"))
                    .contains("D:   Authentication mode 5: JWT\nD:   JSON Web Token (not dumped) length: 14");
        }
    }

    @Test
    void echoscpAcceptsDcmtkStorescuAsTheUsersFileSays() throws Exception {
        try (Server echoscp = Server.echoscp("-d", "--users", users)) {
            String port = String.valueOf(echoscp.port);
            Run alice = Commands.dcmtk("storescu", "-d", "-usr", "alice", "-pwd", PASSWORD, "-rsp", "127.0.0.1", port,
                    dataset);
            // accepted, with the positive response storescu asked for (storescu then finds no storage context)
            assertThat(alice.stderr()).as(alice.toString()).doesNotContain("Association Rejected")
                    .contains("D: User Identity Negotiation Response:\nD:   Server Response (not dumped) length: 0")
                    .doesNotContain("User Identity Negotiation failed");
            assertThat(alice.stderrLines()).contains("F: No Acceptable Presentation Contexts");

            Run jwt = Commands.dcmtk("storescu", "--jwt", dir.resolve("token.jwt").toString(), "127.0.0.1", port,
                    dataset);
            assertThat(jwt.stderr()).as(jwt.toString()).doesNotContain("Association Rejected");

            for (List<String> refused : List.of(List.of("-usr", "alice", "-pwd", "wrong"),
                    List.of("-usr", "mallory", "-pwd", PASSWORD), List.of("-usr", "alice"),
                    List.of("--jwt", dir.resolve("other.jwt").toString()))) {
                List<String> args = new java.util.ArrayList<>(refused);
                args.addAll(List.of("127.0.0.1", port, dataset));
                Run r = Commands.dcmtk("storescu", args.toArray(new String[0]));
                assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
                assertThat(r.stderrLines()).as(refused.toString()).containsExactly("F: Association Rejected:",
                        "F: Result: Rejected Permanent, Source: Service User", "F: Reason: No Reason");
            }
            String log = TlsRuns.awaitLog(echoscp, "a JSON web token not listed");
            assertThat(log).contains("W: Rejecting association from 127.0.0.1 (STORESCU): wrong password for user 'alice'",
                    "W: Rejecting association from 127.0.0.1 (STORESCU): unknown user 'mallory'",
                    "W: Rejecting association from 127.0.0.1 (STORESCU): user 'alice' sent no password");
            assertNoPassword(log);
        }
    }

    @Test
    void ourToolsTogether() throws Exception {
        try (Server echoscp = Server.echoscp("-ll", "trace", "--users", users, "--require-identity")) {
            String port = String.valueOf(echoscp.port);
            Run ok = Commands.echoscu("-ll", "trace", "--arguments", "-usr", "alice", "-pwd", PASSWORD, "-rsp",
                    "127.0.0.1", port);
            assertThat(ok.exitCode()).as(ok.toString()).isZero();
            assertThat(ok.stderr()).contains("Server Response (not dumped) length: 0")
                    .contains("'-pwd' '********'").doesNotContain("W: ");
            assertNoPassword(ok.stdout() + ok.stderr());

            Run none = Commands.echoscu("127.0.0.1", port);
            assertThat(none.exitCode()).isEqualTo(1);
            assertThat(none.stderrLines()).contains("F: Result: Rejected Permanent, Source: Service User",
                    "F: Reason: No Reason");
            Run wrong = Commands.echoscu("-usr", "alice", "-pwd", "not-" + PASSWORD, "127.0.0.1", port);
            assertThat(wrong.exitCode()).isEqualTo(1);
            Run carol = Commands.echoscu("-usr", "carol", "127.0.0.1", port);
            assertThat(carol.exitCode()).as(carol.toString()).isZero();

            String log = TlsRuns.awaitLog(echoscp, "wrong password for user 'alice'");
            assertThat(log).contains("no user identity, and one is required");
            assertNoPassword(log);
        }
    }

    @Test
    void optionRulesAreStorescus() {
        Run pwd = Commands.echoscu("-pwd", "x", "127.0.0.1", "104");
        assertThat(pwd.exitCode()).isEqualTo(1);
        assertThat(pwd.stderrLines()).contains("error: --password only allowed with --user");
        Run rsp = Commands.echoscu("-rsp", "127.0.0.1", "104");
        assertThat(rsp.stderrLines()).contains("error: --pos-response only allowed with --user, --kerberos or --saml");
        Run epw = Commands.echoscu("-usr", "a", "-pwd", "x", "-epw", "127.0.0.1", "104");
        assertThat(epw.stderrLines()).contains("error: --empty-password only allowed with --user");
    }
}
