package org.echoscu.acse;

/** AE title rules of PS3.5 (VR AE): 1 to 16 characters, no control characters or backslash, not all spaces. */
public final class AeTitles {

    private AeTitles() {
    }

    /** @return null when valid, otherwise why not, as a sentence fragment */
    public static String problem(String title) {
        if (title == null || title.isBlank()) {
            return "is empty";
        }
        if (title.length() > 16) {
            return "is " + title.length() + " characters long, at most 16 are allowed";
        }
        for (int i = 0; i < title.length(); i++) {
            char c = title.charAt(i);
            if (c < 0x20 || c > 0x7e || c == '\\') {
                return "contains the character " + (c < 0x20 ? String.format("0x%02x", (int) c) : "'" + c + "'")
                        + ", which an AE title may not";
            }
        }
        return null;
    }

    static void requireValid(String title, String what) {
        String p = problem(title);
        if (p != null) {
            throw new IllegalArgumentException(what + " '" + title + "' " + p);
        }
    }
}
