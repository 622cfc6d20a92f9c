package org.echoscu.dul;

/** The events of the upper layer protocol machine, PS3.8 table 9-3. */
public enum Event {
    EVT1("A-ASSOCIATE request primitive"),
    EVT2("Transport connection confirm"),
    EVT3("A-ASSOCIATE-AC PDU received"),
    EVT4("A-ASSOCIATE-RJ PDU received"),
    EVT5("Transport connection indication"),
    EVT6("A-ASSOCIATE-RQ PDU received"),
    EVT7("A-ASSOCIATE response primitive (accept)"),
    EVT8("A-ASSOCIATE response primitive (reject)"),
    EVT9("P-DATA request primitive"),
    EVT10("P-DATA-TF PDU received"),
    EVT11("A-RELEASE request primitive"),
    EVT12("A-RELEASE-RQ PDU received"),
    EVT13("A-RELEASE-RP PDU received"),
    EVT14("A-RELEASE response primitive"),
    EVT15("A-ABORT request primitive"),
    EVT16("A-ABORT PDU received"),
    EVT17("Transport connection closed"),
    EVT18("ARTIM timer expired"),
    EVT19("Unrecognized or invalid PDU received");

    private final String description;

    Event(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    @Override
    @SuppressWarnings("EnumOrdinal") // PS3.8 numbers the events in this order: Evt1 is the first constant
    public String toString() {
        return "Evt" + (ordinal() + 1);
    }
}
