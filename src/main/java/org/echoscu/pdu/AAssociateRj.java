package org.echoscu.pdu;

/** A-ASSOCIATE-RJ (PS3.8 §9.3.4): result, source and reason as the raw field values. */
public record AAssociateRj(int result, int source, int reason) implements Pdu {

    public static final int RESULT_PERMANENT = 1;
    public static final int RESULT_TRANSIENT = 2;

    public static final int SOURCE_SERVICE_USER = 1;
    public static final int SOURCE_PROVIDER_ACSE = 2;
    public static final int SOURCE_PROVIDER_PRESENTATION = 3;

    @Override
    public int type() {
        return TYPE_ASSOCIATE_RJ;
    }
}
