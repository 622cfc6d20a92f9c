package org.echoscu.acse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.echoscu.Reference;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Words for A-ASSOCIATE-RJ's result, source and reason (PS3.8 table 9-21), in DCMTK's terms. */
class RejectReasonsTest {

    /** DCMTK 3.6.7's echoscu against storescp --refuse: the three lines of a rejection. */
    @Test
    void theWordsOfDcmtksRejectionTranscript() {
        List<String> dcmtk = Reference.lines("dcmtk-3.6.7/assoc-rejected.txt");

        assertThat(dcmtk).contains("F: Result: " + RejectReasons.result(1) + ", Source: " + RejectReasons.source(1),
                "F: Reason: " + RejectReasons.reason(1, 1));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "result | 1 | Rejected Permanent",
            "result | 2 | Rejected Transient",
            "result | 0 | Invalid Result (0)",
            "result | 3 | Invalid Result (3)",
            "result | 255 | Invalid Result (255)",
            "source | 1 | Service User",
            "source | 2 | Service Provider (ACSE Related)",
            "source | 3 | Service Provider (Presentation Related)",
            "source | 0 | Invalid Source (0)",
            "source | 4 | Invalid Source (4)"})
    void resultsAndSources(String field, int value, String words) {
        assertThat(field.equals("result") ? RejectReasons.result(value) : RejectReasons.source(value)).isEqualTo(words);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "1 | 1 | No Reason",
            "1 | 2 | App Context Name Not Supported",
            "1 | 3 | Calling AE Title Not Recognized",
            "1 | 4 | Reserved (4)",
            "1 | 6 | Reserved (6)",
            "1 | 7 | Called AE Title Not Recognized",
            "1 | 8 | Reserved (8)",
            "1 | 10 | Reserved (10)",
            "1 | 0 | Invalid Reason (0)",
            "1 | 11 | Invalid Reason (11)",
            "2 | 1 | No Reason",
            "2 | 2 | Protocol Version Not Supported",
            "2 | 3 | Invalid Reason (3)",
            "2 | 0 | Invalid Reason (0)",
            "3 | 1 | Temporary Congestion",
            "3 | 2 | Local Limit Exceeded",
            "3 | 3 | Reserved (3)",
            "3 | 7 | Reserved (7)",
            "3 | 8 | Invalid Reason (8)",
            "9 | 1 | Invalid Reason (1)"})
    void reasonsDependOnTheSource(int source, int reason, String words) {
        assertThat(RejectReasons.reason(source, reason)).isEqualTo(words);
    }

    /** A hint where a likely cause exists; none (an empty column) elsewhere. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "1 | 3 | check -aet",
            "1 | 7 | check -aec",
            "3 | 1 | the peer is busy",
            "3 | 2 | limit of simultaneous associations",
            "1 | 1 |", "1 | 2 |", "2 | 1 |", "2 | 2 |", "3 | 3 |", "9 | 9 |"})
    void hintsWhereALikelyCauseExists(int source, int reason, String hint) {
        if (hint == null) {
            assertThat(RejectReasons.hint(source, reason)).isNull();
        } else {
            assertThat(RejectReasons.hint(source, reason)).contains(hint);
        }
    }
}
