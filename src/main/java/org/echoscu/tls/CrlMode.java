package org.echoscu.tls;

/** Certificate revocation checking: none, the peer's own certificate (+crv, +crl), or the whole chain (+cra). */
public enum CrlMode {
    NONE, LEAF, CHAIN
}
