package org.echoscu.dimse;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.echoscu.log.Logs;

/**
 * Element names and VRs for debug dumps. DCMTK's text dictionaries (tab-separated
 * {@code (gggg,eeee) VR Name VM Version}) are read from the files DCMDICTPATH names,
 * colon-separated; when it is unset, or nothing in it can be read, the built-in table of
 * command elements serves. Unlike DCMTK's echoscu, a missing dictionary never fails an echo.
 * Loaded on first use, so a plain echo without -d never reads a file.
 */
public final class ElementDictionary {

    private static final Logger LOG = Logs.get("dcmtk.dcmdata");
    private static ElementDictionary shared;

    /** An element's VR and keyword. */
    public record Entry(String vr, String name) {
    }

    private final Map<Integer, Entry> entries;

    private ElementDictionary(Map<Integer, Entry> entries) {
        this.entries = entries;
    }

    /** The dictionary DCMDICTPATH asks for, loaded once (warnings logged then). */
    public static synchronized ElementDictionary shared() {
        if (shared == null) {
            shared = load(System.getenv("DCMDICTPATH"));
        }
        return shared;
    }

    public static ElementDictionary load(String dcmdictpath) {
        ElementDictionary dict = new ElementDictionary(new HashMap<>(builtIn()));
        if (dcmdictpath == null || dcmdictpath.isBlank()) {
            return dict;
        }
        int loaded = 0;
        for (String file : dcmdictpath.split(":")) {
            if (file.isEmpty()) {
                continue;
            }
            try {
                LOG.debug("DcmDataDictionary: Loading file: {}", file);
                dict.read(Path.of(file));
                loaded++;
            } catch (IOException | RuntimeException e) {
                LOG.error("DcmDataDictionary: Cannot open file: {}", file);
            }
        }
        if (loaded == 0) {
            LOG.warn("no data dictionary loaded, check environment variable: DCMDICTPATH");
        }
        return dict;
    }

    public Entry lookup(int tag) {
        Entry e = entries.get(tag);
        return e != null ? e : new Entry("UN", "Unknown Tag & Data");
    }

    public int size() {
        return entries.size();
    }

    private void read(Path file) throws IOException {
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isEmpty() || line.charAt(0) == '#') {
                    continue;
                }
                String[] f = line.split("\t");
                if (f.length < 3) {
                    continue;
                }
                Integer tag = parseTag(f[0].trim());
                if (tag != null) {
                    entries.put(tag, new Entry(f[1].trim(), f[2].trim()));
                }
            }
        }
    }

    /** Plain (gggg,eeee) tags only; ranges and private-creator forms are not needed for commands. */
    private static Integer parseTag(String s) {
        if (s.length() != 11 || s.charAt(0) != '(' || s.charAt(5) != ',' || s.charAt(10) != ')') {
            return null;
        }
        try {
            return Integer.parseInt(s.substring(1, 5), 16) << 16 | Integer.parseInt(s.substring(6, 10), 16);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Map<Integer, Entry> builtIn() {
        Map<Integer, Entry> m = new HashMap<>();
        m.put(0x0000_0000, new Entry("UL", "CommandGroupLength"));
        m.put(0x0000_0002, new Entry("UI", "AffectedSOPClassUID"));
        m.put(0x0000_0003, new Entry("UI", "RequestedSOPClassUID"));
        m.put(0x0000_0100, new Entry("US", "CommandField"));
        m.put(0x0000_0110, new Entry("US", "MessageID"));
        m.put(0x0000_0120, new Entry("US", "MessageIDBeingRespondedTo"));
        m.put(0x0000_0600, new Entry("AE", "MoveDestination"));
        m.put(0x0000_0700, new Entry("US", "Priority"));
        m.put(0x0000_0800, new Entry("US", "CommandDataSetType"));
        m.put(0x0000_0900, new Entry("US", "Status"));
        m.put(0x0000_0901, new Entry("AT", "OffendingElement"));
        m.put(0x0000_0902, new Entry("LO", "ErrorComment"));
        m.put(0x0000_0903, new Entry("US", "ErrorID"));
        m.put(0x0000_1000, new Entry("UI", "AffectedSOPInstanceUID"));
        m.put(0x0000_1001, new Entry("UI", "RequestedSOPInstanceUID"));
        m.put(0x0000_1002, new Entry("US", "EventTypeID"));
        m.put(0x0000_1005, new Entry("AT", "AttributeIdentifierList"));
        m.put(0x0000_1008, new Entry("US", "ActionTypeID"));
        m.put(0x0000_1020, new Entry("US", "NumberOfRemainingSuboperations"));
        m.put(0x0000_1021, new Entry("US", "NumberOfCompletedSuboperations"));
        m.put(0x0000_1022, new Entry("US", "NumberOfFailedSuboperations"));
        m.put(0x0000_1023, new Entry("US", "NumberOfWarningSuboperations"));
        m.put(0x0000_1030, new Entry("AE", "MoveOriginatorApplicationEntityTitle"));
        m.put(0x0000_1031, new Entry("US", "MoveOriginatorMessageID"));
        return m;
    }
}
