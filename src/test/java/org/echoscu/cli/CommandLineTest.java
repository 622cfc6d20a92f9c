package org.echoscu.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

import org.echoscu.Reference;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** DCMTK's command-line conventions, on echoscu's option table, without touching the network. */
class CommandLineTest {

    private record Result(int code, String out, String err) {
    }

    private static Result echoscu(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = EchoscuCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "foo                                  | Missing parameter port",
            "foo 1 2                              | Too many parameters",
            "-x foo 1                             | Unknown option -x",
            "+x foo 1                             | Unknown option +x",
            "foo 70000                            | Invalid parameter value 70000 (overflow)",
            "foo 0                                | Invalid parameter value 0 (underflow)",
            "foo abc                              | Invalid parameter value abc",
            "-pdu 100 foo 1                       | Invalid value for option --max-pdu (underflow: 100)",
            "-pdu 131073 foo 1                    | Invalid value for option --max-pdu (overflow: 131073)",
            "-pdu abc foo 1                       | Invalid value for option --max-pdu (abc)",
            "-pts 54 foo 1                        | Invalid value for option --propose-ts (overflow: 54)",
            "-pts 0 foo 1                         | Invalid value for option --propose-ts (underflow: 0)",
            "-ppc 129 foo 1                       | Invalid value for option --propose-pc (overflow: 129)",
            "-to 0 foo 1                          | Invalid value for option --timeout (underflow: 0)",
            "-ts -2 foo 1                         | Invalid value for option --socket-timeout (underflow: -2)",
            "-ta 0 foo 1                          | Invalid value for option --acse-timeout (underflow: 0)",
            "-td 0 foo 1                          | Invalid value for option --dimse-timeout (underflow: 0)",
            "--repeat 0 foo 1                     | Invalid value for option --repeat (underflow: 0)",
            "-v -ll info foo 1                    | --log-level not allowed with --verbose, --debug or --quiet",
            "-ll loud foo 1                       | Invalid log level for --log-level option",
            "-aet                                 | Missing value for option --aetitle",
            "-aet 12345678901234567 foo 1         | Invalid value for option --aetitle ('12345678901234567' is 17 characters long, at most 16 are allowed)",
            "-aec a\\b foo 1                      | Invalid value for option --call ('a\\b' contains the character '\\', which an AE title may not)",
    })
    void badCommandLinesGetDcmtksHeaderAndOneErrorLine(String args, String message) {
        Result r = echoscu(args.trim().split(" +"));
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().split("\n")).containsExactly(Version.header("echoscu"), "",
                "echoscu: DICOM verification (C-ECHO) SCU", "error: " + message);
    }

    @Test
    void emptyAeTitleIsRefused() {
        Result r = echoscu("-aet", "", "foo", "1");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("error: Invalid value for option --aetitle ('' is empty)");
    }

    @Test
    void headerHasTheDcmtkShape() {
        assertThat(Version.header("echoscu")).matches("\\$[a-z]+: echoscu v\\d+\\.\\d+\\.\\d+ \\d{4}-\\d\\d-\\d\\d \\$");
    }

    /**
     * DCMTK 3.7.0's help line for line, but for our header line; our own option groups
     * (options DCMTK's echoscu does not have, e.g. "monitoring options:") follow its last group.
     */
    @Test
    void helpIsDcmtk370sLineForLine() throws Exception {
        Result r = echoscu("-h", "peer", "port", "and", "more");
        assertThat(r.code()).isZero();
        List<String> ours = r.out().lines().toList();
        List<String> reference = new ArrayList<>(Reference.lines("dcmtk-3.7.0/help.txt"));
        reference.remove(reference.size() - 1); // "exit 0"
        reference.remove(reference.size() - 1); // the blank line that ends the help
        reference.set(0, Version.header("echoscu"));
        assertThat(ours.subList(0, reference.size())).containsExactlyElementsOf(reference);
        assertThat(ours.get(ours.size() - 1)).isEmpty();
        List<String> ourGroups = ours.subList(reference.size(), ours.size() - 1);
        if (!ourGroups.isEmpty()) {
            assertThat(ourGroups.get(0)).matches("\\S.* options.*:");
        }
        for (String line : ourGroups) {
            if (!line.startsWith(" ")) {
                assertThat(line).as("one of our groups").endsWith(":");
                continue;
            }
            // an option of ours, or its help text: no name of it is one DCMTK's echoscu has
            for (String name : line.trim().split(" +")) {
                if (name.matches("[-+][a-z0-9-]+") && line.startsWith("    ") && !line.startsWith("  " + " ".repeat(29))) {
                    assertThat(reference).as(name).noneMatch(l -> l.matches("\\s+(\\S+\\s+)?" + name + "( .*)?"));
                }
            }
        }
    }

    @Test
    void optionsDcmtk370NoLongerListsStillWork() throws Exception {
        OptionTable t = EchoscuCommand.table();
        ParsedArgs p = DcmtkParser.parse(t, List.of("+tla", "+pb", "peer", "1"));
        assertThat(p.last(TlsOptions.PROFILES).opt().longName()).isEqualTo("--profile-basic");
        assertThat(echoscu("-h").out()).doesNotContain("+pb");
    }

    @Test
    void noArgumentsPrintsHelp() {
        Result r = echoscu();
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("usage: echoscu [options] peer port");
    }

    @Test
    void versionActsAloneAndNamesTheLibraries() {
        Result r = echoscu("--version", "ignored", "params", "here");
        assertThat(r.code()).isZero();
        assertThat(r.out()).startsWith(Version.header("echoscu")).contains("External libraries used:")
                // the versions the build wrote down are those of the libraries on the class path
                .contains("- picocli, Version " + picocli.CommandLine.VERSION)
                .contains("- Bouncy Castle (TLS keys and certificates), Version "
                        + new org.bouncycastle.jce.provider.BouncyCastleProvider().getVersionStr());
    }

    @Test
    void rightmostOfExclusiveOptionsWins() throws Exception {
        OptionTable t = EchoscuCommand.table();
        ParsedArgs p = DcmtkParser.parse(t, List.of("-q", "peer", "-d", "-v", "1", "-i6", "-i4", "-aet", "A", "-aet", "B"));
        assertThat(p.last("-q", "-v", "-d").opt().longName()).isEqualTo("--verbose");
        assertThat(p.last("-i4", "-i6", "-i0").opt().shortName()).isEqualTo("-i4");
        assertThat(p.value("-aet", null)).isEqualTo("B");
        assertThat(p.parameters()).containsExactly("peer", "1");
    }

    @Test
    void longAndShortNamesAreTheSameOption() throws Exception {
        ParsedArgs p = DcmtkParser.parse(EchoscuCommand.table(), List.of("--aetitle", "A", "-aet", "B", "--call", "C", "p", "1"));
        assertThat(p.value("-aet", null)).isEqualTo("B");
        assertThat(p.value("--call", null)).isEqualTo("C");
        assertThat(p.value("-aec", null)).isEqualTo("C");
    }

    @Test
    void commandFilesExpandWithQuotesButNotNested(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("args.txt");
        Files.writeString(file, "  -aet \"MY AE\"\n\t--repeat   3 \"\"\n");
        assertThat(CommandFiles.expand(new String[] {"-v", "@" + file, "host", "104"}, EchoscuCommand.table()))
                .containsExactly("-v", "-aet", "MY AE", "--repeat", "3", "", "host", "104");
        Path nested = dir.resolve("nested.txt");
        Files.writeString(nested, "-v @" + file);
        assertThatThrownBy(() -> CommandFiles.expand(new String[] {"@" + nested}, EchoscuCommand.table()))
                .isInstanceOf(UsageException.class).hasMessageContaining("names another command file");
        assertThatThrownBy(() -> CommandFiles.expand(new String[] {"@" + dir.resolve("missing")}, EchoscuCommand.table()))
                .hasMessage("Cannot open command file '" + dir.resolve("missing") + "'");
    }

    @Test
    void valuesOfOurOptionsAreNeverCommandFiles(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("aet.txt");
        Files.writeString(file, "FROMFILE");
        OptionTable table = EchoscuCommand.table();
        // DCMTK's own options keep DCMTK's rule: their values are expanded
        assertThat(CommandFiles.expand(new String[] {"-aet", "@" + file, "--warning", "@0:1", "--critical", "@" + file},
                table)).containsExactly("-aet", "FROMFILE", "--warning", "@0:1", "--critical", "@" + file);
        // in a command file too: a range there is no nested command file
        Path inFile = dir.resolve("nagios.txt");
        Files.writeString(inFile, "--format nagios --warning @0:1 --critical @0:2");
        assertThat(CommandFiles.expand(new String[] {"@" + inFile}, table))
                .containsExactly("--format", "nagios", "--warning", "@0:1", "--critical", "@0:2");
        assertThat(CommandFiles.expand(new String[] {"--users", "@x"}, EchoscpCommand.table()))
                .containsExactly("--users", "@x");
    }

    @Test
    void nagiosBadCommandLineIsOneUnknownLineAndNothingElse() {
        Result r = echoscu("--format", "nagios", "--warning", "@0:1", "--critical", "ten", "127.0.0.1", "104");
        assertThat(r.code()).isEqualTo(3);
        assertThat(r.out()).startsWith("DICOM ECHO UNKNOWN - bad command line: ").doesNotContain("command file")
                .contains("--critical");
        assertThat(r.out().strip()).doesNotContain("\n");
        assertThat(r.err()).isEmpty();
        Result missing = echoscu("--format", "nagios", "--warning", "@0:1", "127.0.0.1");
        assertThat(missing.code()).isEqualTo(3);
        assertThat(missing.out()).isEqualTo("DICOM ECHO UNKNOWN - bad command line: Missing parameter port\n");
        assertThat(missing.err()).isEmpty();
    }
}
