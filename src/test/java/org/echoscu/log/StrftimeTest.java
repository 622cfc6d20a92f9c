package org.echoscu.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class StrftimeTest {

    private static final String ALL = "%a|%A|%b|%B|%C|%d|%D|%e|%F|%g|%G|%h|%H|%I|%j|%k|%l|%m|%M|%p|%P|%r|%R|%s|%S|%T"
            + "|%u|%U|%V|%w|%W|%x|%X|%y|%Y|%z|%Z|%c";

    /** Expected values from GNU date: TZ=... LC_ALL=C date -d ... +"$ALL". */
    static Stream<Arguments> gnuDate() {
        return Stream.of(
                Arguments.of("2026-11-27T10:40:16Z", "UTC",
                        "Fri|Friday|Nov|November|20|27|11/27/26|27|2026-11-27|26|2026|Nov|10|10|331|10|10|11|40|AM|am"
                        + "|10:40:16 AM|10:40|1795776016|16|10:40:16|5|47|48|5|47|11/27/26|10:40:16|26|2026|+0000|UTC"
                        + "|Fri Nov 27 10:40:16 2026"),
                Arguments.of("2026-11-27T10:40:16Z", "Europe/Berlin",
                        "Fri|Friday|Nov|November|20|27|11/27/26|27|2026-11-27|26|2026|Nov|11|11|331|11|11|11|40|AM|am"
                        + "|11:40:16 AM|11:40|1795776016|16|11:40:16|5|47|48|5|47|11/27/26|11:40:16|26|2026|+0100|CET"
                        + "|Fri Nov 27 11:40:16 2026"),
                Arguments.of("2023-01-01T00:05:09Z", "UTC",
                        "Sun|Sunday|Jan|January|20|01|01/01/23| 1|2023-01-01|22|2022|Jan|00|12|001| 0|12|01|05|AM|am"
                        + "|12:05:09 AM|00:05|1672531509|09|00:05:09|7|01|52|0|00|01/01/23|00:05:09|23|2023|+0000|UTC"
                        + "|Sun Jan  1 00:05:09 2023"),
                Arguments.of("2024-01-01T23:59:59Z", "Europe/Berlin",
                        "Tue|Tuesday|Jan|January|20|02|01/02/24| 2|2024-01-02|24|2024|Jan|00|12|002| 0|12|01|59|AM|am"
                        + "|12:59:59 AM|00:59|1704153599|59|00:59:59|2|00|01|2|01|01/02/24|00:59:59|24|2024|+0100|CET"
                        + "|Tue Jan  2 00:59:59 2024"),
                Arguments.of("2024-01-01T23:59:59Z", "UTC",
                        "Mon|Monday|Jan|January|20|01|01/01/24| 1|2024-01-01|24|2024|Jan|23|11|001|23|11|01|59|PM|pm"
                        + "|11:59:59 PM|23:59|1704153599|59|23:59:59|1|00|01|1|01|01/01/24|23:59:59|24|2024|+0000|UTC"
                        + "|Mon Jan  1 23:59:59 2024"),
                Arguments.of("2021-01-03T12:00:00Z", "Europe/Berlin",
                        "Sun|Sunday|Jan|January|20|03|01/03/21| 3|2021-01-03|20|2020|Jan|13|01|003|13| 1|01|00|PM|pm"
                        + "|01:00:00 PM|13:00|1609675200|00|13:00:00|7|01|53|0|00|01/03/21|13:00:00|21|2021|+0100|CET"
                        + "|Sun Jan  3 13:00:00 2021"));
    }

    @ParameterizedTest
    @MethodSource("gnuDate")
    void matchesGnuStrftimeInTheCLocale(String instant, String zone, String expected) {
        assertThat(new Strftime(ALL, ZoneId.of(zone), false).format(Instant.parse(instant))).isEqualTo(expected);
    }

    @Test
    void log4cplusMillisecondsAndFractionalMilliseconds() {
        Instant t = Instant.parse("2026-11-27T10:38:46.394928Z");
        assertThat(new Strftime("%H:%M:%S.%q|%Q", ZoneOffset.UTC, true).format(t)).isEqualTo("10:38:46.394|394.928");
        assertThat(new Strftime("%q|%Q", ZoneOffset.UTC, true).format(Instant.parse("2026-01-01T00:00:00.007Z")))
                .isEqualTo("007|007.000");
    }

    @Test
    void utcPrintsGmtAsGmtimeDoes() {
        assertThat(new Strftime("%Z %z", true).format(Instant.EPOCH)).isEqualTo("GMT +0000");
    }

    @Test
    void literalsEscapesAndUnknownConversions() {
        assertThat(new Strftime("at %% %n%t %y %E %O %", ZoneOffset.UTC, true).format(Instant.EPOCH))
                .isEqualTo("at % \n\t 70 %E %O ");
    }
}
