package org.echoscu.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.echoscu.cli.DcmtkParser;
import org.echoscu.cli.ToolTables;
import org.echoscu.cli.ToolTables.Tool;
import org.echoscu.cli.UsageException;
import org.echoscu.exporter.ExporterCommand;
import org.junit.jupiter.api.Test;

import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * Every command line of ours that a code block of the docs shows parses with the command's own
 * option parser (no unknown option, no option without its values), so that an example cannot
 * rot when an option changes. A command is ours by its name, with or without a directory and
 * the Debian package's "-java" suffix: every command of ToolTables (echoscu, echoscp), and
 * echoscu-exporter.
 */
class DocCommandLinesTest {

    /** How one command reads its command line: throws when it refuses it. */
    interface Parser {
        void parse(List<String> args) throws Exception;
    }

    /**
     * The command names of the docs, each with its own parser: the option tables of ToolTables'
     * commands (DCMTK's conventions), and echoscu-exporter's picocli model (Prometheus's).
     */
    private static Map<String, Parser> commands() {
        Map<String, Parser> out = new HashMap<>();
        for (Tool tool : ToolTables.all()) {
            Parser parser = args -> DcmtkParser.parse(tool.table(), args);
            out.put(tool.name(), parser);
            out.put(tool.name() + "-java", parser);
        }
        out.put("echoscu-exporter", args -> new CommandLine(new ExporterCommand()).parseArgs(args.toArray(new String[0])));
        return out;
    }

    @Test
    void everyCommandLineOfOursInTheDocsParses() {
        Map<String, Parser> commands = commands();
        List<String> failures = new ArrayList<>();
        Map<String, Integer> checked = new HashMap<>();
        for (Path path : Markdown.pages()) {
            Markdown page = new Markdown(path);
            for (Markdown.CodeBlock block : page.codeBlocks) {
                for (ShellLines.Line line : ShellLines.commands(block)) {
                    for (List<String> command : ShellLines.simpleCommands(line.text())) {
                        int i = ShellLines.commandWord(command);
                        String word = i < command.size() ? command.get(i) : "";
                        String name = word.substring(word.lastIndexOf('/') + 1);
                        Parser parser = commands.get(name);
                        if (parser == null) {
                            continue;
                        }
                        checked.merge(name.replace("-java", ""), 1, Integer::sum);
                        try {
                            parser.parse(command.subList(i + 1, command.size()));
                        } catch (Exception e) {
                            failures.add(path + ":" + line.number() + ": " + line.text() + "\n    error: "
                                    + e.getMessage());
                        }
                    }
                }
            }
        }
        assertThat(checked.getOrDefault("echoscu", 0)).as("echoscu command lines checked").isGreaterThan(20);
        assertThat(checked.getOrDefault("echoscp", 0)).as("echoscp command lines checked").isGreaterThan(2);
        assertThat(checked.getOrDefault("echoscu-exporter", 0)).as("echoscu-exporter command lines checked")
                .isGreaterThan(0);
        assertThat(failures).as("command lines in the docs that our parsers refuse").isEmpty();
    }

    @Test
    void theCheckNoticesAnUnknownOptionAndAMissingValue() {
        Parser echoscu = commands().get("echoscu");
        assertThatThrownBy(() -> echoscu.parse(List.of("--no-such-option", "pacs", "104")))
                .isInstanceOf(UsageException.class);
        assertThatThrownBy(() -> echoscu.parse(List.of("pacs", "104", "-aec"))).isInstanceOf(UsageException.class);
        Parser exporter = commands().get("echoscu-exporter");
        assertThatThrownBy(() -> exporter.parse(List.of("--no-such-flag"))).isInstanceOf(ParameterException.class);
        assertThatThrownBy(() -> exporter.parse(List.of("--config.file"))).isInstanceOf(ParameterException.class);
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
