package org.echoscu.exporter;

import java.time.Duration;

import org.echoscu.net.IpFamily;

/**
 * One module of the configuration: how a probe is made (the settings echoscu's options would
 * give), named so that a scrape can ask for it.
 *
 * @param name              the key under {@code modules}
 * @param callingAe         our AE title
 * @param timeout           the longest a probe of this module takes, whatever the scrape allows
 * @param family            which address family of the target's name is used
 * @param maxPdu            our maximum receive PDU length
 * @param transferSyntaxes  how many of echoscu's {@code -pts} transfer syntaxes are proposed
 * @param tls               TLS settings, or null for plain TCP
 * @param identity          user identity to send, or null
 * @param proxy             {@code http://HOST:PORT} or {@code socks5://HOST:PORT}, or null
 */
public record Module(String name, String callingAe, Duration timeout, IpFamily family, long maxPdu,
                     int transferSyntaxes, TlsModule tls, Identity identity, String proxy) {

    /** The module that serves without a configuration file. */
    public static Module builtIn() {
        return new Module("echo", "ECHOSCU", Duration.ofSeconds(5), IpFamily.IPV4, 16384, 1, null, null, null);
    }

    /**
     * The TLS part of a module. Files are paths; the key's password only ever from a file.
     *
     * @param serverName     the name sent in SNI and checked with {@code checkHostname}; null: none sent
     */
    public record TlsModule(String caFile, String certFile, String keyFile, String keyPasswordFile, String profile,
                            String serverName, boolean checkHostname) {
    }

    /**
     * The user identity sub-item (PS3.7 D.3.3.7): {@code type} {@code username} (1) or
     * {@code username_password} (2); the password only from a file.
     */
    public record Identity(String type, String username, String passwordFile) {
    }
}
