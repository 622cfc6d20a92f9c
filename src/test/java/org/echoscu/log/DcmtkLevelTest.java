package org.echoscu.log;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.slf4j.spi.LocationAwareLogger;

/** The one mapping between DCMTK's levels, their letters and SLF4J's levels. */
class DcmtkLevelTest {

    @Test
    void lettersAreDcmtksConsoleLetters() {
        assertThat(DcmtkLevel.TRACE.letter).isEqualTo('T');
        assertThat(DcmtkLevel.DEBUG.letter).isEqualTo('D');
        assertThat(DcmtkLevel.INFO.letter).isEqualTo('I');
        assertThat(DcmtkLevel.WARN.letter).isEqualTo('W');
        assertThat(DcmtkLevel.ERROR.letter).isEqualTo('E');
        assertThat(DcmtkLevel.FATAL.letter).isEqualTo('F');
    }

    @Test
    void fatalIsAnErrorWithTheMarker() {
        assertThat(DcmtkLevel.of(LocationAwareLogger.ERROR_INT, Fatal.MARKER)).isEqualTo(DcmtkLevel.FATAL);
        assertThat(DcmtkLevel.of(LocationAwareLogger.ERROR_INT, null)).isEqualTo(DcmtkLevel.ERROR);
        assertThat(DcmtkLevel.FATAL.slf4j).isEqualTo(LocationAwareLogger.ERROR_INT);
        for (DcmtkLevel l : DcmtkLevel.values()) {
            if (l != DcmtkLevel.OFF && l != DcmtkLevel.FATAL) {
                assertThat(DcmtkLevel.of(l.slf4j, null)).isEqualTo(l);
            }
        }
    }

    @Test
    void namesParseAsLog4cplusReadsThem() {
        assertThat(DcmtkLevel.parse(" warn ")).isEqualTo(DcmtkLevel.WARN);
        assertThat(DcmtkLevel.parse("ALL")).isEqualTo(DcmtkLevel.TRACE);
        assertThat(DcmtkLevel.parse("Fatal")).isEqualTo(DcmtkLevel.FATAL);
        assertThat(DcmtkLevel.parse("INHERIT")).isNull();
        for (String name : DcmtkLevel.OPTION_NAMES) {
            assertThat(DcmtkLevel.parse(name)).as(name).isNotNull();
        }
    }

    @Test
    void levelsAreOrdered() {
        assertThat(DcmtkLevel.FATAL.isAtLeast(DcmtkLevel.ERROR)).isTrue();
        assertThat(DcmtkLevel.DEBUG.isAtLeast(DcmtkLevel.INFO)).isFalse();
    }
}
