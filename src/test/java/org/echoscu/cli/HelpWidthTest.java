package org.echoscu.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Every line of every command's help fits 79 columns (DCMTK's own are at most 78), so that
 * -h reads on an 80-column terminal and the man pages, made from the same tables, do not wrap.
 * A new command joins {@link ToolTables#all()}, and so this test.
 */
class HelpWidthTest {

    static final int COLUMNS = 79;

    @Test
    void everyHelpLineOfEveryCommandFits79Columns() {
        List<String> tooWide = new ArrayList<>();
        for (ToolTables.Tool t : ToolTables.all()) {
            String help = new DcmtkTool(t.name(), t.purpose(), t.usage(), t.table(), true).help();
            assertThat(help).as(t.name()).contains("--help");
            for (String line : help.split("\n")) {
                if (line.length() > COLUMNS) {
                    tooWide.add(t.name() + " (" + line.length() + "): " + line);
                }
            }
        }
        assertThat(tooWide).as("help lines wider than " + COLUMNS + " columns").isEmpty();
    }

    @Test
    void allCommandsAreChecked() {
        assertThat(ToolTables.all()).extracting(ToolTables.Tool::name).contains("echoscu", "echoscp");
    }
}
