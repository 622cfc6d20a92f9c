package org.echoscu.exporter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class CapacityTest {

    private static long in(long seconds) {
        return System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    }

    @Test
    void boundsPerPeerAndInAll() throws Exception {
        Capacity c = new Capacity(3, 2);
        assertTrue(c.acquire("a:104", in(10)));
        assertTrue(c.acquire("a:104", in(10)));
        assertFalse(c.acquire("a:104", System.nanoTime()), "a third probe of one peer waits, here not at all");
        assertTrue(c.acquire("b:104", in(10)), "another peer still has room");
        assertFalse(c.acquire("c:104", System.nanoTime()), "three in all");
        assertEquals(3, c.running());
        c.release("a:104");
        assertTrue(c.acquire("c:104", System.nanoTime()));
    }

    @Test
    void aFreedSlotGoesToTheFirstWaiterItCanServe() throws Exception {
        Capacity c = new Capacity(4, 1);
        assertTrue(c.acquire("a:104", in(10)));
        assertTrue(c.acquire("b:104", in(10)));
        List<String> order = new CopyOnWriteArrayList<>();
        Thread first = waiter(c, "a:104", "first a", order);
        awaitWaiting(first);
        Thread onB = waiter(c, "b:104", "b", order);
        awaitWaiting(onB);
        Thread second = waiter(c, "a:104", "second a", order);
        awaitWaiting(second);
        c.release("a:104");
        first.join(10_000);
        assertEquals(List.of("first a"), order, "one slot of a: the first waiter for a, no one else");
        c.release("a:104");
        second.join(10_000);
        assertEquals(List.of("first a", "second a"), order);
        c.release("b:104");
        onB.join(10_000);
        assertEquals(List.of("first a", "second a", "b"), order);
        assertEquals(2, c.running(), "the second a and b");
    }

    @Test
    void atMostAsManyWaitAsMayRun() throws Exception {
        Capacity c = new Capacity(1, 1);
        assertTrue(c.acquire("a:104", in(10)));
        List<String> order = new CopyOnWriteArrayList<>();
        Thread w = waiter(c, "b:104", "b", order);
        awaitWaiting(w);
        assertFalse(c.acquire("c:104", in(10)), "refused at once, not after ten seconds");
        c.release("a:104");
        w.join(10_000);
        assertEquals(List.of("b"), order);
    }

    @Test
    void anInterruptedWaiterLeavesNoSlotTaken() throws Exception {
        Capacity c = new Capacity(1, 1);
        assertTrue(c.acquire("a:104", in(10)));
        List<String> order = new CopyOnWriteArrayList<>();
        Thread w = waiter(c, "a:104", "never", order);
        awaitWaiting(w);
        w.interrupt();
        w.join(10_000);
        c.release("a:104");
        assertEquals(0, c.running());
        assertEquals(List.of(), order);
        assertTrue(c.acquire("a:104", System.nanoTime()));
    }

    private static Thread waiter(Capacity c, String peer, String name, List<String> order) {
        Thread t = new Thread(() -> {
            try {
                if (c.acquire(peer, in(30))) {
                    order.add(name);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** Until the thread waits on its turn (a waiter parks; what it waits for is the test's business). */
    private static void awaitWaiting(Thread t) throws InterruptedException {
        while (t.getState() != Thread.State.TIMED_WAITING) {
            Thread.sleep(1);
        }
    }
}
