package org.echoscu.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * A tool's options as DCMTK's help text lists them: headings at two depths, each option with
 * its short and long name, the number of values it takes and its help lines. One table
 * serves the parser, the help text, and (at build time, {@code org.echoscu.cli.ship}) the man
 * pages and the shell completion, so none of them can drift apart.
 */
public final class OptionTable {

    // What an option's values are (Opt.kind), for shell completion and the man page. Plain
    // strings, not an enum, so that building the table loads no further class on a plain echo.
    /** Any text the completion cannot guess (AE titles, numbers, passwords). */
    public static final String TEXT = "text";
    public static final String FILE = "file";
    public static final String DIRECTORY = "directory";
    /** One of {@link Opt#choices()}. */
    public static final String CHOICE = "choice";
    /** A TLS ciphersuite name of the JVM that runs the command (as {@code +cc} lists them). */
    public static final String CIPHERSUITE = "ciphersuite";

    /**
     * One option. {@code lines}: the value description (if any) first, then what it does.
     * {@code kind}: what its values are (one of the constants above; null for a flag, or when
     * not said: then the value description decides, see {@code ship.ValueKinds});
     * {@code choices}: the values a {@link #CHOICE} option takes.
     */
    public record Opt(String shortName, String longName, int arity, List<String> lines, int depth,
            String kind, List<String> choices) {

        public Opt(String shortName, String longName, int arity, List<String> lines, int depth) {
            this(shortName, longName, arity, lines, depth, null, List.of());
        }

        /** The name DCMTK's messages use: the long one when there is one. */
        public String display() {
            return longName != null ? longName : shortName;
        }

        public List<String> names() {
            List<String> n = new ArrayList<>(2);
            if (shortName != null) {
                n.add(shortName);
            }
            if (longName != null) {
                n.add(longName);
            }
            return n;
        }
    }

    /** A heading of the help text; depth 0 for "general options:", 1 for the sub-groups. */
    public record Heading(String text, int depth) {
    }

    /** A positional parameter, as the help text lists it. */
    public record Parameter(String name, String description) {
    }

    private final List<Object> entries = new ArrayList<>();
    private final List<Opt> options = new ArrayList<>();
    /** Names of the options whose values are never command files ({@link #ours()}). */
    private final List<String> literal = new ArrayList<>();
    private int depth;

    public OptionTable parameter(String name, String description) {
        entries.add(new Parameter(name, description));
        return this;
    }

    /** A heading; depth 0 for "general options:", 1 for the sub-groups under "network options:". */
    public OptionTable heading(int depth, String text) {
        this.depth = depth;
        entries.add(new Heading(text, depth));
        return this;
    }

    public OptionTable flag(String shortName, String longName, String... help) {
        return option(shortName, longName, 0, help);
    }

    public OptionTable option(String shortName, String longName, int arity, String... help) {
        Opt o = new Opt(shortName, longName, arity, List.of(help), depth);
        entries.add(o);
        options.add(o);
        return this;
    }

    /**
     * An option that parses like any other but is not listed in the help text: options of
     * DCMTK 3.6.5 that DCMTK 3.7.0 no longer lists (e.g. {@code +pb}) keep working this way.
     */
    public OptionTable unlisted(String shortName, String longName, int arity) {
        options.add(new Opt(shortName, longName, arity, List.of(), depth));
        return this;
    }

    /**
     * The option just added is one of ours, which DCMTK does not have: its values are taken as
     * they are, never as {@code @file} command files ({@code --warning @0:1} is a range), while
     * DCMTK's own options keep DCMTK's rule (CommandFiles).
     */
    public OptionTable ours() {
        literal.addAll(options.get(options.size() - 1).names());
        return this;
    }

    /** Whether {@code o} is {@linkplain #ours() one of ours}, whose values are never command files. */
    public boolean literalValues(Opt o) {
        for (String name : o.names()) {
            if (literal.contains(name)) {
                return true;
            }
        }
        return false;
    }

    /** Says what the values of the option just added are: {@link #FILE}, {@link #DIRECTORY}, .... */
    public OptionTable values(String kind) {
        return replaceLast(kind, List.of());
    }

    /** The option just added takes one of these values (for completion; the parser checks them too where its owner asks). */
    public OptionTable choices(String... values) {
        return replaceLast(CHOICE, List.of(values));
    }

    private OptionTable replaceLast(String kind, List<String> choices) {
        Opt last = options.get(options.size() - 1);
        Opt changed = new Opt(last.shortName(), last.longName(), last.arity(), last.lines(), last.depth(), kind, choices);
        options.set(options.size() - 1, changed);
        for (int i = entries.size() - 1; i >= 0; i--) {
            if (entries.get(i) == last) { // by identity: a record's equals would bootstrap ObjectMethods at start-up
                entries.set(i, changed);
                break;
            }
        }
        return this;
    }

    /** Parameters, headings and options in the order of the help text: {@link Parameter}, {@link Heading}, {@link Opt}. */
    public List<Object> entries() {
        return java.util.Collections.unmodifiableList(entries);
    }

    /** The options the help text lists, in its order: {@link #options()} less the unlisted ones. */
    public List<Opt> listed() {
        List<Opt> out = new ArrayList<>();
        for (Object e : entries) {
            if (e instanceof Opt o) {
                out.add(o);
            }
        }
        return out;
    }

    public List<Opt> options() {
        return options;
    }

    /** The option of this exact short or long name, or null. */
    public Opt lookup(String name) {
        for (Opt o : options) {
            if (name.equals(o.shortName()) || name.equals(o.longName())) {
                return o;
            }
        }
        return null;
    }

    public Opt find(String name) {
        for (Opt o : options) {
            if (name.equals(o.shortName()) || name.equals(o.longName())) {
                return o;
            }
        }
        throw new IllegalArgumentException("no option " + name);
    }

    /** DCMTK's help layout: names from column 2 or 4, long names from column 10, text from 31. */
    public String help(String usage) {
        StringBuilder sb = new StringBuilder();
        sb.append("usage: ").append(usage).append("\n\n");
        boolean afterParameters = false;
        for (Object e : entries) {
            if (e instanceof Parameter p) {
                if (!afterParameters) {
                    sb.append("parameters:\n");
                    afterParameters = true;
                }
                sb.append(pad("  " + p.name(), 31)).append(p.description()).append('\n');
            } else if (e instanceof Heading h) {
                if (afterParameters) {
                    sb.append('\n');
                    afterParameters = false;
                }
                sb.append("  ".repeat(h.depth())).append(h.text()).append('\n');
            } else if (e instanceof Opt o) {
                String indent = "  ".repeat(o.depth() + 1);
                String shortPart = pad(indent + (o.shortName() == null ? "" : o.shortName()), 10);
                String head = pad(shortPart + (o.longName() == null ? "" : o.longName()), 31);
                List<String> lines = o.lines();
                sb.append(head).append(lines.isEmpty() ? "" : lines.get(0)).append('\n');
                for (int i = 1; i < lines.size(); i++) {
                    sb.append(" ".repeat(31)).append(lines.get(i)).append('\n');
                }
            }
        }
        return sb.toString();
    }

    private static String pad(String s, int width) {
        return s.length() >= width - 1 ? s + "  " : s + " ".repeat(width - s.length());
    }
}
