package org.echoscu.dul;

/** The actions of the upper layer protocol machine, PS3.8 tables 9-6 to 9-9. */
public enum Action {
    AE_1("Issue TRANSPORT CONNECT request primitive to local transport service"),
    AE_2("Send A-ASSOCIATE-RQ PDU"),
    AE_3("Issue A-ASSOCIATE confirmation (accept) primitive"),
    AE_4("Issue A-ASSOCIATE confirmation (reject) primitive and close transport connection"),
    AE_5("Issue transport connection response primitive; start ARTIM timer"),
    AE_6("Stop ARTIM timer; issue A-ASSOCIATE indication, or send A-ASSOCIATE-RJ and start ARTIM timer"),
    AE_7("Send A-ASSOCIATE-AC PDU"),
    AE_8("Send A-ASSOCIATE-RJ PDU and start ARTIM timer"),
    DT_1("Send P-DATA-TF PDU"),
    DT_2("Send P-DATA indication primitive"),
    AR_1("Send A-RELEASE-RQ PDU"),
    AR_2("Issue A-RELEASE indication primitive"),
    AR_3("Issue A-RELEASE confirmation primitive and close transport connection"),
    AR_4("Issue A-RELEASE-RP PDU and start ARTIM timer"),
    AR_5("Stop ARTIM timer"),
    AR_6("Issue P-DATA indication"),
    AR_7("Issue P-DATA-TF PDU"),
    AR_8("Issue A-RELEASE indication (release collision)"),
    AR_9("Send A-RELEASE-RP PDU"),
    AR_10("Issue A-RELEASE confirmation primitive"),
    AA_1("Send A-ABORT PDU (service-user source) and start (or restart) ARTIM timer"),
    AA_2("Stop ARTIM timer if running; close transport connection"),
    AA_3("Issue A-ABORT or A-P-ABORT indication and close transport connection"),
    AA_4("Issue A-P-ABORT indication primitive"),
    AA_5("Stop ARTIM timer"),
    AA_6("Ignore PDU"),
    AA_7("Send A-ABORT PDU"),
    AA_8("Send A-ABORT PDU (service-provider source), issue A-P-ABORT indication, start ARTIM timer");

    private final String description;

    Action(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    @Override
    public String toString() {
        return name().replace('_', '-');
    }
}
