package org.echoscu.cli.ship;

import java.util.List;

import org.echoscu.cli.OptionTable;
import org.echoscu.cli.OptionTable.Heading;
import org.echoscu.cli.OptionTable.Opt;
import org.echoscu.cli.OptionTable.Parameter;
import org.echoscu.cli.ToolTables.Tool;

/**
 * A command's man page: the prose of a template (src/ship/man/TOOL.1.in, in troff) with the
 * synopsis, the parameters and every option filled in from the option table that --help
 * prints. Placeholders: {@code @NAME@} (the command as installed), {@code @TOOL@},
 * {@code @VERSION@}, {@code @DATE@}, {@code @PURPOSE@}, {@code @SYNOPSIS@},
 * {@code @PARAMETERS@}, {@code @OPTIONS@}, {@code @INSTALLED_AS@}.
 */
final class ManPage {

    private ManPage() {
    }

    /**
     * @param name the command's name as installed: the tool's own, or e.g. echoscu-java where
     *     DCMTK's command of the same name may already be installed
     * @param home where the package puts the commands under their own names (bin/ below it),
     *     named in the page when {@code name} is not the tool's own
     */
    static String render(String template, Tool tool, String name, String home, String version, String date) {
        String note = installedAs(tool, name, home);
        String page = conditional(template, tool.table())
                .replace(note.isEmpty() ? "@INSTALLED_AS@\n" : "@INSTALLED_AS@", note)
                .replace("@SYNOPSIS@", synopsis(tool, name))
                .replace("@PARAMETERS@", parameters(tool.table()))
                .replace("@OPTIONS@", options(tool.table()))
                .replace("@PURPOSE@", Troff.escape(tool.purpose()))
                .replace("@NAME@", Troff.escape(name))
                .replace("@TOOL@", Troff.escape(tool.name()))
                .replace("@VERSION@", Troff.escape(version))
                .replace("@DATE@", Troff.escape(date));
        java.util.regex.Matcher left = PLACEHOLDER.matcher(page);
        if (left.find()) {
            throw new IllegalArgumentException("unknown placeholder " + left.group() + " in the man page template of "
                    + tool.name());
        }
        return page;
    }

    private static final java.util.regex.Pattern PLACEHOLDER = java.util.regex.Pattern.compile("@[A-Z_]+@");

    /**
     * Drops the lines between {@code .\" if-option NAME} and {@code .\" end-if} when the
     * table has no option NAME, so the prose may speak of an option only where the command has it.
     */
    static String conditional(String template, OptionTable table) {
        StringBuilder sb = new StringBuilder();
        boolean keep = true;
        for (String line : template.split("\n", -1)) {
            if (line.startsWith(".\\\" if-option ")) {
                keep = table.lookup(line.substring(line.lastIndexOf(' ') + 1).trim()) != null;
            } else if (line.startsWith(".\\\" end-if")) {
                keep = true;
            } else if (keep) {
                sb.append(line).append('\n');
            }
        }
        return sb.substring(0, Math.max(0, sb.length() - 1));
    }

    private static String synopsis(Tool tool, String name) {
        StringBuilder sb = new StringBuilder(".B ").append(Troff.escape(name)).append('\n');
        String usage = tool.usage().substring(tool.usage().indexOf(' ') + 1);
        for (String word : usage.split(" ")) {
            sb.append(word.startsWith("[") ? "[\\fI" + Troff.escape(word.substring(1, word.length() - 1)) + "\\fR]"
                    : Troff.italic(word)).append('\n');
        }
        return sb.toString().stripTrailing();
    }

    private static String parameters(OptionTable table) {
        StringBuilder sb = new StringBuilder();
        for (Object e : table.entries()) {
            if (e instanceof Parameter p) {
                sb.append(".TP\n").append(Troff.italic(p.name())).append('\n').append(Troff.escape(p.description()))
                        .append('\n');
            }
        }
        return sb.toString().stripTrailing();
    }

    private static String options(OptionTable table) {
        StringBuilder sb = new StringBuilder();
        for (Object e : table.entries()) {
            if (e instanceof Heading h) {
                String text = h.text().endsWith(":") ? h.text().substring(0, h.text().length() - 1) : h.text();
                sb.append(h.depth() == 0 ? ".SS " + Troff.quoted(text) : ".PP\n" + Troff.italic(text)).append('\n');
            } else if (e instanceof Opt o) {
                sb.append(".TP\n").append(head(o)).append('\n').append(body(o)).append('\n');
            }
        }
        return sb.toString().stripTrailing();
    }

    /** "-aet, --aetitle aetitle", names bold and the values' names italic. */
    private static String head(Opt o) {
        StringBuilder sb = new StringBuilder();
        for (String n : o.names()) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(Troff.bold(n));
        }
        for (String v : ValueKinds.valueNames(o)) {
            sb.append(' ').append(Troff.italic(v));
        }
        return sb.toString();
    }

    private static String body(Opt o) {
        List<String> purpose = ValueKinds.purpose(o);
        StringBuilder sb = new StringBuilder(Troff.escape(String.join(" ", purpose)));
        String type = ValueKinds.valueType(o);
        if (OptionTable.CHOICE.equals(ValueKinds.kind(o)) && !listsAll(purpose, o.choices())) {
            sb.append("\n(").append(Troff.italic(ValueKinds.valueNames(o).get(0))).append(": one of ")
                    .append(Troff.escape(String.join(", ", o.choices()))).append(')');
        } else if (!type.isEmpty() && !type.startsWith("string")) {
            sb.append("\n(").append(Troff.italic(ValueKinds.valueNames(o).get(0))).append(": ")
                    .append(Troff.escape(type)).append(')');
        }
        if (OptionTable.CIPHERSUITE.equals(ValueKinds.kind(o))) {
            sb.append("\n(the names that ").append(Troff.bold("+cc")).append(" lists)");
        }
        return sb.toString();
    }

    /** Whether DCMTK's help text already lists the choices, as it does for -ll. */
    private static boolean listsAll(List<String> purpose, List<String> choices) {
        String text = " " + String.join(" ", purpose).replaceAll("[(),]", " ") + " ";
        return choices.stream().allMatch(c -> text.contains(" " + c + " "));
    }

    private static String installedAs(Tool tool, String name, String home) {
        if (name.equals(tool.name())) {
            return "";
        }
        return ".PP\nThis package installs the command as " + Troff.bold(name) + " so that it can sit beside DCMTK's "
                + Troff.bold(tool.name()) + "; " + Troff.bold(home + "/bin/" + tool.name())
                + " is the same command under DCMTK's name.";
    }
}
