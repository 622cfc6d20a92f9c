package org.echoscu.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The man pages and the bash and zsh completion that mvn package generates (target/ship) name
 * exactly the options --help prints, no more and no fewer; the pages render without a
 * warning; the completion offers what each option's values are.
 */
class ManPagesAndCompletionIT {

    private static final Path SHIP = Shipped.TARGET.resolve("ship");

    private static Set<String> help(String tool) {
        return Shipped.helpOptions(Commands.ROOT.resolve("bin/" + tool));
    }

    @ParameterizedTest
    @ValueSource(strings = {"echoscu", "echoscp"})
    void manPagesNameEveryOptionOfHelpAndNoneItLacks(String tool) throws Exception {
        Set<String> options = help(tool);
        // what --help names anywhere, e.g. echoscp's "+xa ... of echoscu -pts"
        Set<String> inHelp = Shipped.optionWords(Shipped.helpText(Commands.ROOT.resolve("bin/" + tool)));
        for (Path page : List.of(SHIP.resolve("dist/man/man1/" + tool + ".1"),
                SHIP.resolve("deb/man/" + tool + "-java.1.gz"))) {
            Set<String> named = Shipped.optionWords(Shipped.manSource(page));
            assertThat(named).as(page + ": every option of --help").containsAll(options);
            assertThat(inHelp).as(page + ": nothing --help lacks").containsAll(named);
        }
    }

    /**
     * echoscu-exporter's page, one for the archive and the package alike (no -java name: Debian's
     * dcmtk has no such command): it names exactly the flags of --help (blackbox-style, with dots,
     * in picocli's layout) and renders without warnings.
     */
    @Test
    void theExportersManPageNamesItsFlagsAndRenders() throws Exception {
        Pattern flag = Pattern.compile("^ {2,6}(?:(-[a-zA-Z]), )?(--[a-z][a-z0-9.-]*[a-z0-9])", Pattern.MULTILINE);
        Set<String> help = new TreeSet<>();
        Matcher h = flag.matcher(Shipped.helpText(Commands.ROOT.resolve("bin/echoscu-exporter")));
        while (h.find()) {
            if (h.group(1) != null) {
                help.add(h.group(1));
            }
            help.add(h.group(2));
        }
        assertThat(help).contains("--config.file", "--web.listen-address", "--web.config.file", "--probe.per-peer", "-h");
        for (Path page : List.of(SHIP.resolve("dist/man/man1/echoscu-exporter.1"),
                SHIP.resolve("deb/man/echoscu-exporter.1.gz"))) {
            Run man = Commands.run(List.of("man", "--warnings=w", "-l", page.toString()), Duration.ofSeconds(60),
                    null, Map.of("MANPAGER", "cat", "MANWIDTH", "200"));
            assertThat(man.exitCode()).as(man.toString()).isZero();
            assertThat(man.stderr()).as("man -l on " + page).isEmpty();
            assertThat(man.stdout()).contains("EXIT STATUS", "EXAMPLES", "FILES", "jecho " + Shipped.VERSION);
            Set<String> named = new TreeSet<>();
            Matcher m = Pattern.compile("^ {7}(?:(-[a-zA-Z]), )?(--[a-z][a-z0-9.-]*[a-z0-9])", Pattern.MULTILINE)
                    .matcher(man.stdout().substring(man.stdout().indexOf("OPTIONS"), man.stdout().indexOf("SIGNALS")));
            while (m.find()) {
                if (m.group(1) != null) {
                    named.add(m.group(1));
                }
                named.add(m.group(2));
            }
            assertThat(named).as(page + ": exactly the flags of --help").isEqualTo(help);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"echoscu", "echoscp"})
    void manPagesRenderWithoutWarnings(String tool) {
        for (Path page : List.of(SHIP.resolve("dist/man/man1/" + tool + ".1"),
                SHIP.resolve("deb/man/" + tool + "-java.1.gz"))) {
            Run groff = Commands.run(List.of("sh", "-c", "zcat -f \"$0\" | groff -ww -man -Tutf8 -z", page.toString()),
                    Duration.ofSeconds(60));
            assertThat(groff.exitCode()).as(groff.toString()).isZero();
            assertThat(groff.stderr()).as("groff -ww on " + page).isEmpty();
            Run man = Commands.run(List.of("man", "--warnings=w", "-l", page.toString()), Duration.ofSeconds(60),
                    null, Map.of("MANPAGER", "cat", "MANWIDTH", "80"));
            assertThat(man.exitCode()).as(man.toString()).isZero();
            assertThat(man.stderr()).as("man -l on " + page).isEmpty();
            assertThat(man.stdout()).contains("EXIT STATUS", "EXAMPLES", "FILES", "DCMDICTPATH")
                    .contains("jecho " + Shipped.VERSION);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"echoscu", "echoscp"})
    void bashCompletionOffersExactlyTheOptionsOfHelp(String tool) {
        Set<String> offered = new TreeSet<>();
        offered.addAll(bash(SHIP.resolve("dist/completion/bash/" + tool), tool, "-"));
        offered.addAll(bash(SHIP.resolve("dist/completion/bash/" + tool), tool, "+"));
        assertThat(offered).isEqualTo(help(tool));
        Set<String> deb = new TreeSet<>(bash(SHIP.resolve("deb/bash/" + tool + "-java"), tool + "-java", "-"));
        deb.addAll(bash(SHIP.resolve("deb/bash/" + tool + "-java"), tool + "-java", "+"));
        assertThat(deb).isEqualTo(help(tool));
    }

    @ParameterizedTest
    @ValueSource(strings = {"echoscu", "echoscp"})
    void zshCompletionNamesExactlyTheOptionsOfHelp(String tool) throws Exception {
        for (Path script : List.of(SHIP.resolve("dist/completion/zsh/_" + tool),
                SHIP.resolve("deb/zsh/_" + tool + "-java"))) {
            Run syntax = Commands.run(List.of("zsh", "-n", script.toString()), Duration.ofSeconds(30));
            assertThat(syntax.exitCode()).as("zsh -n " + script + "\n" + syntax).isZero();
            Set<String> specs = new TreeSet<>();
            Matcher m = Pattern.compile("(?m)^  '\\*([-+][^\\[']+)\\[").matcher(Files.readString(script));
            while (m.find()) {
                specs.add(m.group(1));
            }
            assertThat(specs).as(script.toString()).isEqualTo(help(tool));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"echoscu", "echoscp"})
    void bashCompletesValuesByTheirKind(String tool) throws Exception {
        Path script = SHIP.resolve("dist/completion/bash/" + tool);
        assertThat(bash(script, tool, "", "-ll")).containsExactly("fatal", "error", "warn", "info", "debug", "trace");
        assertThat(bash(script, tool, "d", "--log-level")).containsExactly("debug");
        // files and directories of the working directory (the project root)
        assertThat(bash(script, tool, "po", "-lc")).containsExactly("pom.xml");
        assertThat(bash(script, tool, "sr", "+cd")).containsExactly("src");
        assertThat(bash(script, tool, "po", "+cd")).isEmpty();
        assertThat(bash(script, tool, "po", "+tls", "key.pem")).containsExactly("pom.xml");
        // a value to type: nothing offered, not even option names
        assertThat(bash(script, tool, "", "-aet")).isEmpty();
        // the ciphersuites of the JVM the command runs on, as its +cc lists them
        Run cc = Commands.run(List.of(Commands.ROOT.resolve("bin/" + tool).toString(), "+cc"), Duration.ofSeconds(60));
        List<String> suites = Arrays.stream(cc.stdout().split("\n")).map(String::trim)
                .filter(s -> s.startsWith("TLS_")).toList();
        assertThat(suites).isNotEmpty();
        List<String> offered = bash(script, tool, "TLS_", "+cs");
        assertThat(offered).containsExactlyInAnyOrderElementsOf(suites);
    }

    /**
     * What bash's completion function for {@code command} puts in COMPREPLY for the word
     * {@code cur} after {@code before} (the command line so far). The command word is the
     * project's bin/TOOL, so +cs asks our own JVM.
     */
    private static List<String> bash(Path script, String command, String cur, String... before) {
        String tool = command.replace("-java", "");
        StringBuilder words = new StringBuilder("'" + Commands.ROOT.resolve("bin/" + tool) + "'");
        for (String w : before) {
            words.append(" '").append(w).append('\'');
        }
        words.append(" '").append(cur).append('\'');
        String program = "source \"$1\"; f=$(complete -p " + command + " | sed -E 's/.*-F ([^ ]+) .*/\\1/');"
                + " COMP_WORDS=(" + words + "); COMP_CWORD=$((${#COMP_WORDS[@]} - 1));"
                + " \"$f\"; printf '%s\\n' \"${COMPREPLY[@]}\"";
        Run r = Commands.run(List.of("bash", "-c", program, "bash", script.toString()), Duration.ofSeconds(60));
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.stderr()).as(r.toString()).isEmpty();
        return r.stdout().isBlank() ? List.of() : List.of(r.stdout().strip().split("\n"));
    }
}
