package org.echoscu.exporter;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The bounds on probes in flight: in all ({@code --probe.concurrency}) and per peer, host and
 * port ({@code --probe.per-peer}: a modality that takes one association at a time is not
 * flooded). A probe beyond them waits until its deadline at most. At most as many probes wait
 * as may run in all; one more is refused at once, so that the threads the waits hold stay
 * bounded too (the HTTP pool has room for the running and the waiting).
 */
final class Capacity {

    private final int total;
    private final int perPeer;
    private final Map<String, Integer> peers = new HashMap<>();
    private int running;
    private int waiting;

    Capacity(int total, int perPeer) {
        this.total = total;
        this.perPeer = perPeer;
    }

    /** A slot for {@code peer} before {@code deadlineNanos}; false when none came. */
    synchronized boolean acquire(String peer, long deadlineNanos) throws InterruptedException {
        if (free(peer)) {
            take(peer);
            return true;
        }
        if (waiting >= total) {
            return false;
        }
        waiting++;
        try {
            long left;
            while (!free(peer)) {
                left = deadlineNanos - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
            take(peer);
            return true;
        } finally {
            waiting--;
        }
    }

    synchronized void release(String peer) {
        running--;
        int n = peers.get(peer) - 1;
        if (n == 0) {
            peers.remove(peer); // the map holds only peers with probes in flight
        } else {
            peers.put(peer, n);
        }
        notifyAll();
    }

    synchronized int running() {
        return running;
    }

    private boolean free(String peer) {
        return running < total && peers.getOrDefault(peer, 0) < perPeer;
    }

    private void take(String peer) {
        running++;
        peers.merge(peer, 1, Integer::sum);
    }
}
