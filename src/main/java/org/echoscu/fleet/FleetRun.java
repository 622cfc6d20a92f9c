package org.echoscu.fleet;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs one piece of work per target, at most {@code parallel} at a time, on plain threads with
 * small stacks (a probe's call depth is shallow; Java 17 has no virtual threads): a hundred in
 * flight cost a few MiB of stack, not a hundred. Each piece keeps its own timeouts, so the
 * whole run takes about ceil(targets / parallel) times the slowest target. Results come back
 * in the order of the targets; {@code done} hears of each as it finishes, one at a time.
 */
public final class FleetRun {

    /** Stack of each worker thread: enough for the association code, TLS handshakes included. */
    static final long STACK_BYTES = 512 * 1024;

    @FunctionalInterface
    public interface Work<R> {
        R run(TargetSpec target);
    }

    @FunctionalInterface
    public interface Done<R> {
        /** Called under the run's lock, so implementations print without interleaving; {@code index} from 0. */
        void finished(int index, TargetSpec target, R result);
    }

    private FleetRun() {
    }

    public static <R> List<R> run(List<TargetSpec> targets, int parallel, Work<R> work, Done<R> done)
            throws InterruptedException {
        int n = targets.size();
        Object[] results = new Object[n];
        AtomicInteger next = new AtomicInteger();
        Throwable[] failure = new Throwable[1];
        Object lock = new Object();
        Runnable worker = () -> {
            for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                TargetSpec t = targets.get(i);
                try {
                    R r = work.run(t);
                    synchronized (lock) {
                        results[i] = r;
                        done.finished(i, t, r);
                    }
                } catch (RuntimeException | Error e) {
                    synchronized (lock) {
                        if (failure[0] == null) {
                            failure[0] = e;
                        }
                    }
                    next.set(n); // a bug of ours: stop handing out work
                    return;
                }
            }
        };
        List<Thread> threads = new ArrayList<>();
        for (int k = 0; k < Math.min(parallel, n); k++) {
            Thread t = new Thread(null, worker, "target-" + k, STACK_BYTES);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        if (failure[0] instanceof RuntimeException e) {
            throw e;
        }
        if (failure[0] instanceof Error e) {
            throw e;
        }
        @SuppressWarnings("unchecked")
        List<R> out = (List<R>) Arrays.asList(results);
        return out;
    }
}
