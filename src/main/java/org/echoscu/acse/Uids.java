package org.echoscu.acse;

/** The UIDs of the Verification service (PS3.4 annex A, PS3.6 annex A) and of this implementation (PS3.7 annex D.3.3.2). */
public final class Uids {

    public static final String VERIFICATION_SOP_CLASS = "1.2.840.10008.1.1";
    public static final String APPLICATION_CONTEXT = "1.2.840.10008.3.1.1.1";

    /** Our implementation class UID: a UUID-derived UID under 2.25 (PS3.5 §B.2), fixed for this product. */
    public static final String IMPLEMENTATION_CLASS_UID = "2.25.103525560545263109872788456325480363221";

    /** At most 16 characters (PS3.7 D.3.3.2.3); bumped with each release. */
    public static final String IMPLEMENTATION_VERSION_NAME = "JECHOSCU_010";

    private Uids() {
    }
}
