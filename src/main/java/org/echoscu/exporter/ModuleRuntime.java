package org.echoscu.exporter;

import java.nio.file.Path;
import java.util.List;

import org.echoscu.acse.UserIdentity;
import org.echoscu.net.HttpConnectTunnel;
import org.echoscu.net.ProxyAddress;
import org.echoscu.net.SocketLayer;
import org.echoscu.net.Socks5Tunnel;
import org.echoscu.net.Tunnel;
import org.echoscu.pdu.UserInfoSubItem;
import org.echoscu.secret.SecretFile;
import org.echoscu.tls.CrlMode;
import org.echoscu.tls.Passwords;
import org.echoscu.tls.PeerCertificate;
import org.echoscu.tls.TlsProfile;
import org.echoscu.tls.TlsSettings;
import org.echoscu.tls.TlsSetupException;
import org.echoscu.tls.TlsSocketLayer;

/**
 * What a module's probes share, made once when the configuration is loaded: the TLS layer
 * (keys and certificates read), the user identity (its password read from its file), the
 * proxy. A file that cannot be read is an error of the configuration, not of each probe.
 * Secrets are held here only; no message quotes them.
 */
public record ModuleRuntime(Module module, SocketLayer layer, UserInfoSubItem.UserIdentityRq identity,
                            Tunnel tunnel) {

    public static ModuleRuntime of(Module m) throws ConfigException {
        int seconds = (int) Math.max(1, (m.timeout().toMillis() + 999) / 1000);
        return new ModuleRuntime(m, m.tls() == null ? null : layer(m, seconds),
                m.identity() == null ? null : identity(m), m.proxy() == null ? null : tunnel(m.proxy(), seconds));
    }

    private static SocketLayer layer(Module m, int seconds) throws ConfigException {
        Module.TlsModule t = m.tls();
        TlsProfile profile = TlsProfile.DEFAULT;
        for (TlsProfile p : TlsProfile.values()) {
            if (ConfigFile.profileName(p).equals(t.profile())) {
                profile = p;
            }
        }
        Passwords passwords = t.keyPasswordFile() == null ? file -> {
            throw new TlsSetupException("the key '" + file + "' is encrypted and the module names no key_password_file");
        } : Passwords.given(secret(m, t.keyPasswordFile()));
        // no ca_file: the peer's certificate is not verified (echoscu -ic), its facts are still read
        TlsSettings s = new TlsSettings(true, t.keyFile(), t.certFile(), passwords, false,
                t.caFile() == null ? List.of() : List.of(t.caFile()), List.of(), List.of(), CrlMode.NONE, profile,
                List.of(), null, null, t.caFile() == null ? PeerCertificate.IGNORE : PeerCertificate.REQUIRE,
                t.serverName(), null);
        try {
            TlsSocketLayer layer = TlsSocketLayer.create(s, seconds);
            return t.checkHostname() ? layer.withHostnameCheck() : layer;
        } catch (TlsSetupException e) {
            throw new ConfigException("module '" + m.name() + "': TLS: " + e.getMessage());
        }
    }

    private static UserInfoSubItem.UserIdentityRq identity(Module m) throws ConfigException {
        Module.Identity i = m.identity();
        return UserIdentity.user(i.username(), i.passwordFile() == null ? null : secret(m, i.passwordFile()), false);
    }

    private static Tunnel tunnel(String proxy, int seconds) {
        boolean http = proxy.startsWith("http://");
        ProxyAddress address = ProxyAddress.parse(proxy.substring(proxy.indexOf("://") + 3));
        return http ? new HttpConnectTunnel(address, seconds) : new Socks5Tunnel(address, seconds);
    }

    /** A secret from its file (the project's one rule: {@link SecretFile}); never quoted in an error. */
    private static String secret(Module m, String file) throws ConfigException {
        try {
            return SecretFile.read(Path.of(file));
        } catch (SecretFile.UnusableException e) {
            throw new ConfigException("module '" + m.name() + "': " + e.getMessage());
        }
    }

    /** The warnings of a module's secret files that others may read (said at each load, used all the same). */
    public static java.util.List<String> warnings(Module m) {
        java.util.List<String> out = new java.util.ArrayList<>();
        if (m.tls() != null && m.tls().keyPasswordFile() != null) {
            addWarning(out, "key password file", m.tls().keyPasswordFile());
        }
        if (m.identity() != null && m.identity().passwordFile() != null) {
            addWarning(out, "password file", m.identity().passwordFile());
        }
        return out;
    }

    private static void addWarning(java.util.List<String> out, String what, String file) {
        String w = SecretFile.warning(what, Path.of(file));
        if (w != null) {
            out.add(w);
        }
    }
}
