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
