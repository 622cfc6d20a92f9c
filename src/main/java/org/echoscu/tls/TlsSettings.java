package org.echoscu.tls;

import java.util.List;

/**
 * The TLS part of a command line, checked for conflicts but not yet acted on (no file read).
 *
 * @param client        true for echoscu (the TLS client), false for echoscp
 * @param keyFile       private key (+tls), or null for +tla (client without certificate)
 * @param certFile      certificate (chain) belonging to the key, or null
 * @param passwords     where the key's password comes from, if it is encrypted (+ps, +pw, -pw)
 * @param der           keys, certificates and CRLs are DER (-der), not PEM
 * @param caFiles       +cf files, in order
 * @param caDirs        +cd directories
 * @param crlFiles      +crl files
 * @param crlMode       how far revocation is checked
 * @param profile       the security profile
 * @param addedSuites   +cs suites, IANA names
 * @param seedFile      +rs file, or null
 * @param writeSeedFile where to write the seed back (+ws: the +rs file; +wf: another), or null
 * @param peer          -rc, -vc, -ic
 * @param requestedSni  echoscu: the server name sent in the SNI extension (--request-sni), null for none
 *                      (--no-sni, the default); a host-name check of the server certificate uses this name
 * @param expectedSni   echoscp: the only server name a client may ask for (--expect-sni), null for any
 */
public record TlsSettings(boolean client, String keyFile, String certFile, Passwords passwords, boolean der,
                          List<String> caFiles, List<String> caDirs, List<String> crlFiles, CrlMode crlMode,
                          TlsProfile profile, List<String> addedSuites, String seedFile, String writeSeedFile,
                          PeerCertificate peer, String requestedSni, String expectedSni) {

    public boolean anonymous() {
        return keyFile == null;
    }
}
