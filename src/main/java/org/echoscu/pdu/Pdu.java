package org.echoscu.pdu;

/**
 * A protocol data unit of the DICOM upper layer (PS3.8 §9.3): one record per PDU type.
 * Records hold decoded values only; {@link PduEncoder} and {@link PduDecoder} own the bytes.
 */
public sealed interface Pdu
        permits AAssociateRq, AAssociateAc, AAssociateRj, PDataTf, AReleaseRq, AReleaseRp, AAbort {

    /** The PDU-type byte of PS3.8 table 9-11 and following. */
    int type();

    int TYPE_ASSOCIATE_RQ = 0x01;
    int TYPE_ASSOCIATE_AC = 0x02;
    int TYPE_ASSOCIATE_RJ = 0x03;
    int TYPE_P_DATA_TF = 0x04;
    int TYPE_RELEASE_RQ = 0x05;
    int TYPE_RELEASE_RP = 0x06;
    int TYPE_ABORT = 0x07;
}
