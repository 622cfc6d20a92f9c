package org.echoscu.cli.ship;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.echoscu.cli.OptionTable;
import org.echoscu.cli.OptionTable.Opt;
import org.echoscu.cli.ToolTables.Tool;

/**
 * A bash completion script for one command, from its option table: every option name, and
 * for the values of an option what its kind says (files, directories, a fixed set of words,
 * the ciphersuites the command's own JVM lists with +cc; nothing for free text).
 */
final class BashCompletion {

    private BashCompletion() {
    }

    static String render(Tool tool, String name, String version) {
        String function = "_jecho_" + tool.name();
        StringBuilder sb = new StringBuilder();
        sb.append("# bash completion for ").append(name).append(' ').append(version)
                .append(": generated at build time from the option table that\n# '").append(name)
                .append(" --help' prints (org.echoscu.cli.ship). Do not edit.\n\n");
        sb.append(CIPHERSUITES);
        sb.append(function).append("()\n{\n");
        sb.append("    local cur=${COMP_WORDS[COMP_CWORD]}\n");
        int longest = 0;
        for (Opt o : tool.table().options()) {
            longest = Math.max(longest, o.arity());
        }
        // The word k places back is an option whose k-th value is being typed: complete that value.
        for (int k = 1; k <= longest; k++) {
            sb.append("    if [ \"$COMP_CWORD\" -gt ").append(k).append(" ]; then\n");
            sb.append("        case ${COMP_WORDS[COMP_CWORD-").append(k).append("]} in\n");
            for (Map.Entry<String, List<String>> e : byAction(tool.table(), k).entrySet()) {
                sb.append("            ").append(String.join("|", e.getValue())).append(")\n                ")
                        .append(e.getKey()).append("\n                return 0 ;;\n");
            }
            sb.append("        esac\n    fi\n");
        }
        List<String> names = new ArrayList<>();
        for (Opt o : tool.table().options()) {
            names.addAll(o.names());
        }
        sb.append("    case $cur in\n        [-+]*)\n            COMPREPLY=($(compgen -W '")
                .append(String.join(" ", names)).append("' -- \"$cur\"))\n            return 0 ;;\n    esac\n");
        sb.append(Parameters.takesHost(tool) ? "    COMPREPLY=($(compgen -A hostname -- \"$cur\"))\n" : "    COMPREPLY=()\n");
        sb.append("}\n");
        sb.append("complete -F ").append(function).append(' ').append(name).append('\n');
        return sb.toString();
    }

    /** The options whose k-th value is completed the same way, by the shell code that does it. */
    private static Map<String, List<String>> byAction(OptionTable table, int k) {
        Map<String, List<String>> actions = new LinkedHashMap<>();
        for (Opt o : table.options()) {
            if (o.arity() >= k) {
                actions.computeIfAbsent(action(o), a -> new ArrayList<>()).addAll(o.names());
            }
        }
        return actions;
    }

    private static String action(Opt o) {
        String kind = ValueKinds.kind(o);
        if (OptionTable.FILE.equals(kind)) {
            return "compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -f -- \"$cur\"))";
        }
        if (OptionTable.DIRECTORY.equals(kind)) {
            return "compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -d -- \"$cur\"))";
        }
        if (OptionTable.CHOICE.equals(kind)) {
            return "COMPREPLY=($(compgen -W '" + String.join(" ", o.choices()) + "' -- \"$cur\"))";
        }
        if (OptionTable.CIPHERSUITE.equals(kind)) {
            return "COMPREPLY=($(compgen -W \"$(_jecho_ciphersuites \"${COMP_WORDS[0]}\")\" -- \"$cur\"))";
        }
        return "COMPREPLY=()"; // free text: nothing to offer, and no option names either
    }

    /** Asks the command itself (its JVM) for the ciphersuites once per shell and command. */
    private static final String CIPHERSUITES = """
            # The TLS ciphersuites of the JVM the command runs on, as its +cc lists them; asked once.
            _jecho_ciphersuites()
            {
                if [ "${_jecho_suites_of-}" != "$1" ]; then
                    _jecho_suites=$("$1" +cc 2>/dev/null | sed -n 's/^ *\\(TLS_[A-Za-z0-9_]*\\) *$/\\1/p')
                    _jecho_suites_of=$1
                fi
                printf '%s\\n' "$_jecho_suites"
            }

            """;
}
