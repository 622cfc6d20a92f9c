package org.echoscu.dul;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * PS3.8 table 9-10 typed in again, independently of {@link StateTable}, one line per event and
 * one column per state, exactly as the standard prints it; "." is a cell the standard leaves
 * empty. Checked against the standard's own table and against an independent implementation's
 * transition table (both read, not copied), then compared cell by cell with the implementation.
 */
@Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class StateTableTest {

    private static final String TABLE_9_10 = """
            #      Sta1  Sta2  Sta3  Sta4  Sta5  Sta6  Sta7  Sta8  Sta9  Sta10 Sta11 Sta12 Sta13
            Evt1   AE-1  .     .     .     .     .     .     .     .     .     .     .     .
            Evt2   .     .     .     AE-2  .     .     .     .     .     .     .     .     .
            Evt3   .     AA-1  AA-8  .     AE-3  AA-8  AA-8  AA-8  AA-8  AA-8  AA-8  AA-8  AA-6
            Evt4   .     AA-1  AA-8  .     AE-4  AA-8  AA-8  AA-8  AA-8  AA-8  AA-8  AA-8  AA-6
            Evt5   AE-5  .     .     .     .     .     .     .     .     .     .     .     .
            Evt6   .     AE-6  AA-8  .     AA-8  AA-8  AA-8  AA-8  AA-8  AA-8  AA-8  AA-8  AA-7
            Evt7   .     .     AE-7  .     .     .     .     .     .     .     .     .     .
            Evt8   .     .     AE-8  .     .     .     .     .     .     .     .     .     .
            Evt9   .     .     .     .     .     DT-1  .     AR-7  .     .     .     .     .
            Evt10  .     AA-1  AA-8  .     AA-8  DT-2  AR-6  AA-8  AA-8  AA-8  AA-8  AA-8  AA-6
            Evt11  .     .     .     .     .     AR-1  .     .     .     .     .     .     .
            Evt12  .     AA-1  AA-8  .     AA-8  AR-2  AR-8  AA-8  AA-8  AA-8  AA-8  AA-8  AA-6
            Evt13  .     AA-1  AA-8  .     AA-8  AA-8  AR-3  AA-8  AA-8  AR-10 AR-3  AA-8  AA-6
            Evt14  .     .     .     .     .     .     .     AR-4  AR-9  .     .     AR-4  .
            Evt15  .     .     AA-1  AA-2  AA-1  AA-1  AA-1  AA-1  AA-1  AA-1  AA-1  AA-1  .
            Evt16  .     AA-2  AA-3  .     AA-3  AA-3  AA-3  AA-3  AA-3  AA-3  AA-3  AA-3  AA-2
            Evt17  .     AA-5  AA-4  AA-4  AA-4  AA-4  AA-4  AA-4  AA-4  AA-4  AA-4  AA-4  AR-5
            Evt18  .     AA-2  .     .     .     .     .     .     .     .     .     .     AA-2
            Evt19  .     AA-1  AA-8  .     AA-8  AA-8  AA-8  AA-8  AA-8  AA-8  AA-8  AA-8  AA-7
            """;

    private static final Map<Event, Map<State, Optional<Action>>> EXPECTED = parse(TABLE_9_10);

    @SuppressWarnings("EnumOrdinal") // the columns are the states in PS3.8's order, which State keeps
    private static Map<Event, Map<State, Optional<Action>>> parse(String text) {
        Map<Event, Map<State, Optional<Action>>> table = new EnumMap<>(Event.class);
        List<String> lines = text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        String[] header = lines.get(0).split("\\s+");
        assertThat(Arrays.copyOfRange(header, 1, header.length))
                .as("column headings").containsExactly(Arrays.stream(State.values()).map(State::toString)
                        .toArray(String[]::new));
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split("\\s+");
            assertThat(cells).as("cells of line '%s'", line).hasSize(1 + State.values().length);
            Event event = Event.valueOf(cells[0].toUpperCase(java.util.Locale.ROOT));
            Map<State, Optional<Action>> row = new EnumMap<>(State.class);
            for (State s : State.values()) {
                String cell = cells[1 + s.ordinal()];
                row.put(s, cell.equals(".") ? Optional.empty() : Optional.of(Action.valueOf(cell.replace('-', '_'))));
            }
            assertThat(table.put(event, row)).as("line for %s given twice", event).isNull();
        }
        assertThat(table.keySet()).as("one line per event").containsExactly(Event.values());
        return table;
    }

    static Stream<Arguments> cells() {
        List<Arguments> all = new ArrayList<>();
        for (Event e : Event.values()) {
            for (State s : State.values()) {
                all.add(Arguments.of(e, s, EXPECTED.get(e).get(s)));
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} in {1} -> {2}")
    @MethodSource("cells")
    void everyCellMatchesTable9_10(Event event, State state, Optional<Action> expected) {
        assertThat(StateTable.action(state, event)).isEqualTo(expected);
    }

    @Test
    void allCellsInOneView() {
        // the same comparison as above, but reporting every difference at once
        List<String> differences = new ArrayList<>();
        for (Event e : Event.values()) {
            for (State s : State.values()) {
                Optional<Action> want = EXPECTED.get(e).get(s);
                Optional<Action> got = StateTable.action(s, e);
                if (!want.equals(got)) {
                    differences.add(e + "/" + s + ": standard " + want.map(Action::toString).orElse("empty")
                            + ", implementation " + got.map(Action::toString).orElse("empty"));
                }
            }
        }
        assertThat(differences).isEmpty();
    }

    @Test
    void sizeOfTheTable() {
        assertThat(Event.values()).hasSize(19);
        assertThat(State.values()).hasSize(13);
        long filled = EXPECTED.values().stream().flatMap(r -> r.values().stream()).filter(Optional::isPresent).count();
        assertThat(filled).isEqualTo(123);
        long implemented = Arrays.stream(Event.values())
                .flatMap(e -> Arrays.stream(State.values()).map(s -> StateTable.action(s, e)))
                .filter(Optional::isPresent).count();
        assertThat(implemented).isEqualTo(filled);
    }

    @Test
    void artimExpiryIsHandledOnlyWhereTheTimerRuns() {
        // ARTIM runs in Sta2 (after AE-5) and Sta13 (after AE-6 reject, AE-8, AR-4, AA-1, AA-8): AA-2 in both
        for (State s : State.values()) {
            Optional<Action> a = StateTable.action(s, Event.EVT18);
            if (s == State.STA2 || s == State.STA13) {
                assertThat(a).as("Evt18 in %s", s).contains(Action.AA_2);
            } else {
                assertThat(a).as("Evt18 in %s", s).isEmpty();
            }
        }
    }

    @Test
    void everyActionAppearsInTheTable() {
        List<Action> used = Arrays.stream(Event.values())
                .flatMap(e -> Arrays.stream(State.values()).map(s -> StateTable.action(s, e)))
                .flatMap(Optional::stream).distinct().toList();
        assertThat(used).containsExactlyInAnyOrder(Action.values());
    }

    @Test
    void namesAsTheStandardPrintsThem() {
        assertThat(Event.EVT1).hasToString("Evt1");
        assertThat(Event.EVT19).hasToString("Evt19");
        assertThat(State.STA1).hasToString("Sta1");
        assertThat(State.STA13).hasToString("Sta13");
        assertThat(Action.AE_1).hasToString("AE-1");
        assertThat(Action.AR_10).hasToString("AR-10");
        assertThat(Action.AA_8).hasToString("AA-8");
    }
}
