package org.echoscu.exporter;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The recent probes, for the status page and {@code /logs}: the last {@code --history.limit}
 * probes, and apart from them the last as many failures, so that a burst of successes does not
 * push the failures out (blackbox_exporter keeps its history the same way); and per target and
 * module the latest probe and the time of its last failure, for as many targets as four times
 * the limit (the least recently probed go first: the map cannot grow without bound).
 */
final class History {

    /** The latest probe of a target and module, and when it last failed (null: not since kept). */
    record Latest(ProbeRun last, java.time.Instant lastFailure) {
    }

    private final int limit;
    private final ArrayDeque<ProbeRun> recent = new ArrayDeque<>();
    private final ArrayDeque<ProbeRun> failures = new ArrayDeque<>();
    private final LinkedHashMap<String, Latest> latest;

    History(int limit) {
        this.limit = limit;
        int targets = Math.max(16, 4 * limit);
        this.latest = new LinkedHashMap<>(64, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Latest> eldest) {
                return size() > targets;
            }
        };
    }

    static String key(String target, String module) {
        return module + "\u0000" + target;
    }

    synchronized void add(ProbeRun run) {
        if (limit == 0) {
            return;
        }
        boolean ok = run.result().outcome().ok();
        ArrayDeque<ProbeRun> list = ok ? recent : failures;
        list.addLast(run);
        if (list.size() > limit) {
            list.removeFirst();
        }
        String k = key(run.target().toString(), run.module());
        Latest before = latest.get(k);
        latest.put(k, new Latest(run, ok ? (before == null ? null : before.lastFailure()) : run.result().started()));
    }

    /** Successes and failures kept, newest first. */
    synchronized List<ProbeRun> probes() {
        List<ProbeRun> all = new ArrayList<>(recent);
        all.addAll(failures);
        all.sort((a, b) -> Long.compare(b.id(), a.id()));
        return all;
    }

    synchronized List<Latest> latest() {
        List<Latest> out = new ArrayList<>(latest.values());
        out.sort((a, b) -> a.last().target().toString().compareTo(b.last().target().toString()));
        return out;
    }

    synchronized ProbeRun byId(long id) {
        for (ArrayDeque<ProbeRun> list : List.of(recent, failures)) {
            for (Iterator<ProbeRun> it = list.descendingIterator(); it.hasNext();) {
                ProbeRun r = it.next();
                if (r.id() == id) {
                    return r;
                }
            }
        }
        return null;
    }

    /** The latest probe of {@code target} with {@code module}, or null. */
    synchronized ProbeRun last(String target, String module) {
        Latest l = latest.get(key(target, module));
        return l == null ? null : l.last();
    }
}
