package com.claudioportal.claudio;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Heap use around a piece of work: used heap after a GC before and after (what the work left
 * behind), the old generation's peak during it (where a whole-file buffer would land: large
 * arrays are allocated there directly) and, for information, the highest used heap sampled.
 */
final class HeapProbe {

    record Result(long retainedGrowth, long oldGenPeakGrowth, long sampledPeakGrowth) {
    }

    private final long before;
    private final List<MemoryPoolMXBean> oldGen;
    private final long oldGenBefore;
    private final AtomicLong sampledPeak = new AtomicLong();
    private final Thread sampler;
    private volatile boolean running = true;

    private HeapProbe() {
        before = usedAfterGc();
        oldGen = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP && (p.getName().contains("Old") || p.getName().contains("Tenured")))
                .toList();
        oldGen.forEach(MemoryPoolMXBean::resetPeakUsage);
        oldGenBefore = oldGen.stream().mapToLong(p -> p.getUsage().getUsed()).sum();
        sampler = new Thread(() -> {
            while (running) {
                sampledPeak.accumulateAndGet(used(), Math::max);
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-probe");
        sampler.setDaemon(true);
        sampler.start();
    }

    static HeapProbe start() {
        return new HeapProbe();
    }

    Result stop() throws InterruptedException {
        running = false;
        sampler.join();
        long oldGenPeak = oldGen.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        return new Result(usedAfterGc() - before, oldGenPeak - oldGenBefore, sampledPeak.get() - before);
    }

    private static long used() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static long usedAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return used();
    }
}
