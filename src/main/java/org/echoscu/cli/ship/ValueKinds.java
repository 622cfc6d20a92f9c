package org.echoscu.cli.ship;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.echoscu.cli.OptionTable;
import org.echoscu.cli.OptionTable.Opt;

/**
 * What an option's values are, and what to call them in a man page, read from the option
 * table. An option whose table entry says nothing is read by DCMTK's own convention for the
 * value description ("[f]ilename: string", "[d]irectory: string"), so that an option someone
 * adds with a DCMTK-style description completes file names without further ado.
 */
final class ValueKinds {

    private ValueKinds() {
    }

    /** One of OptionTable's kinds; null for a flag. */
    static String kind(Opt o) {
        if (o.arity() == 0) {
            return null;
        }
        if (o.kind() != null) {
            return o.kind();
        }
        String description = valueDescription(o).toLowerCase(Locale.ROOT);
        if (description.startsWith("[f]ilename") || description.startsWith("[f]ile")) {
            return OptionTable.FILE;
        }
        if (description.startsWith("[d]irectory")) {
            return OptionTable.DIRECTORY;
        }
        return OptionTable.TEXT;
    }

    /** The first help line of an option with values: "[a]etitle: string", or "" for a flag. */
    static String valueDescription(Opt o) {
        return o.arity() == 0 || o.lines().isEmpty() ? "" : o.lines().get(0);
    }

    /** What the option does: its help lines after the value description. */
    static List<String> purpose(Opt o) {
        return o.arity() == 0 ? o.lines() : o.lines().subList(Math.min(1, o.lines().size()), o.lines().size());
    }

    /**
     * One placeholder name per value: "[p]rivate key file, [c]ertificate file: string" gives
     * private-key-file and certificate-file; a description with fewer parts than values repeats
     * the last.
     */
    static List<String> valueNames(Opt o) {
        String description = valueDescription(o);
        int colon = description.indexOf(':');
        String names = (colon < 0 ? description : description.substring(0, colon)).replace("[", "").replace("]", "");
        List<String> parts = new ArrayList<>();
        for (String part : names.split(",")) {
            String name = part.trim().replaceAll("\\s+", "-");
            if (!name.isEmpty()) {
                parts.add(name);
            }
        }
        if (parts.isEmpty()) {
            parts.add("value");
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < o.arity(); i++) {
            out.add(parts.get(Math.min(i, parts.size() - 1)));
        }
        return out;
    }

    /** The value's type and range after the colon, e.g. "integer (1..38)"; "" when there is none. */
    static String valueType(Opt o) {
        String description = valueDescription(o);
        int colon = description.indexOf(':');
        return colon < 0 ? "" : description.substring(colon + 1).trim();
    }
}
