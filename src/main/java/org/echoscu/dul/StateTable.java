package org.echoscu.dul;

import static org.echoscu.dul.Action.*;
import static org.echoscu.dul.Event.*;
import static org.echoscu.dul.State.*;

import java.util.Optional;

/**
 * PS3.8 table 9-10, the state transition table, one line per event as the standard prints
 * it. A cell left empty in the standard is absent here: {@link #action} returns empty.
 * Next states are not in the table: they follow from the action (PS3.8 tables 9-6 to 9-9),
 * see {@link UpperLayer}.
 */
@SuppressWarnings("EnumOrdinal") // indexed in PS3.8's order of states and events, which the enums keep
public final class StateTable {

    /**
     * Cells by event and state ordinal; null where the standard leaves the cell empty. Arrays,
     * not EnumMaps: an EnumMap asks for its enum's constants by reflection, which costs a
     * start-up of the JVM some classes and a method accessor.
     */
    private static final Action[][] TABLE = new Action[Event.values().length][State.values().length];

    /** Sta6 to Sta12: the seven states of an established association and its release. */
    private static final State[] ESTABLISHED = {STA6, STA7, STA8, STA9, STA10, STA11, STA12};

    static {
        on(EVT1).at(STA1, AE_1);
        on(EVT2).at(STA4, AE_2);
        on(EVT3).at(STA2, AA_1).at(STA3, AA_8).at(STA5, AE_3).established(AA_8).at(STA13, AA_6);
        on(EVT4).at(STA2, AA_1).at(STA3, AA_8).at(STA5, AE_4).established(AA_8).at(STA13, AA_6);
        on(EVT5).at(STA1, AE_5);
        on(EVT6).at(STA2, AE_6).at(STA3, AA_8).at(STA5, AA_8).established(AA_8).at(STA13, AA_7);
        on(EVT7).at(STA3, AE_7);
        on(EVT8).at(STA3, AE_8);
        on(EVT9).at(STA6, DT_1).at(STA8, AR_7);
        on(EVT10).at(STA2, AA_1).at(STA3, AA_8).at(STA5, AA_8).established(AA_8)
                .at(STA6, DT_2).at(STA7, AR_6).at(STA13, AA_6);
        on(EVT11).at(STA6, AR_1);
        on(EVT12).at(STA2, AA_1).at(STA3, AA_8).at(STA5, AA_8).established(AA_8)
                .at(STA6, AR_2).at(STA7, AR_8).at(STA13, AA_6);
        on(EVT13).at(STA2, AA_1).at(STA3, AA_8).at(STA5, AA_8).established(AA_8)
                .at(STA7, AR_3).at(STA10, AR_10).at(STA11, AR_3).at(STA13, AA_6);
        on(EVT14).at(STA8, AR_4).at(STA9, AR_9).at(STA12, AR_4);
        on(EVT15).at(STA3, AA_1).at(STA4, AA_2).at(STA5, AA_1).established(AA_1);
        on(EVT16).at(STA2, AA_2).at(STA3, AA_3).at(STA5, AA_3).established(AA_3).at(STA13, AA_2);
        on(EVT17).at(STA2, AA_5).at(STA3, AA_4).at(STA4, AA_4).at(STA5, AA_4).established(AA_4).at(STA13, AR_5);
        on(EVT18).at(STA2, AA_2).at(STA13, AA_2);
        on(EVT19).at(STA2, AA_1).at(STA3, AA_8).at(STA5, AA_8).established(AA_8).at(STA13, AA_7);
    }

    private StateTable() {
    }


    public static Optional<Action> action(State state, Event event) {
        return Optional.ofNullable(cell(state, event));
    }

    /** The cell itself: null where the standard leaves it empty (the machine's own lookup, for every PDU). */
    static Action cell(State state, Event event) {
        return TABLE[event.ordinal()][state.ordinal()];
    }

    private static Row on(Event event) {
        return new Row(TABLE[event.ordinal()]);
    }

    /** Builder for one line of the table; a later cell overrides an earlier one. */
    private record Row(Action[] cells) {
        Row at(State state, Action action) {
            cells[state.ordinal()] = action;
            return this;
        }

        Row established(Action action) {
            for (State s : ESTABLISHED) {
                cells[s.ordinal()] = action;
            }
            return this;
        }
    }
}
