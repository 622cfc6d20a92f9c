package org.echoscu.log;

import org.slf4j.Marker;
import org.slf4j.MarkerFactory;

/** SLF4J has no FATAL level; DCMTK's fatal messages are errors carrying this marker. */
public final class Fatal {
    public static final Marker MARKER = MarkerFactory.getMarker("FATAL");

    private Fatal() {
    }
}
