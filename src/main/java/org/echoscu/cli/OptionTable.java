package org.echoscu.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * A tool's options as DCMTK's help text lists them: headings at two depths, each option with
 * its short and long name, the number of values it takes and its help lines. One table
 * serves the parser and the help text, so the two cannot drift apart.
 */
public final class OptionTable {

    /** One option. {@code lines}: the value description (if any) first, then what it does. */
    public record Opt(String shortName, String longName, int arity, List<String> lines, int depth) {
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

    private record Heading(String text, int depth) {
    }

    private record Parameter(String name, String description) {
    }

    private final List<Object> entries = new ArrayList<>();
    private final List<Opt> options = new ArrayList<>();
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
