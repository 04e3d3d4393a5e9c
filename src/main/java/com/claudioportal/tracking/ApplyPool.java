package com.claudioportal.tracking;

import java.util.concurrent.Executor;
import java.util.concurrent.PriorityBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The threads that apply Claudio's answers (and decide each job's next step) in short
 * transactions. Work of the priority lane (a webhook notice, "check now") goes before any
 * waiting work of the normal lane, each lane in arrival order: when hundreds of polls answer at
 * once, a notified job does not queue behind them, so the priority lane stays fast all the way to
 * the database, not only when claiming.
 */
final class ApplyPool {

    private record Ranked(boolean urgent, long order, Runnable task, AtomicInteger waiting) implements Runnable, Comparable<Ranked> {
        @Override
        public void run() {
            if (!urgent) {
                waiting.decrementAndGet();
            }
            task.run();
        }

        @Override
        public int compareTo(Ranked other) {
            if (urgent != other.urgent) {
                return urgent ? -1 : 1;
            }
            return Long.compare(order, other.order);
        }
    }

    private final ThreadPoolExecutor pool;
    private final AtomicLong arrivals = new AtomicLong();
    private final AtomicInteger waitingNormal = new AtomicInteger();
    private final Executor urgent = task -> submit(true, task);
    private final Executor normal = task -> submit(false, task);

    ApplyPool(int threads) {
        AtomicInteger n = new AtomicInteger();
        pool = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS, new PriorityBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "job-apply-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        // every task goes through the queue (a pool with idle room would otherwise hand it to a new thread directly)
        pool.prestartAllCoreThreads();
    }

    /** The executor for one claim's work. */
    Executor lane(boolean urgentLane) {
        return urgentLane ? urgent : normal;
    }

    private void submit(boolean urgentLane, Runnable task) {
        if (!urgentLane) {
            waitingNormal.incrementAndGet();
        }
        try {
            pool.execute(new Ranked(urgentLane, arrivals.incrementAndGet(), task, waitingNormal));
        } catch (RuntimeException e) {
            if (!urgentLane) {
                waitingNormal.decrementAndGet(); // refused (shutting down): it will never run
            }
            throw e;
        }
    }

    /** Normal-lane tasks queued, not yet started. */
    int waitingNormal() {
        return waitingNormal.get();
    }

    void shutdown() {
        pool.shutdownNow();
    }
}
