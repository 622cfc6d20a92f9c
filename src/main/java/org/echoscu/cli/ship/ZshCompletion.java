package org.echoscu.cli.ship;

import java.util.List;

import org.echoscu.cli.OptionTable;
import org.echoscu.cli.OptionTable.Opt;
import org.echoscu.cli.OptionTable.Parameter;
import org.echoscu.cli.ToolTables.Tool;

/**
 * A zsh completion function for one command (an autoloaded {@code _name} file), from its
 * option table: one {@code _arguments} spec per option name, with its help text and, per
 * value, what its kind says.
 */
final class ZshCompletion {

    private ZshCompletion() {
    }

    static String render(Tool tool, String name, String version) {
        StringBuilder sb = new StringBuilder();
        sb.append("#compdef ").append(name).append('\n');
        sb.append("# zsh completion for ").append(name).append(' ').append(version)
                .append(": generated at build time from the option table that\n# '").append(name)
                .append(" --help' prints (org.echoscu.cli.ship). Do not edit.\n\n");
        sb.append("""
                # The TLS ciphersuites of the JVM the command runs on, as its +cc lists them.
                (( $+functions[_jecho_ciphersuites] )) || _jecho_ciphersuites() {
                  local -a suites
                  suites=(${(f)"$(${~words[1]} +cc 2>/dev/null | sed -n 's/^ *\\(TLS_[A-Za-z0-9_]*\\) *$/\\1/p')"})
                  compadd -a suites
                }

                _arguments \\
                """);
        for (Opt o : tool.table().options()) {
            String help = escape(String.join(" ", ValueKinds.purpose(o)));
            String values = values(o);
            for (String n : o.names()) {
                // '*': DCMTK's parser takes any option again (the rightmost wins)
                sb.append("  '*").append(n).append('[').append(help).append(']').append(values).append("' \\\n");
            }
        }
        List<Parameter> parameters = Parameters.of(tool);
        for (int i = 0; i < parameters.size(); i++) {
            Parameter p = parameters.get(i);
            sb.append("  '").append(i + 1).append(':').append(escape(p.name())).append(':')
                    .append(Parameters.isHost(p) ? "_hosts" : " ").append("' \\\n");
        }
        sb.setLength(sb.length() - 3); // the last line's continuation
        sb.append('\n');
        return sb.toString();
    }

    /** ":name:action" per value. */
    private static String values(Opt o) {
        StringBuilder sb = new StringBuilder();
        String kind = ValueKinds.kind(o);
        for (String valueName : ValueKinds.valueNames(o)) {
            sb.append(':').append(escape(valueName)).append(':');
            if (OptionTable.FILE.equals(kind)) {
                sb.append("_files");
            } else if (OptionTable.DIRECTORY.equals(kind)) {
                sb.append("_files -/");
            } else if (OptionTable.CHOICE.equals(kind)) {
                sb.append('(').append(escape(String.join(" ", o.choices()))).append(')');
            } else if (OptionTable.CIPHERSUITE.equals(kind)) {
                sb.append("_jecho_ciphersuites");
            } else {
                sb.append(' ');
            }
        }
        return sb.toString();
    }

    /** Text inside a single-quoted spec: brackets and colons are _arguments' syntax, quotes the shell's. */
    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("[", "\\[").replace("]", "\\]").replace(":", "\\:")
                .replace("'", "'\\''");
    }
}
