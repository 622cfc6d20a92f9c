package org.echoscu.cli.ship;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.echoscu.cli.OptionTable;
import org.echoscu.cli.ToolTables;
import org.echoscu.cli.ToolTables.Tool;
import org.junit.jupiter.api.Test;

class OptionPagesTest {

    private static final String REGENERATE =
            "mvn -B -q compile exec:java -Dexec.mainClass=org.echoscu.cli.ship.OptionPages -Dexec.args=docs";

    /** The committed reference of each command is what its option table makes now: no page can drift. */
    @Test
    void committedPagesEqualTheGenerated() throws IOException {
        for (Tool tool : ToolTables.all()) {
            Path page = Path.of("docs", OptionPages.fileName(tool));
            assertThat(page).as("%s is missing: write it with %s", page, REGENERATE).exists();
            assertThat(Files.readString(page, StandardCharsets.UTF_8))
                    .as("%s differs from %s's option table: write it anew with %s", page, tool.name(), REGENERATE)
                    .isEqualTo(OptionPages.render(tool));
        }
    }

    @Test
    void groupsAsTheHelpWithValuesAndUnlistedOptions() {
        OptionTable t = new OptionTable().parameter("peer", "hostname of DICOM peer")
                .heading(0, "general options:")
                .flag("-h", "--help", "print this help text and exit")
                .heading(1, "TLS:")
                .option("+tls", "--enable-tls", 2, "[p]rivate key file, [c]ertificate file: string", "use TLS",
                        "with a | in it")
                .option("--format", null, 1, "[f]ormat: string constant", "output format")
                .choices("text", "json")
                .unlisted("+pb", "--profile-basic", 0);
        String page = OptionPages.render(new Tool("tool", "a purpose", "tool [options] peer", t));
        assertThat(page).startsWith("# tool options\n")
                .contains("`tool [options] peer`: a purpose.")
                .contains("| `peer` | hostname of DICOM peer |")
                .contains("\n## general options\n\n| option | value | meaning |\n|---|---|---|\n"
                        + "| `-h`, `--help` |  | print this help text and exit |\n")
                .contains("\n### TLS\n")
                .contains("| `+tls`, `--enable-tls` | *private-key-file* *certificate-file*: string | use TLS with a \\| in it |")
                .contains("| `--format` | *format*: text, json | output format |")
                .contains("## accepted, not listed in the help")
                .contains("| `+pb`, `--profile-basic` | 0 |");
    }
}
