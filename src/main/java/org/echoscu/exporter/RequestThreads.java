package org.echoscu.exporter;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads that answer HTTP requests: as many as there are requests in hand at once, up to
 * {@code max}; past that, requests wait in a queue of {@code queue}, and past that they are
 * refused. A thread that is done takes the next request; idle ones end after 30 s.
 *
 * <p>Written here because no JDK executor does this: a {@link ThreadPoolExecutor} with a
 * queue starts a new thread for each of its first {@code core} tasks even while others sit
 * idle (so 16 steady scrapers kept all 136 threads of the default bound alive, each with its
 * stack and its own I/O buffers: some 20 MiB), and adds threads beyond {@code core} only once
 * the queue is full; a cached pool has no bound. The queue below turns that round, as Tomcat's
 * executor does: it takes a task only while a thread is idle or the bound is reached, and
 * otherwise has the executor start a thread.
 */
final class RequestThreads extends ThreadPoolExecutor {

    /** Requests handed over and not yet finished: running, or waiting in the queue. */
    private final AtomicInteger inHand = new AtomicInteger();

    RequestThreads(int max, int queue, ThreadFactory threads) {
        super(1, max, 30, TimeUnit.SECONDS, new HandOver(queue), threads);
        ((HandOver) getQueue()).pool = this;
        allowCoreThreadTimeOut(true);
    }

    @Override
    public void execute(Runnable request) {
        inHand.incrementAndGet();
        try {
            super.execute(request);
        } catch (RejectedExecutionException e) {
            // the bound was reached between the queue's answer and the new thread: queue it after all
            if (isShutdown() || !((HandOver) getQueue()).queue(request)) {
                inHand.decrementAndGet();
                throw e;
            }
        }
    }

    @Override
    protected void afterExecute(Runnable request, Throwable failure) {
        inHand.decrementAndGet();
    }

    private static final class HandOver extends LinkedBlockingQueue<Runnable> {
        private static final long serialVersionUID = 1L;
        transient RequestThreads pool;

        HandOver(int capacity) {
            super(capacity);
        }

        /** Queues a request when a thread is idle to take it or no other may start; else says no (a new thread). */
        @Override
        public boolean offer(Runnable request) {
            int threads = pool.getPoolSize();
            if (pool.inHand.get() <= threads || threads >= pool.getMaximumPoolSize()) {
                return super.offer(request);
            }
            return false;
        }

        boolean queue(Runnable request) {
            return super.offer(request);
        }
    }
}
