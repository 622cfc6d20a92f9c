package org.echoscu.exporter;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The bounds on probes in flight: in all ({@code --probe.concurrency}) and per peer, host and
 * port ({@code --probe.per-peer}: a modality that takes one association at a time is not
 * flooded). A probe beyond them waits until its deadline at most. At most as many probes wait
 * as may run in all; one more is refused at once, so that the threads the waits hold stay
 * bounded too (the HTTP pool has room for the running and the waiting).
 *
 * <p>A slot that frees is handed to the first waiting probe it can serve, in the order they
 * came, and only that probe is woken: waking every waiter for each slot (a monitor's
 * notifyAll) cost 12 futile wake-ups per probe with 16 scrapers on one peer, a third of the
 * exporter's CPU.
 */
final class Capacity {

    private final int total;
    private final int perPeer;
    private final ReentrantLock lock = new ReentrantLock();
    /** Probes in flight per peer; only peers with one or more. */
    private final Map<String, Integer> peers = new HashMap<>();
    private final ArrayDeque<Waiter> waiters = new ArrayDeque<>();
    private int running;

    /** A probe waiting for a slot; {@code granted} once {@link #release} took one for it. */
    private static final class Waiter {
        final String peer;
        final Condition turn;
        boolean granted;

        Waiter(String peer, Condition turn) {
            this.peer = peer;
            this.turn = turn;
        }
    }

    Capacity(int total, int perPeer) {
        this.total = total;
        this.perPeer = perPeer;
    }

    /** A slot for {@code peer} before {@code deadlineNanos}; false when none came. */
    boolean acquire(String peer, long deadlineNanos) throws InterruptedException {
        lock.lock();
        try {
            if (free(peer)) {
                take(peer);
                return true;
            }
            if (waiters.size() >= total) {
                return false;
            }
            Waiter w = new Waiter(peer, lock.newCondition());
            waiters.add(w);
            try {
                while (!w.granted) {
                    long left = deadlineNanos - System.nanoTime();
                    if (left <= 0) {
                        return false;
                    }
                    w.turn.awaitNanos(left);
                }
                return true;
            } catch (InterruptedException e) {
                if (w.granted) {
                    giveBack(peer); // the slot came with the interrupt: not ours to keep
                }
                throw e;
            } finally {
                if (!w.granted) {
                    waiters.remove(w);
                }
            }
        } finally {
            lock.unlock();
        }
    }

    void release(String peer) {
        lock.lock();
        try {
            giveBack(peer);
        } finally {
            lock.unlock();
        }
    }

    int running() {
        lock.lock();
        try {
            return running;
        } finally {
            lock.unlock();
        }
    }

    /** Frees a slot of {@code peer} and hands what is free to the waiters it serves, first come first. */
    private void giveBack(String peer) {
        running--;
        int n = peers.get(peer) - 1;
        if (n == 0) {
            peers.remove(peer); // the map holds only peers with probes in flight
        } else {
            peers.put(peer, n);
        }
        for (Iterator<Waiter> it = waiters.iterator(); it.hasNext() && running < total; ) {
            Waiter w = it.next();
            if (free(w.peer)) {
                take(w.peer);
                w.granted = true;
                it.remove();
                w.turn.signal();
            }
        }
    }

    private boolean free(String peer) {
        return running < total && peers.getOrDefault(peer, 0) < perPeer;
    }

    private void take(String peer) {
        running++;
        peers.merge(peer, 1, Integer::sum);
    }
}
