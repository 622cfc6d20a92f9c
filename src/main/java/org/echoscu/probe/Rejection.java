package org.echoscu.probe;

/**
 * The three fields of an A-ASSOCIATE-RJ (PS3.8 §9.3.4, table 9-21), as the peer sent them.
 */
public record Rejection(int result, int source, int reason) {

    /** Source 1 (service user), reason 3: the peer does not know our calling AE title. */
    public boolean callingAeNotRecognized() {
        return source == 1 && reason == 3;
    }

    /** Source 1 (service user), reason 7: the peer does not know the called AE title. */
    public boolean calledAeNotRecognized() {
        return source == 1 && reason == 7;
    }

    /** Result 1 is permanent, 2 transient (PS3.8 table 9-21). */
    public boolean permanent() {
        return result == 1;
    }
}
