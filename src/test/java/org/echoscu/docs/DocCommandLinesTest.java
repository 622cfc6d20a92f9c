package org.echoscu.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.echoscu.cli.DcmtkParser;
import org.echoscu.cli.OptionTable;
import org.echoscu.cli.ToolTables;
import org.echoscu.cli.ToolTables.Tool;
import org.echoscu.cli.UsageException;
import org.junit.jupiter.api.Test;

/**
 * Every command line of ours that a code block of the docs shows parses with the command's own
 * option parser (no unknown option, no option without its values), so that an example cannot
 * rot when an option changes. A command is ours by its name, with or without a directory and
 * the Debian package's "-java" suffix: every command of ToolTables (echoscu, echoscp, and the
 * others as they join it).
 */
class DocCommandLinesTest {

    /** The command names of the docs, each with its tool's option table. */
    private static Map<String, OptionTable> commands() {
        Map<String, OptionTable> out = new HashMap<>();
        for (Tool tool : ToolTables.all()) {
            out.put(tool.name(), tool.table());
            out.put(tool.name() + "-java", tool.table());
        }
        return out;
    }

    @Test
    void everyCommandLineOfOursInTheDocsParses() {
        Map<String, OptionTable> commands = commands();
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (Path path : Markdown.pages()) {
            Markdown page = new Markdown(path);
            for (Markdown.CodeBlock block : page.codeBlocks) {
                for (ShellLines.Line line : ShellLines.commands(block)) {
                    for (List<String> command : ShellLines.simpleCommands(line.text())) {
                        int i = ShellLines.commandWord(command);
                        String word = i < command.size() ? command.get(i) : "";
                        OptionTable table = commands.get(word.substring(word.lastIndexOf('/') + 1));
                        if (table == null) {
                            continue;
                        }
                        checked++;
                        try {
                            DcmtkParser.parse(table, command.subList(i + 1, command.size()));
                        } catch (UsageException e) {
                            failures.add(path + ":" + line.number() + ": " + line.text() + "\n    error: "
                                    + e.getMessage());
                        }
                    }
                }
            }
        }
        assertThat(checked).as("command lines checked").isGreaterThan(20);
        assertThat(failures).as("command lines in the docs that our parser refuses").isEmpty();
    }

    @Test
    void theCheckNoticesAnUnknownOptionAndAMissingValue() {
        OptionTable echoscu = commands().get("echoscu");
        assertThatThrownBy(() -> DcmtkParser.parse(echoscu, List.of("--no-such-option", "pacs", "104")))
                .isInstanceOf(UsageException.class);
        assertThatThrownBy(() -> DcmtkParser.parse(echoscu, List.of("pacs", "104", "-aec")))
                .isInstanceOf(UsageException.class);
    }

    @Test
    void shellWordsQuotesOperatorsAndRedirections() {
        assertThat(ShellLines.simpleCommands(
                "D=/x; /usr/local/bin/echoscu --format prometheus -aec 'A B' \"$H\" 104 > $D/f.$$ 2>/dev/null; mv a b"))
                .containsExactly(List.of("D=/x"), List.of("/usr/local/bin/echoscu", "--format", "prometheus", "-aec",
                        "A B", "$H", "104"), List.of("mv", "a", "b"));
        assertThat(ShellLines.simpleCommands("bin/echoscp -v 11112 &   # serve"))
                .containsExactly(List.of("bin/echoscp", "-v", "11112"));
        assertThat(ShellLines.simpleCommands("echoscu x 1 2>&1 | jq -r 'a | b'"))
                .containsExactly(List.of("echoscu", "x", "1"), List.of("jq", "-r", "a | b"));
    }

    @Test
    void theCommandIsTheFirstWordAfterAssignmentsAndWrappers() {
        assertThat(ShellLines.commandWord(List.of("update-alternatives", "--install", "/usr/bin/echoscu"))).isZero();
        assertThat(ShellLines.commandWord(List.of("A=1", "sudo", "echoscu", "pacs", "104"))).isEqualTo(2);
        assertThat(ShellLines.commandWord(List.of("command_line", "/usr/local/bin/echoscu", "-v"))).isEqualTo(1);
    }

    @Test
    void consoleBlocksShowCommandsAfterThePromptOnlyAndContinuedLinesJoin() {
        Markdown.CodeBlock console = new Markdown.CodeBlock("console", 10,
                List.of("$ echoscu --timings \\", "    pacs 104", "name resolution:  20.1 ms"));
        assertThat(ShellLines.commands(console)).containsExactly(new ShellLines.Line(10, "echoscu --timings pacs 104"));
        Markdown.CodeBlock sh = new Markdown.CodeBlock("sh", 3, List.of("# a comment", "echoscu pacs 104"));
        assertThat(ShellLines.commands(sh)).containsExactly(new ShellLines.Line(3, "# a comment"),
                new ShellLines.Line(4, "echoscu pacs 104"));
    }
}
