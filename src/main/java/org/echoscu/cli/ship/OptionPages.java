package org.echoscu.cli.ship;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.echoscu.cli.OptionTable;
import org.echoscu.cli.OptionTable.Heading;
import org.echoscu.cli.OptionTable.Opt;
import org.echoscu.cli.OptionTable.Parameter;
import org.echoscu.cli.ToolTables;
import org.echoscu.cli.ToolTables.Tool;

/**
 * The option reference of each command as a Markdown page (docs/options-TOOL.md), from the
 * option table that --help prints and the man pages are made from, grouped as the help groups
 * them. The pages are committed, so that they read on GitHub; OptionPagesTest fails when one
 * differs from what the table makes, and this class's main writes them anew:
 * {@code mvn -B -q compile exec:java -Dexec.mainClass=org.echoscu.cli.ship.OptionPages -Dexec.args=docs}.
 */
public final class OptionPages {

    private OptionPages() {
    }

    /** Writes docs/options-TOOL.md of every command into the directory given. */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: OptionPages DOCS_DIR");
        }
        for (Tool tool : ToolTables.all()) {
            Path page = Path.of(args[0]).resolve(fileName(tool));
            Files.writeString(page, render(tool), StandardCharsets.UTF_8);
        }
    }

    /** options-echoscu.md for echoscu. */
    public static String fileName(Tool tool) {
        return "options-" + tool.name() + ".md";
    }

    public static String render(Tool tool) {
        StringBuilder sb = new StringBuilder();
        sb.append("# ").append(tool.name()).append(" options\n\n");
        sb.append("<!-- Generated from the option table by org.echoscu.cli.ship.OptionPages: do not edit here.\n")
                .append("     CONTRIBUTING.md says how to write it anew. -->\n\n");
        sb.append("`").append(tool.usage()).append("`: ").append(tool.purpose()).append(".\n\n");
        sb.append("Every option as `").append(tool.name()).append(" --help` lists it, in its groups and words")
                .append(" (DCMTK's groups first, then ours); the same table makes the man page and the shell")
                .append(" completion. What the options do in depth is in the topic pages of [the docs](README.md).\n");
        boolean parameters = false;
        boolean inTable = false;
        for (Object e : tool.table().entries()) {
            if (e instanceof Parameter p) {
                if (!parameters) {
                    sb.append("\n## parameters\n\n| parameter | meaning |\n|---|---|\n");
                    parameters = true;
                }
                sb.append("| `").append(cell(p.name())).append("` | ").append(cell(p.description())).append(" |\n");
            } else if (e instanceof Heading h) {
                String text = h.text().endsWith(":") ? h.text().substring(0, h.text().length() - 1) : h.text();
                sb.append('\n').append(h.depth() == 0 ? "## " : "### ").append(text).append("\n");
                inTable = false;
            } else if (e instanceof Opt o) {
                if (!inTable) {
                    sb.append("\n| option | value | meaning |\n|---|---|---|\n");
                    inTable = true;
                }
                row(sb, o);
            }
        }
        List<Opt> unlisted = unlisted(tool.table());
        if (!unlisted.isEmpty()) {
            sb.append("\n## accepted, not listed in the help\n\n")
                    .append("Options of DCMTK 3.6.5 that DCMTK 3.7.0 no longer lists; they still work.\n\n")
                    .append("| option | values |\n|---|---|\n");
            for (Opt o : unlisted) {
                sb.append("| ").append(names(o)).append(" | ").append(o.arity()).append(" |\n");
            }
        }
        return sb.toString();
    }

    private static void row(StringBuilder sb, Opt o) {
        sb.append("| ").append(names(o)).append(" | ");
        if (o.arity() > 0) {
            StringBuilder value = new StringBuilder();
            for (String v : ValueKinds.valueNames(o)) {
                value.append(value.length() == 0 ? "" : " ").append('*').append(v).append('*');
            }
            String type = ValueKinds.valueType(o);
            if (OptionTable.CHOICE.equals(ValueKinds.kind(o))) {
                value.append(": ").append(String.join(", ", o.choices()));
            } else if (!type.isEmpty()) {
                value.append(": ").append(type);
            }
            sb.append(cell(value.toString()));
        }
        sb.append(" | ").append(cell(String.join(" ", ValueKinds.purpose(o)))).append(" |\n");
    }

    private static String names(Opt o) {
        StringBuilder sb = new StringBuilder();
        for (String n : o.names()) {
            sb.append(sb.length() == 0 ? "" : ", ").append('`').append(n).append('`');
        }
        return sb.toString();
    }

    private static List<Opt> unlisted(OptionTable table) {
        List<Opt> listed = table.listed();
        return table.options().stream().filter(o -> !listed.contains(o)).toList();
    }

    /** A table cell: a | would end it. */
    private static String cell(String text) {
        return text.replace("|", "\\|");
    }
}
