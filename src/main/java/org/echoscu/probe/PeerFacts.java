package org.echoscu.probe;

/**
 * What the peer told us in its A-ASSOCIATE-AC (PS3.7 annex D.3.3, PS3.8 §9.3.3).
 *
 * @param implementationClassUid     the peer's Implementation Class UID (sub-item 52H), null if absent
 * @param implementationVersionName  its Implementation Version Name (sub-item 55H), null if absent
 * @param maxPduLength               the maximum PDU length it receives (sub-item 51H); 0 means unlimited,
 *                                   -1 that it sent none
 * @param transferSyntax             the transfer syntax UID it accepted for Verification, null if none
 */
public record PeerFacts(String implementationClassUid, String implementationVersionName, long maxPduLength,
                        String transferSyntax) {
}
