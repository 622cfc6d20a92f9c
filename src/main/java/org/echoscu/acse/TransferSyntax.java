package org.echoscu.acse;

import java.util.List;

/**
 * The 53 transfer syntaxes echoscu can propose, in the order of DCMTK 3.7.0's -pts, with
 * DCMTK's names (PS3.5 §10 and Annex A). DCMTK inserted two syntaxes inside the table rather
 * than appending them (Encapsulated Uncompressed Explicit VR Little Endian at 4 in 3.6.9,
 * Deflated Image Frame Compression at 25 in 3.7.0), so -pts n means what it means in 3.7.0,
 * not in 3.6.7 (docs/dcmtk.md, "Transfer syntaxes").
 */
public enum TransferSyntax {
    LITTLE_ENDIAN_IMPLICIT("1.2.840.10008.1.2", "LittleEndianImplicit"),
    LITTLE_ENDIAN_EXPLICIT("1.2.840.10008.1.2.1", "LittleEndianExplicit"),
    BIG_ENDIAN_EXPLICIT("1.2.840.10008.1.2.2", "BigEndianExplicit"),
    ENCAPSULATED_UNCOMPRESSED_EXPLICIT("1.2.840.10008.1.2.1.98", "EncapsulatedUncompressedLittleEndianExplicit"),
    JPEG_BASELINE("1.2.840.10008.1.2.4.50", "JPEGBaseline"),
    JPEG_EXTENDED_2_4("1.2.840.10008.1.2.4.51", "JPEGExtended:Process2+4"),
    JPEG_EXTENDED_3_5("1.2.840.10008.1.2.4.52", "JPEGExtended:Process3+5"),
    JPEG_SPECTRAL_6_8("1.2.840.10008.1.2.4.53", "JPEGSpectralSelection:Non-hierarchical:Process6+8"),
    JPEG_SPECTRAL_7_9("1.2.840.10008.1.2.4.54", "JPEGSpectralSelection:Non-hierarchical:Process7+9"),
    JPEG_FULL_10_12("1.2.840.10008.1.2.4.55", "JPEGFullProgression:Non-hierarchical:Process10+12"),
    JPEG_FULL_11_13("1.2.840.10008.1.2.4.56", "JPEGFullProgression:Non-hierarchical:Process11+13"),
    JPEG_LOSSLESS_14("1.2.840.10008.1.2.4.57", "JPEGLossless:Non-hierarchical:Process14"),
    JPEG_LOSSLESS_15("1.2.840.10008.1.2.4.58", "JPEGLossless:Non-hierarchical:Process15"),
    JPEG_EXTENDED_16_18("1.2.840.10008.1.2.4.59", "JPEGExtended:Hierarchical:Process16+18"),
    JPEG_EXTENDED_17_19("1.2.840.10008.1.2.4.60", "JPEGExtended:Hierarchical:Process17+19"),
    JPEG_SPECTRAL_20_22("1.2.840.10008.1.2.4.61", "JPEGSpectralSelection:Hierarchical:Process20+22"),
    JPEG_SPECTRAL_21_23("1.2.840.10008.1.2.4.62", "JPEGSpectralSelection:Hierarchical:Process21+23"),
    JPEG_FULL_24_26("1.2.840.10008.1.2.4.63", "JPEGFullProgression:Hierarchical:Process24+26"),
    JPEG_FULL_25_27("1.2.840.10008.1.2.4.64", "JPEGFullProgression:Hierarchical:Process25+27"),
    JPEG_LOSSLESS_28("1.2.840.10008.1.2.4.65", "JPEGLossless:Hierarchical:Process28"),
    JPEG_LOSSLESS_29("1.2.840.10008.1.2.4.66", "JPEGLossless:Hierarchical:Process29"),
    JPEG_LOSSLESS_SV1("1.2.840.10008.1.2.4.70", "JPEGLossless:Non-hierarchical-1stOrderPrediction"),
    RLE_LOSSLESS("1.2.840.10008.1.2.5", "RLELossless"),
    DEFLATED_LITTLE_ENDIAN_EXPLICIT("1.2.840.10008.1.2.1.99", "DeflatedLittleEndianExplicit"),
    DEFLATED_IMAGE_FRAME("1.2.840.10008.1.2.8.1", "DeflatedImageFrameCompression"),
    JPEG_LS_LOSSLESS("1.2.840.10008.1.2.4.80", "JPEGLSLossless"),
    JPEG_LS_LOSSY("1.2.840.10008.1.2.4.81", "JPEGLSLossy"),
    JPEG_2000_LOSSLESS("1.2.840.10008.1.2.4.90", "JPEG2000LosslessOnly"),
    JPEG_2000("1.2.840.10008.1.2.4.91", "JPEG2000"),
    JPEG_2000_MC_LOSSLESS("1.2.840.10008.1.2.4.92", "JPEG2000MulticomponentLosslessOnly"),
    JPEG_2000_MC("1.2.840.10008.1.2.4.93", "JPEG2000Multicomponent"),
    MPEG2_MAIN_MAIN("1.2.840.10008.1.2.4.100", "MPEG2MainProfile@MainLevel"),
    MPEG2_MAIN_HIGH("1.2.840.10008.1.2.4.101", "MPEG2MainProfile@HighLevel"),
    MPEG4_HIGH_41("1.2.840.10008.1.2.4.102", "MPEG4HighProfile/Level4.1"),
    MPEG4_BD_HIGH_41("1.2.840.10008.1.2.4.103", "MPEG4BDcompatibleHighProfile/Level4.1"),
    MPEG4_HIGH_42_2D("1.2.840.10008.1.2.4.104", "MPEG4HighProfile/Level4.2For2DVideo"),
    MPEG4_HIGH_42_3D("1.2.840.10008.1.2.4.105", "MPEG4HighProfile/Level4.2For3DVideo"),
    MPEG4_STEREO_HIGH_42("1.2.840.10008.1.2.4.106", "MPEG4StereoHighProfile/Level4.2"),
    HEVC_MAIN_51("1.2.840.10008.1.2.4.107", "HEVCMainProfile/Level5.1"),
    HEVC_MAIN10_51("1.2.840.10008.1.2.4.108", "HEVCMain10Profile/Level5.1"),
    FRAGMENTABLE_MPEG2_MAIN_MAIN("1.2.840.10008.1.2.4.100.1", "FragmentableMPEG2MainProfile/MainLevel"),
    FRAGMENTABLE_MPEG2_MAIN_HIGH("1.2.840.10008.1.2.4.101.1", "FragmentableMPEG2MainProfile/HighLevel"),
    FRAGMENTABLE_MPEG4_HIGH_41("1.2.840.10008.1.2.4.102.1", "FragmentableMPEG4HighProfile/Level4.1"),
    FRAGMENTABLE_MPEG4_BD_HIGH_41("1.2.840.10008.1.2.4.103.1", "FragmentableMPEG4BDcompatibleHighProfile/Level4.1"),
    FRAGMENTABLE_MPEG4_HIGH_42_2D("1.2.840.10008.1.2.4.104.1", "FragmentableMPEG4HighProfile/Level4.2For2DVideo"),
    FRAGMENTABLE_MPEG4_HIGH_42_3D("1.2.840.10008.1.2.4.105.1", "FragmentableMPEG4HighProfile/Level4.2For3DVideo"),
    FRAGMENTABLE_MPEG4_STEREO_HIGH_42("1.2.840.10008.1.2.4.106.1", "FragmentableMPEG4StereoHighProfile/Level4.2"),
    HTJ2K_LOSSLESS("1.2.840.10008.1.2.4.201", "HighThroughputJPEG2000ImageCompressionLosslessOnly"),
    HTJ2K_RPCL_LOSSLESS("1.2.840.10008.1.2.4.202",
            "HighThroughputJPEG2000withRPCLOptionsImageCompressionLosslessOnly"),
    HTJ2K("1.2.840.10008.1.2.4.203", "HighThroughputJPEG2000ImageCompression"),
    JPEG_XL_LOSSLESS("1.2.840.10008.1.2.4.110", "JPEGXLLossless"),
    JPEG_XL_JPEG_RECOMPRESSION("1.2.840.10008.1.2.4.111", "JPEGXLJPEGRecompression"),
    JPEG_XL("1.2.840.10008.1.2.4.112", "JPEGXL");

    private final String uid;
    private final String dcmtkName;

    TransferSyntax(String uid, String dcmtkName) {
        this.uid = uid;
        this.dcmtkName = dcmtkName;
    }

    public String uid() {
        return uid;
    }

    public String dcmtkName() {
        return dcmtkName;
    }

    /** The first {@code n} of the table, as -pts n proposes them. */
    public static List<String> firstUids(int n) {
        TransferSyntax[] all = values();
        String[] uids = new String[Math.min(Math.max(n, 0), all.length)];
        for (int i = 0; i < uids.length; i++) {
            uids[i] = all[i].uid;
        }
        return List.of(uids);
    }

    /** DCMTK's name for a UID, or the UID itself when it is not one of ours. */
    public static String nameOf(String uid) {
        for (TransferSyntax ts : values()) {
            if (ts.uid.equals(uid)) {
                return ts.dcmtkName;
            }
        }
        return uid;
    }
}
