package org.echoscu.exporter;

import java.time.Duration;
import java.util.List;

import org.echoscu.acse.TransferSyntax;

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
 * @param transferSyntaxes  the transfer syntaxes proposed for Verification
 * @param tls               TLS settings, or null for plain TCP
 * @param identity          user identity to send, or null
 * @param proxy             {@code http://HOST:PORT} or {@code socks5://HOST:PORT}, or null
 * @param peerInfo          whether a peer report follows the echo (its accepted transfer syntaxes as metrics)
 * @param peerInfoSopClasses the SOP class UIDs the report proposes besides Verification, in order
 */
public record Module(String name, String callingAe, Duration timeout, IpFamily family, long maxPdu,
                     TransferSyntaxes transferSyntaxes, TlsModule tls, Identity identity, String proxy,
                     boolean peerInfo, List<String> peerInfoSopClasses) {

    public Module {
        peerInfoSopClasses = List.copyOf(peerInfoSopClasses);
    }

    /** The module that serves without a configuration file. */
    public static Module builtIn() {
        return new Module("echo", "ECHOSCU", Duration.ofSeconds(5), IpFamily.IPV4, 16384, TransferSyntaxes.first(1),
                null, null, null, false, List.of());
    }

    /**
     * {@code transfer_syntaxes}: the first {@code count} of echoscu's {@code -pts} table, or, when
     * {@code uids} is not null, exactly those UIDs in that order.
     */
    public record TransferSyntaxes(int count, List<String> uids) {

        public TransferSyntaxes {
            uids = uids == null ? null : List.copyOf(uids);
        }

        static TransferSyntaxes first(int count) {
            return new TransferSyntaxes(count, null);
        }

        static TransferSyntaxes list(List<String> uids) {
            return new TransferSyntaxes(uids.size(), uids);
        }

        /** The UIDs proposed, in order. */
        public List<String> proposed() {
            return uids != null ? uids : TransferSyntax.firstUids(count);
        }
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
