package org.echoscu.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.echoscu.acse.KnownIdentities;
import org.echoscu.acse.UserIdentity;
import org.echoscu.net.HttpConnectTunnel;
import org.echoscu.net.Socks5Tunnel;
import org.echoscu.net.Tunnel;
import org.echoscu.pdu.UserInfoSubItem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** -usr/-pwd/-epw/-kt/--saml/--jwt/-rsp, --users/--require-identity and --proxy/--socks5, as parsed. */
class IdentityAndProxyOptionsTest {

    private static ParsedArgs client(String... args) throws UsageException {
        return DcmtkParser.parse(EchoscuCommand.table(), List.of(args));
    }

    private static ParsedArgs server(String... args) throws UsageException {
        return DcmtkParser.parse(EchoscpCommand.table(), List.of(args));
    }

    @Test
    void userAndPassword() throws Exception {
        UserInfoSubItem.UserIdentityRq u = IdentityOptions.request(client("-usr", "alice", "-pwd", "pw", "-rsp", "h", "1"));
        assertThat(u).isEqualTo(new UserInfoSubItem.UserIdentityRq(UserIdentity.USERNAME_PASSCODE, true,
                "alice".getBytes(StandardCharsets.UTF_8), "pw".getBytes(StandardCharsets.UTF_8)));
        assertThat(IdentityOptions.request(client("--user", "bob", "h", "1")).identityType()).isEqualTo(UserIdentity.USERNAME);
        UserInfoSubItem.UserIdentityRq empty = IdentityOptions.request(client("-usr", "bob", "-epw", "h", "1"));
        assertThat(empty.identityType()).isEqualTo(UserIdentity.USERNAME_PASSCODE);
        assertThat(empty.secondaryField()).isEmpty();
        assertThat(IdentityOptions.request(client("h", "1"))).isNull();
    }

    @Test
    void tokensFromFilesTheRightmostWins(@TempDir Path dir) throws Exception {
        Files.write(dir.resolve("t.jwt"), new byte[] {'e', 'y', 'J'});
        Files.write(dir.resolve("t.krb"), new byte[] {1, 2, 3, 4});
        UserInfoSubItem.UserIdentityRq jwt = IdentityOptions.request(client("-usr", "alice", "--jwt",
                dir.resolve("t.jwt").toString(), "h", "1"));
        assertThat(jwt.identityType()).isEqualTo(UserIdentity.JWT);
        assertThat(jwt.primaryField()).containsExactly('e', 'y', 'J');
        UserInfoSubItem.UserIdentityRq krb = IdentityOptions.request(client("--jwt", dir.resolve("t.jwt").toString(),
                "-kt", dir.resolve("t.krb").toString(), "-rsp", "h", "1"));
        assertThat(krb.identityType()).isEqualTo(UserIdentity.KERBEROS);
        assertThat(krb.positiveResponseRequested()).isTrue();
        assertThatThrownBy(() -> IdentityOptions.request(client("--saml", dir.resolve("none").toString(), "h", "1")))
                .isInstanceOf(UsageException.class).hasMessageContaining("No such file or directory");
    }

    @Test
    void storescusRules() {
        assertThatThrownBy(() -> IdentityOptions.request(client("-pwd", "x", "h", "1")))
                .hasMessage("--password only allowed with --user");
        assertThatThrownBy(() -> IdentityOptions.request(client("-usr", "a", "-kt", "f", "-pwd", "x", "h", "1")))
                .hasMessage("--password only allowed with --user");
        assertThatThrownBy(() -> IdentityOptions.request(client("-epw", "h", "1")))
                .hasMessage("--empty-password only allowed with --user");
        assertThatThrownBy(() -> IdentityOptions.request(client("-rsp", "h", "1")))
                .hasMessage("--pos-response only allowed with --user, --kerberos or --saml");
    }

    @Test
    void usersFile(@TempDir Path dir) throws Exception {
        Path users = dir.resolve("users.txt");
        Files.writeString(users, "user alice pw\n");
        KnownIdentities k = IdentityOptions.server(server("--users", users.toString(), "--require-identity", "1"));
        assertThat(k.listed()).isTrue();
        assertThat(k.required()).isTrue();
        assertThat(IdentityOptions.server(server("--require-identity", "1")).listed()).isFalse();
        assertThat(IdentityOptions.server(server("1"))).isNull();
        assertThatThrownBy(() -> IdentityOptions.server(server("--users", dir.resolve("none").toString(), "1")))
                .hasMessageEndingWith("none': no such file");
        Files.writeString(users, "user alice pw\nadmin bob\n");
        assertThatThrownBy(() -> IdentityOptions.server(server("--users", users.toString(), "1")))
                .hasMessageContaining("line 2: unknown kind 'admin'");
    }

    @Test
    void usersAloneIsStrictUnlessIdentityIsOptional(@TempDir Path dir) throws Exception {
        Path users = dir.resolve("users.txt");
        Files.writeString(users, "user alice pw\n");
        Files.setPosixFilePermissions(users, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        ParsedArgs strict = server("--users", users.toString(), "1");
        assertThat(IdentityOptions.server(strict).required()).isTrue();
        assertThat(strict.warnings()).containsExactly("users file '" + users + "', line 1 holds a password in clear"
                + " text: store a bcrypt hash instead (NAME:HASH, from htpasswd -nB NAME or echoscp --hash-password)");
        KnownIdentities optional = IdentityOptions.server(server("--users", users.toString(), "--identity-optional", "1"));
        assertThat(optional.required()).isFalse();
        assertThat(optional.listed()).isTrue();
        assertThatThrownBy(() -> IdentityOptions.server(server("--identity-optional", "1")))
                .hasMessage("--identity-optional only allowed with --users");
        assertThatThrownBy(() -> IdentityOptions.server(server("--users", users.toString(), "--identity-optional",
                "--require-identity", "1"))).hasMessage("--identity-optional not allowed with --require-identity");
        Files.setPosixFilePermissions(users, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        ParsedArgs readable = server("--users", users.toString(), "1");
        IdentityOptions.server(readable);
        assertThat(readable.warnings()).contains("users file '" + users + "' is readable by others (rw-r--r--): chmod"
                + " go-rwx " + users);
    }

    @Test
    void passwordFromAFileTheRightmostOfPwdAndFileWins(@TempDir Path dir) throws Exception {
        Path pw = dir.resolve("pw.txt");
        Files.writeString(pw, "from file\n");
        Files.setPosixFilePermissions(pw, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        ParsedArgs p = client("-usr", "alice", "--password-file", pw.toString(), "h", "1");
        UserInfoSubItem.UserIdentityRq u = IdentityOptions.request(p);
        assertThat(new String(u.secondaryField(), StandardCharsets.UTF_8)).isEqualTo("from file");
        assertThat(p.warnings()).isEmpty();
        assertThat(new String(IdentityOptions.request(client("-usr", "alice", "--password-file", pw.toString(),
                "-pwd", "given", "h", "1")).secondaryField(), StandardCharsets.UTF_8)).isEqualTo("given");
        assertThatThrownBy(() -> IdentityOptions.request(client("--password-file", pw.toString(), "h", "1")))
                .hasMessage("--password-file only allowed with --user");
        assertThatThrownBy(() -> IdentityOptions.request(client("-usr", "a", "-epw", "--password-file", pw.toString(),
                "h", "1"))).hasMessage("--empty-password only allowed with --user");
        assertThatThrownBy(() -> IdentityOptions.request(client("-usr", "a", "--password-file",
                dir.resolve("none").toString(), "h", "1"))).hasMessageStartingWith("password file cannot read '")
                .hasMessageEndingWith("none': no such file");
        Files.setPosixFilePermissions(pw, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r-----"));
        ParsedArgs open = client("-usr", "alice", "--password-file", pw.toString(), "h", "1");
        IdentityOptions.request(open);
        assertThat(open.warnings()).containsExactly("password file '" + pw + "' is readable by others (rw-r-----):"
                + " chmod go-rwx " + pw);
    }

    @Test
    void hashPasswordReadsStandardInput() throws Exception {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        int code = HashPassword.run(new java.io.ByteArrayInputStream("s3cret words\n".getBytes(StandardCharsets.UTF_8)),
                null, new java.io.PrintStream(out, true, StandardCharsets.UTF_8),
                new java.io.PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).isZero();
        String hash = out.toString(StandardCharsets.UTF_8).strip();
        assertThat(org.echoscu.secret.Bcrypt.matches(hash, "s3cret words".getBytes(StandardCharsets.UTF_8))).isTrue();
        assertThat(hash).startsWith("$2y$10$");
        code = HashPassword.run(new java.io.ByteArrayInputStream("\n".getBytes(StandardCharsets.UTF_8)), null,
                new java.io.PrintStream(out, true, StandardCharsets.UTF_8),
                new java.io.PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("error: the password on standard input is empty\n");
    }

    @Test
    void listenAddressIsAnAddressLiteral() throws Exception {
        assertThat(EchoscpCommand.settings(server("--listen-address", "127.0.0.1", "1")).listenAddress())
                .isEqualTo(java.net.InetAddress.getByName("127.0.0.1"));
        assertThat(EchoscpCommand.settings(server("--listen-address", "::1", "1")).family())
                .isEqualTo(org.echoscu.net.IpFamily.IPV6);
        assertThat(EchoscpCommand.settings(server("--listen-address", "[::1]", "1")).listenAddress())
                .isEqualTo(java.net.InetAddress.getByName("::1"));
        assertThat(EchoscpCommand.settings(server("1")).listenAddress()).isNull();
        assertThatThrownBy(() -> EchoscpCommand.settings(server("--listen-address", "localhost", "1")))
                .hasMessage("Invalid value for option --listen-address (localhost: not an IPv4 or IPv6 address)");
        assertThatThrownBy(() -> EchoscpCommand.settings(server("--listen-address", "cafe", "1")))
                .isInstanceOf(UsageException.class);
        assertThatThrownBy(() -> EchoscpCommand.settings(server("-i4", "--listen-address", "::1", "1")))
                .hasMessage("--listen-address ::1 is not an IPv4 address (--ipv4)");
    }

    @Test
    void proxiesTheRightmostWins() throws Exception {
        Tunnel http = ProxyOptions.tunnel(client("--socks5", "s:1080", "--proxy", "a:b@p:3128", "h", "1"), 30);
        assertThat(http).isInstanceOf(HttpConnectTunnel.class);
        assertThat(http.proxyHost()).isEqualTo("p");
        assertThat(http.proxyPort()).isEqualTo(3128);
        assertThat(ProxyOptions.tunnel(client("--proxy", "p:3128", "--socks5", "s:1080", "h", "1"), 30))
                .isInstanceOf(Socks5Tunnel.class);
        assertThatThrownBy(() -> ProxyOptions.tunnel(client("--proxy", "alice:secret@p", "h", "1"), 30))
                .hasMessage("Invalid value for option --proxy (expected [USER:PASSWORD@]HOST:PORT)");
    }
}
