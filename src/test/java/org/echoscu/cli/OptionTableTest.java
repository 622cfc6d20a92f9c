package org.echoscu.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class OptionTableTest {

    private static OptionTable table() {
        return new OptionTable().heading(0, "general options:")
                .option("-lc", "--log-config", 1, "[f]ilename: string", "use config file f")
                .values(OptionTable.FILE)
                .option("-ll", "--log-level", 1, "[l]evel: string constant", "use level l")
                .choices("warn", "info")
                .option("-aet", "--aetitle", 1, "[a]etitle: string", "set my AE title");
    }

    @Test
    void valuesAndChoicesDescribeTheOptionJustAdded() {
        OptionTable t = table();
        assertThat(t.find("-lc").kind()).isEqualTo(OptionTable.FILE);
        assertThat(t.find("--log-level").kind()).isEqualTo(OptionTable.CHOICE);
        assertThat(t.find("-ll").choices()).containsExactly("warn", "info");
        assertThat(t.find("-aet").kind()).isNull();
        assertThat(t.find("-aet").choices()).isEmpty();
    }

    @Test
    void entriesAndHelpShowTheDescribedOptionOnce() {
        OptionTable t = table();
        assertThat(t.entries()).hasSize(4).element(1).isSameAs(t.find("-lc"));
        assertThat(t.help("x")).containsOnlyOnce("--log-config").containsOnlyOnce("--log-level");
    }

    @Test
    void theOldConstructorLeavesTheKindUnsaid() {
        OptionTable.Opt o = new OptionTable.Opt("-x", null, 1, List.of("[n]umber: integer"), 0);
        assertThat(o.kind()).isNull();
        assertThat(o.choices()).isEmpty();
    }

    @Test
    void bothToolsSayWhatTheirFileAndChoiceValuesAre() {
        for (ToolTables.Tool tool : ToolTables.all()) {
            OptionTable t = tool.table();
            assertThat(t.find("-ll").choices()).contains("fatal", "trace");
            assertThat(t.find("+tls").kind()).isEqualTo(OptionTable.FILE);
            assertThat(t.find("+cd").kind()).isEqualTo(OptionTable.DIRECTORY);
            assertThat(t.find("+cs").kind()).isEqualTo(OptionTable.CIPHERSUITE);
        }
    }
}
