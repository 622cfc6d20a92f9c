package org.echoscu.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * The direct scan that reads plain command lines without picocli gives exactly what picocli
 * gives, and leaves to picocli every command line it cannot read by itself.
 */
class DcmtkParserProperties {

    private static final List<String> OTHER_WORDS = List.of("peer", "104", "A", "", "MY AE", "x=y", "-1", "+x",
            "-x", "--aetitle=B", "-aetB", "-", "+", "@file", "--", "-v=true", "0", "fatal");

    @Provide
    Arbitrary<List<String>> echoscuLines() {
        return lines(EchoscuCommand.table());
    }

    @Provide
    Arbitrary<List<String>> echoscpLines() {
        return lines(EchoscpCommand.table());
    }

    private static Arbitrary<List<String>> lines(OptionTable table) {
        List<String> words = new ArrayList<>(OTHER_WORDS);
        for (OptionTable.Opt o : table.options()) {
            words.addAll(o.names());
        }
        Arbitrary<String> word = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, Arbitraries.of(words)),
                net.jqwik.api.Tuple.of(2, Arbitraries.of("peer", "104", "A", "ECHOSCU")));
        return word.list().ofMaxSize(8);
    }

    @Property(tries = 3000)
    void echoscuScanAgreesWithPicocli(@ForAll("echoscuLines") List<String> args) {
        agree(EchoscuCommand.table(), args);
        scannedOftenEnough();
    }

    @Property(tries = 2000)
    void echoscpScanAgreesWithPicocli(@ForAll("echoscpLines") List<String> args) {
        agree(EchoscpCommand.table(), args);
        scannedOftenEnough();
    }

    /** Both sides of the comparison must be exercised, not just the hand-over. */
    private static void scannedOftenEnough() {
        Statistics.coverage(c -> {
            c.check(true).percentage(p -> p > 10);
            c.check(false).percentage(p -> p > 10);
        });
    }

    @Example
    void plainCommandLinesAreScanned() {
        OptionTable t = EchoscuCommand.table();
        assertThat(DcmtkParser.scan(t, List.of("localhost", "104"))).isNotNull();
        assertThat(DcmtkParser.scan(t, List.of("-v", "--repeat", "10000", "-aet", "ME", "-aec", "PACS", "h", "104")))
                .isNotNull();
        assertThat(DcmtkParser.scan(t, List.of("+tls", "key.pem", "cert.pem", "h", "104"))).isNotNull();
    }

    @Example
    void unusualCommandLinesGoToPicocli() {
        OptionTable t = EchoscuCommand.table();
        assertThat(DcmtkParser.scan(t, List.of("-aet"))).isNull();
        assertThat(DcmtkParser.scan(t, List.of("-ts", "-1", "h", "104"))).isNull();
        assertThat(DcmtkParser.scan(t, List.of("--aetitle=ME", "h", "104"))).isNull();
        assertThat(DcmtkParser.scan(t, List.of("-x", "h", "104"))).isNull();
        assertThat(DcmtkParser.scan(t, List.of("+tls", "key.pem"))).isNull();
    }

    private static void agree(OptionTable table, List<String> args) {
        ParsedArgs scanned = DcmtkParser.scan(table, args);
        Statistics.collect(scanned != null);
        if (scanned == null) {
            return; // picocli's to judge, and DcmtkParser.parse hands it over
        }
        ParsedArgs byPicocli;
        try {
            byPicocli = PicocliParser.parse(table, args);
        } catch (UsageException e) {
            throw new AssertionError("scan accepted " + args + " but picocli says: " + e.getMessage(), e);
        }
        assertThat(describe(scanned)).as(args.toString()).isEqualTo(describe(byPicocli));
    }

    private static List<String> describe(ParsedArgs p) {
        List<String> d = new ArrayList<>();
        for (ParsedArgs.Occurrence o : p.occurrences()) {
            d.add(o.opt().display() + "=" + o.values());
        }
        d.add("parameters=" + p.parameters());
        return d;
    }
}
