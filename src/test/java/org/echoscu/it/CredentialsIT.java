package org.echoscu.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Credentials at rest and on the command line (docs/credentials.md): echoscp's users file with
 * bcrypt hashes made by Apache's htpasswd -nB and by echoscp --hash-password, judged on DCMTK's
 * storescu -usr/-pwd; echoscu's --password-file as DCMTK's storescp -d sees it; ps during a run;
 * the warnings for files others can read; --key-password-file for an encrypted TLS key.
 */
class CredentialsIT {

    private static final String PASSWORD = "Pw #4 CredentialsIT";
    private static Path dir;
    private static String dataset;

    @BeforeAll
    static void files() throws Exception {
        dir = Files.createTempDirectory("credentials");
        Files.writeString(dir.resolve("ct.dump"),
                "(0008,0016) UI =CTImageStorage\n(0008,0018) UI [1.2.3.4.5.6.7.9]\n(0010,0010) PN [Test^Patient]\n");
        dataset = dir.resolve("ct.dcm").toString();
        Run made = Commands.dcmtk("dump2dcm", "--write-xfer-little", dir.resolve("ct.dump").toString(), dataset);
        assertThat(made.exitCode()).as(made.toString()).isZero();
    }

    private static Path secretFile(String name, String content, String mode) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, content);
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString(mode));
        return f;
    }

    /** htpasswd from Debian's apache2-utils: a missing one fails the test (.ci/run installs it). */
    private static String htpasswd(String user, String password) {
        Run r = Commands.run(List.of("htpasswd", "-nbB", user, password), Duration.ofSeconds(30));
        assertThat(r.exitCode()).as("htpasswd (apache2-utils) is needed: " + r).isZero();
        return r.stdout().strip();
    }

    private static Run storescu(int port, String... identity) {
        List<String> args = new ArrayList<>(List.of(identity));
        args.addAll(List.of("127.0.0.1", String.valueOf(port), dataset));
        return Commands.dcmtk("storescu", args.toArray(new String[0]));
    }

    private static void assertRejected(Run r) {
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        assertThat(r.stderrLines()).as(r.toString()).containsExactly("F: Association Rejected:",
                "F: Result: Rejected Permanent, Source: Service User", "F: Reason: No Reason");
    }

    private static void assertAccepted(Run r) {
        // accepted: storescu then finds no storage context at echoscp, which does not matter here
        assertThat(r.stderr()).as(r.toString()).doesNotContain("Association Rejected");
        assertThat(r.stderrLines()).contains("F: No Acceptable Presentation Contexts");
    }

    @Test
    void hashedUsersFileJudgesDcmtkStorescu() throws Exception {
        Run hashed = Commands.run(List.of(Commands.ROOT.resolve("bin/echoscp").toString(), "--hash-password"),
                Duration.ofSeconds(30), "bob's other secret\n", Map.of());
        assertThat(hashed.exitCode()).as(hashed.toString()).isZero();
        assertThat(hashed.stdout()).startsWith("$2y$10$");
        Path users = secretFile("users.txt", "# made by htpasswd -nB and echoscp --hash-password\n"
                + htpasswd("alice", PASSWORD) + "   # alice, from htpasswd\n"
                + "bob:" + hashed.stdout().strip() + "\n"
                + "user carol clear \\#1 # a clear-text line: warned about\n", "rw-------");
        try (Server echoscp = Server.echoscp("--users", users.toString())) {
            int port = echoscp.port;
            assertAccepted(storescu(port, "-usr", "alice", "-pwd", PASSWORD));
            assertAccepted(storescu(port, "-usr", "bob", "-pwd", "bob's other secret"));
            assertAccepted(storescu(port, "-usr", "carol", "-pwd", "clear #1"));
            assertRejected(storescu(port, "-usr", "alice", "-pwd", PASSWORD + " "));
            assertRejected(storescu(port, "-usr", "bob", "-pwd", PASSWORD));
            assertRejected(storescu(port, "-usr", "mallory", "-pwd", PASSWORD));
            assertRejected(storescu(port, "-usr", "alice"));
            assertRejected(storescu(port)); // --users alone is strict: no identity, no association
            String log = TlsRuns.awaitLog(echoscp, "no user identity, and one is required");
            assertThat(log).contains("W: users file '" + users + "', line 4 holds a password in clear text: store a"
                    + " bcrypt hash instead (NAME:HASH, from htpasswd -nB NAME or echoscp --hash-password)",
                    "wrong password for user 'alice'", "wrong password for user 'bob'", "unknown user 'mallory'")
                    .doesNotContain("readable by others").doesNotContain(PASSWORD).doesNotContain("clear #1");
        }
        try (Server relaxed = Server.echoscp("--users", users.toString(), "--identity-optional")) {
            assertAccepted(storescu(relaxed.port));
            assertRejected(storescu(relaxed.port, "-usr", "alice", "-pwd", "wrong"));
        }
    }

    @Test
    void passwordFileReachesStorescpAndFilesOthersCanReadAreWarnedAbout() throws Exception {
        Path mine = secretFile("mine.pw", PASSWORD + "\n", "rw-------");
        Path open = secretFile("open.pw", PASSWORD + "\n", "rw-r--r--");
        try (Server storescp = Server.storescp("-d")) {
            Run r = Commands.echoscu("-usr", "alice", "--password-file", mine.toString(), "127.0.0.1",
                    String.valueOf(storescp.port));
            assertThat(r.exitCode()).as(r.toString()).isZero();
            assertThat(r.stderr()).isEmpty();
            // DCMTK prints the password as it arrived: the file's content, without its line end
            assertThat(TlsRuns.awaitLog(storescp, "Association Release")).contains(
                    "D:   Authentication mode 2: Username/Password\nD:   Username: [alice]\nD:   Password: ["
                            + PASSWORD + "]\n");
            Run warned = Commands.echoscu("-usr", "alice", "--password-file", open.toString(), "127.0.0.1",
                    String.valueOf(storescp.port));
            assertThat(warned.exitCode()).as(warned.toString()).isZero();
            assertThat(warned.stderrLines()).containsExactly("W: password file '" + open
                    + "' is readable by others (rw-r--r--): chmod go-rwx " + open);
        }
        Path users = secretFile("open-users.txt", htpasswd("alice", PASSWORD) + "\n", "rw-r-----");
        try (Server echoscp = Server.echoscp("--users", users.toString())) {
            assertThat(TlsRuns.awaitLog(echoscp, "readable by others")).contains("W: users file '" + users
                    + "' is readable by others (rw-r-----): chmod go-rwx " + users);
        }
        Run missing = Commands.echoscu("-usr", "alice", "--password-file", dir.resolve("none").toString(),
                "127.0.0.1", "104");
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.stderrLines()).contains("error: password file cannot read '" + dir.resolve("none")
                + "': no such file");
    }

    @Test
    void psShowsNoSecretFromAPasswordFileButDoesFromPwd() throws Exception {
        Path pw = secretFile("ps.pw", PASSWORD + "\n", "rw-------");
        try (FakePeer silent = FakePeer.start(c -> {
            c.readRq();
            c.awaitClose();
        })) {
            String fromFile = psWhileRunning(silent.port, "--password-file", pw.toString());
            assertThat(fromFile).contains("--password-file " + pw).doesNotContain(PASSWORD);
            // the test can fail: with -pwd the same look at ps shows the secret
            assertThat(psWhileRunning(silent.port, "-pwd", PASSWORD)).contains(PASSWORD);
        }
    }

    /** ps's view of every process while our echoscu waits for a silent peer's answer. */
    private static String psWhileRunning(int port, String... passwordOption) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Commands.ROOT.resolve("bin/echoscu").toString(), "-ta", "20",
                "-usr", "alice"));
        cmd.addAll(List.of(passwordOption));
        cmd.addAll(List.of("127.0.0.1", String.valueOf(port)));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            String marker = "-usr alice " + passwordOption[0];
            long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (System.nanoTime() < end) {
                Run ps = Commands.run(List.of("ps", "-eo", "pid,args", "--width", "4096"), Duration.ofSeconds(10));
                String mine = java.util.Arrays.stream(ps.stdout().split("\n")).filter(l -> l.contains(marker)).reduce("", (a, b) -> a + b + "\n");
                if (mine.contains("java")) { // the JVM itself, which lives for the whole wait
                    return ps.stdout();
                }
                Ports.sleep(100);
            }
            throw new AssertionError("echoscu did not show up in ps");
        } finally {
            p.destroy();
            p.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void keyPasswordFileOpensAnEncryptedKey() throws Exception {
        Path keyPw = secretFile("key.pw", org.echoscu.tls.TestPki.PASSWORD + "\n", "r--------");
        Path wrong = secretFile("wrong.pw", "guess\n", "rw-------");
        try (Server echoscp = Server.echoscp("-ic", "+tls", TlsRuns.pki("server-pkcs8-enc.key"),
                TlsRuns.pki("server.pem"), "--key-password-file", keyPw.toString())) {
            Run ok = Commands.echoscu("+tls", TlsRuns.pki("server-pkcs8-enc.key"), TlsRuns.pki("server.pem"),
                    "--key-password-file", keyPw.toString(), "+cf", TlsRuns.pki("ca.pem"), "127.0.0.1",
                    String.valueOf(echoscp.port));
            assertThat(ok.exitCode()).as(ok.toString() + echoscp.log()).isZero();
            assertThat(ok.stderr()).isEmpty();
            Run bad = Commands.echoscu("+tls", TlsRuns.pki("server-pkcs8-enc.key"), TlsRuns.pki("server.pem"),
                    "--key-password-file", wrong.toString(), "+cf", TlsRuns.pki("ca.pem"), "127.0.0.1",
                    String.valueOf(echoscp.port));
            assertThat(bad.exitCode()).isEqualTo(1);
            assertThat(bad.stderr()).contains("wrong password, or the key is damaged").doesNotContain("guess");
        }
        Run plainTcp = Commands.echoscu("--key-password-file", keyPw.toString(), "127.0.0.1", "104");
        assertThat(plainTcp.stderrLines()).contains("error: --key-password-file only allowed with --enable-tls");
    }

    @Test
    void hashPasswordNeverTakesThePasswordFromArguments() {
        Run r = Commands.run(List.of(Commands.ROOT.resolve("bin/echoscp").toString(), "--hash-password", "secret"),
                Duration.ofSeconds(30), "from stdin\n", Map.of());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        assertThat(r.stdout()).isEmpty();
        assertThat(r.stderrLines()).contains("error: --hash-password takes no parameter: it reads the password from"
                + " standard input");
        Run ok = Commands.run(List.of(Commands.ROOT.resolve("bin/echoscp").toString(), "--hash-password"),
                Duration.ofSeconds(30), "from stdin\n", Map.of());
        assertThat(ok.exitCode()).as(ok.toString()).isZero();
        assertThat(org.echoscu.secret.Bcrypt.matches(ok.stdout().strip(), "from stdin".getBytes(StandardCharsets.UTF_8)))
                .isTrue();
        Run empty = Commands.run(List.of(Commands.ROOT.resolve("bin/echoscp").toString(), "--hash-password"),
                Duration.ofSeconds(30), "", Map.of());
        assertThat(empty.exitCode()).isEqualTo(1);
        assertThat(empty.stderrLines()).containsExactly("error: the password on standard input is empty");
    }
}
