package org.echoscu.cli;

import java.util.ArrayList;
import java.util.List;

/** The options of a command line in the order given, and its parameters. */
public final class ParsedArgs {

    /** One appearance of an option with its values. */
    public record Occurrence(OptionTable.Opt opt, List<String> values) {
    }

    private final List<Occurrence> occurrences = new ArrayList<>();
    private final List<String> parameters = new ArrayList<>();
    private List<String> warnings;

    /**
     * Remembers a warning about what an option named (a password file others can read, a
     * password in clear text), for CommonOptions.logging to log once logging is set up: the
     * files are read before, so that a file that cannot be used is a command-line error.
     */
    void warn(String message) {
        if (warnings == null) {
            warnings = new ArrayList<>(2);
        }
        warnings.add(message);
    }

    /** The warnings of {@link #warn}, in order; empty when none. */
    List<String> warnings() {
        return warnings == null ? List.of() : warnings;
    }

    void add(OptionTable.Opt opt, List<String> values) {
        occurrences.add(new Occurrence(opt, List.copyOf(values)));
    }

    void parameters(List<String> values) {
        parameters.addAll(values);
    }

    /** Every option occurrence, in command-line order. */
    List<Occurrence> occurrences() {
        return occurrences;
    }

    public List<String> parameters() {
        return parameters;
    }

    public boolean has(String name) {
        return last(name) != null;
    }

    /** The rightmost occurrence of any of the named options: DCMTK's rule for exclusive options. */
    public Occurrence last(String... names) {
        for (int i = occurrences.size() - 1; i >= 0; i--) {
            Occurrence o = occurrences.get(i);
            for (String n : names) {
                if (o.opt().names().contains(n)) {
                    return o;
                }
            }
        }
        return null;
    }

    /** The value of the rightmost occurrence of an option, or the default. */
    public String value(String name, String dflt) {
        Occurrence o = last(name);
        return o == null ? dflt : o.values().get(0);
    }

    /** Every occurrence of an option, in order (for options that add to a list, such as +cf). */
    public List<Occurrence> all(String name) {
        List<Occurrence> out = new ArrayList<>();
        for (Occurrence o : occurrences) {
            if (o.opt().names().contains(name)) {
                out.add(o);
            }
        }
        return out;
    }
}
