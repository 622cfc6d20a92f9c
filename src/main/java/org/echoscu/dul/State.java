package org.echoscu.dul;

/** The states of the DICOM upper layer protocol machine, PS3.8 table 9-2. */
public enum State {
    STA1("Idle"),
    STA2("Transport connection open (awaiting A-ASSOCIATE-RQ PDU)"),
    STA3("Awaiting local A-ASSOCIATE response primitive"),
    STA4("Awaiting transport connection opening to complete"),
    STA5("Awaiting A-ASSOCIATE-AC or A-ASSOCIATE-RJ PDU"),
    STA6("Association established and ready for data transfer"),
    STA7("Awaiting A-RELEASE-RP PDU"),
    STA8("Awaiting local A-RELEASE response primitive"),
    STA9("Release collision requestor side; awaiting A-RELEASE response primitive"),
    STA10("Release collision acceptor side; awaiting A-RELEASE-RP PDU"),
    STA11("Release collision requestor side; awaiting A-RELEASE-RP PDU"),
    STA12("Release collision acceptor side; awaiting A-RELEASE response primitive"),
    STA13("Awaiting transport connection close indication (association no longer exists)");

    private final String description;

    State(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    @Override
    @SuppressWarnings("EnumOrdinal") // PS3.8 numbers the states in this order: Sta1 is the first constant
    public String toString() {
        return "Sta" + (ordinal() + 1);
    }
}
