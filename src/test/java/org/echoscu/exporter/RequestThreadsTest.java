package org.echoscu.exporter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class RequestThreadsTest {

    private static RequestThreads pool(int max, int queue) {
        return new RequestThreads(max, queue, r -> {
            Thread t = new Thread(r);
            t.setDaemon(true);
            return t;
        });
    }

    @Test
    void requestsOneAfterTheOtherShareOneThread() throws Exception {
        RequestThreads pool = pool(136, 16);
        try {
            for (int i = 0; i < 50; i++) {
                CountDownLatch done = new CountDownLatch(1);
                pool.execute(done::countDown);
                assertTrue(done.await(10, TimeUnit.SECONDS));
                awaitIdle(pool);
            }
            assertEquals(1, pool.getLargestPoolSize(), "a plain ThreadPoolExecutor with core 136 would have started 50");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void requestsAtOnceGetAThreadEachUpToTheBoundThenQueueThenAreRefused() throws Exception {
        RequestThreads pool = pool(3, 2);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(3);
        try {
            for (int i = 0; i < 3; i++) {
                pool.execute(() -> {
                    started.countDown();
                    await(release);
                });
            }
            assertTrue(started.await(10, TimeUnit.SECONDS), "three requests at once run at once");
            assertEquals(3, pool.getPoolSize());
            pool.execute(() -> { });
            pool.execute(() -> { });
            assertEquals(2, pool.getQueue().size(), "past the bound, requests wait");
            assertEquals(3, pool.getPoolSize());
            assertThrows(RejectedExecutionException.class, () -> pool.execute(() -> { }), "past the queue, refused");
            release.countDown();
            awaitIdle(pool);
            assertEquals(5, pool.getCompletedTaskCount());
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
    }

    private static void awaitIdle(RequestThreads pool) throws InterruptedException {
        while (pool.getActiveCount() > 0 || !pool.getQueue().isEmpty()) {
            Thread.sleep(1);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
