package org.echoscu.acse;

import java.util.Map;
import java.util.TreeMap;

/**
 * A short list of well-known SOP class names for {@code --probe-sop} (their UIDs are those of
 * PS3.6 Annex A, the names DCMTK's keywords). Anything else is given as a UID.
 */
public final class SopClassNames {

    private static final Map<String, String> UIDS = table();

    private SopClassNames() {
    }

    private static Map<String, String> table() {
        Map<String, String> m = new TreeMap<>();
        m.put("Verification", Uids.VERIFICATION_SOP_CLASS);
        m.put("StorageCommitmentPushModel", "1.2.840.10008.1.20.1");
        m.put("ModalityPerformedProcedureStep", "1.2.840.10008.3.1.2.3.3");
        m.put("ComputedRadiographyImageStorage", "1.2.840.10008.5.1.4.1.1.1");
        m.put("DigitalXRayImageStorageForPresentation", "1.2.840.10008.5.1.4.1.1.1.1");
        m.put("DigitalMammographyXRayImageStorageForPresentation", "1.2.840.10008.5.1.4.1.1.1.2");
        m.put("CTImageStorage", "1.2.840.10008.5.1.4.1.1.2");
        m.put("EnhancedCTImageStorage", "1.2.840.10008.5.1.4.1.1.2.1");
        m.put("UltrasoundMultiframeImageStorage", "1.2.840.10008.5.1.4.1.1.3.1");
        m.put("MRImageStorage", "1.2.840.10008.5.1.4.1.1.4");
        m.put("EnhancedMRImageStorage", "1.2.840.10008.5.1.4.1.1.4.1");
        m.put("UltrasoundImageStorage", "1.2.840.10008.5.1.4.1.1.6.1");
        m.put("SecondaryCaptureImageStorage", "1.2.840.10008.5.1.4.1.1.7");
        m.put("GrayscaleSoftcopyPresentationStateStorage", "1.2.840.10008.5.1.4.1.1.11.1");
        m.put("XRayAngiographicImageStorage", "1.2.840.10008.5.1.4.1.1.12.1");
        m.put("NuclearMedicineImageStorage", "1.2.840.10008.5.1.4.1.1.20");
        m.put("BasicTextSRStorage", "1.2.840.10008.5.1.4.1.1.88.11");
        m.put("EnhancedSRStorage", "1.2.840.10008.5.1.4.1.1.88.22");
        m.put("ComprehensiveSRStorage", "1.2.840.10008.5.1.4.1.1.88.33");
        m.put("KeyObjectSelectionDocumentStorage", "1.2.840.10008.5.1.4.1.1.88.59");
        m.put("EncapsulatedPDFStorage", "1.2.840.10008.5.1.4.1.1.104.1");
        m.put("PositronEmissionTomographyImageStorage", "1.2.840.10008.5.1.4.1.1.128");
        m.put("RTImageStorage", "1.2.840.10008.5.1.4.1.1.481.1");
        m.put("RTDoseStorage", "1.2.840.10008.5.1.4.1.1.481.2");
        m.put("RTStructureSetStorage", "1.2.840.10008.5.1.4.1.1.481.3");
        m.put("RTPlanStorage", "1.2.840.10008.5.1.4.1.1.481.5");
        m.put("PatientRootQueryRetrieveInformationModelFind", "1.2.840.10008.5.1.4.1.2.1.1");
        m.put("PatientRootQueryRetrieveInformationModelMove", "1.2.840.10008.5.1.4.1.2.1.2");
        m.put("PatientRootQueryRetrieveInformationModelGet", "1.2.840.10008.5.1.4.1.2.1.3");
        m.put("StudyRootQueryRetrieveInformationModelFind", "1.2.840.10008.5.1.4.1.2.2.1");
        m.put("StudyRootQueryRetrieveInformationModelMove", "1.2.840.10008.5.1.4.1.2.2.2");
        m.put("StudyRootQueryRetrieveInformationModelGet", "1.2.840.10008.5.1.4.1.2.2.3");
        m.put("ModalityWorklistInformationModelFind", "1.2.840.10008.5.1.4.31");
        return m;
    }

    /** Every known name with its UID, sorted by name. */
    public static Map<String, String> all() {
        return UIDS;
    }

    /** What {@code --probe-sop} and the exporter's {@code peer_info_sop_classes} take: a UID as given, or a known name's UID; null for neither. */
    public static String resolve(String uidOrName) {
        return Uids.isUid(uidOrName) ? uidOrName : uidOf(uidOrName);
    }

    /** The UID of a known name (exact spelling), or null. */
    public static String uidOf(String name) {
        return UIDS.get(name);
    }

    /** The known name of a UID, or null. */
    public static String nameOf(String uid) {
        for (Map.Entry<String, String> e : UIDS.entrySet()) {
            if (e.getValue().equals(uid)) {
                return e.getKey();
            }
        }
        return null;
    }
}
