package org.echoscu.acse;

/** The UIDs of the Verification service (PS3.4 annex A, PS3.6 annex A) and of this implementation (PS3.7 annex D.3.3.2). */
public final class Uids {

    public static final String VERIFICATION_SOP_CLASS = "1.2.840.10008.1.1";
    public static final String APPLICATION_CONTEXT = "1.2.840.10008.3.1.1.1";

    /** Our implementation class UID: a UUID-derived UID under 2.25 (PS3.5 §B.2), fixed for this product. */
    public static final String IMPLEMENTATION_CLASS_UID = "2.25.103525560545263109872788456325480363221";

    /** At most 16 characters (PS3.7 D.3.3.2.3): JECHOSCU_ and the build's version, e.g. JECHOSCU_010 for 0.1.0. */
    public static final String IMPLEMENTATION_VERSION_NAME = versionName(BuildVersion.VERSION);

    private static final String VERSION_NAME_PREFIX = "JECHOSCU_";
    /** PS3.7 D.3.3.2.3: an implementation version name has 1 to 16 characters. */
    private static final int VERSION_NAME_MAX = 16;

    private Uids() {
    }

    /**
     * Whether a text is a UID (PS3.5 §9.1): 1 to 64 characters, components of digits separated by
     * single dots, none but a lone {@code 0} starting with {@code 0}.
     */
    public static boolean isUid(String text) {
        if (text.isEmpty() || text.length() > 64 || text.startsWith(".") || text.endsWith(".")
                || text.contains("..")) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '.' && (c < '0' || c > '9')) {
                return false;
            }
            boolean startsComponent = i == 0 || text.charAt(i - 1) == '.';
            if (c == '0' && startsComponent && i + 1 < text.length() && text.charAt(i + 1) != '.') {
                return false; // a leading zero
            }
        }
        return true;
    }

    /**
     * The implementation version name of a build version: the prefix and the digits of its
     * release numbers ({@code 0.1.0} gives {@code JECHOSCU_010}; a qualifier such as
     * {@code -SNAPSHOT} is left out), cut at 16 characters.
     */
    static String versionName(String buildVersion) {
        int dash = buildVersion.indexOf('-');
        String release = dash < 0 ? buildVersion : buildVersion.substring(0, dash);
        StringBuilder name = new StringBuilder(VERSION_NAME_PREFIX);
        for (int i = 0; i < release.length() && name.length() < VERSION_NAME_MAX; i++) {
            char c = release.charAt(i);
            if (c >= '0' && c <= '9') {
                name.append(c);
            }
        }
        return name.toString();
    }
}
