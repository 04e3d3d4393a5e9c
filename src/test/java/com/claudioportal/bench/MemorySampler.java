package com.claudioportal.bench;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

import com.claudioportal.infra.HeapUse;
import com.claudioportal.infra.OldGeneration;
import com.claudioportal.infra.PeriodicSampler;
import com.sun.management.GarbageCollectionNotificationInfo;

/**
 * The portal JVM's memory during one benchmark phase (the portal and this benchmark share one
 * JVM; the Claudio sandbox runs in a process of its own). Started after a full GC; a daemon thread samples every 20 ms:
 * <ul>
 * <li>heap used (MemoryMXBean), which includes garbage not yet collected, so its peak is bounded
 * by the young generation's size as much as by what the code holds;</li>
 * <li>heap used right after each GC (GC notifications): what was really alive during the phase;</li>
 * <li>the old generation's peak (its pool's peak usage, reset at the start), where G1 allocates
 * large arrays directly;</li>
 * <li>RSS ({@code VmRSS} of /proc/self/status); the kernel's high-water mark {@code VmHWM} is reset
 * at the start (writing 5 to /proc/self/clear_refs) and read at the end, so short peaks between two
 * samples count too.</li>
 * </ul>
 */
final class MemorySampler {

    static final long MB = 1_000_000L;
    private static final Path STATUS = Path.of("/proc/self/status");

    record Result(long heapBaseline, long heapPeak, long liveBaseline, long livePeak, long oldGenGrowth, long rssBaseline,
            long rssPeak, int gcs) {

        /** Highest heap use sampled minus the heap in use (after a GC) at the start. */
        long heapGrowth() {
            return heapPeak - heapBaseline;
        }

        /** Highest heap in use right after a GC during the phase minus the same at the start. */
        long liveGrowth() {
            return livePeak - liveBaseline;
        }

        /**
         * How much the heap grew by anything the phase held on to: the larger of the old
         * generation's peak growth (where G1 puts every array of half a region or more at once, so a
         * file buffered in memory would show here even if it lived between two GCs) and the live
         * growth. This is the figure held against the 64 MB target.
         */
        long heldGrowth() {
            return Math.max(oldGenGrowth, liveGrowth());
        }

        long rssGrowth() {
            return rssPeak - rssBaseline;
        }
    }

    private final long heapBaseline;
    private final long rssBaseline;
    private final AtomicLong heapPeak = new AtomicLong();
    private final AtomicLong rssPeak = new AtomicLong();
    private final AtomicLong livePeak = new AtomicLong();
    private final AtomicLong gcs = new AtomicLong();
    private final boolean hwmReset;
    private final OldGeneration oldGen;
    private final List<Runnable> unsubscribe = new ArrayList<>();
    private final PeriodicSampler sampler;

    private MemorySampler() {
        heapBaseline = HeapUse.afterGc(2, 100);
        livePeak.set(heapBaseline);
        rssBaseline = status("VmRSS");
        oldGen = OldGeneration.watch();
        hwmReset = resetHighWaterMark();
        heapPeak.set(heapBaseline);
        rssPeak.set(rssBaseline);
        NotificationListener listener = this::onGc;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(listener, null, null);
                unsubscribe.add(() -> {
                    try {
                        emitter.removeNotificationListener(listener);
                    } catch (Exception ignored) {
                        // already gone
                    }
                });
            }
        }
        sampler = PeriodicSampler.start("bench-memory-sampler", 20, this::sample);
    }

    static MemorySampler start() {
        return new MemorySampler();
    }

    Result stop() throws InterruptedException {
        sampler.stop();
        sample();
        unsubscribe.forEach(Runnable::run);
        long hwm = hwmReset ? status("VmHWM") : 0;
        return new Result(heapBaseline, heapPeak.get(), heapBaseline, livePeak.get(), Math.max(0, oldGen.peakGrowth()),
                rssBaseline, Math.max(rssPeak.get(), hwm), (int) gcs.get());
    }

    private void sample() {
        heapPeak.accumulateAndGet(HeapUse.now(), Math::max);
        rssPeak.accumulateAndGet(status("VmRSS"), Math::max);
    }

    private void onGc(Notification n, Object handback) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
            return;
        }
        GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
        long after = 0;
        for (var pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                MemoryUsage usage = info.getGcInfo().getMemoryUsageAfterGc().get(pool.getName());
                if (usage != null) {
                    after += usage.getUsed();
                }
            }
        }
        livePeak.accumulateAndGet(after, Math::max);
        gcs.incrementAndGet();
    }

    /** A /proc/self/status entry in bytes (0 where /proc is missing). */
    static long status(String key) {
        try {
            for (String line : Files.readAllLines(STATUS, StandardCharsets.US_ASCII)) {
                if (line.startsWith(key + ":")) {
                    return Long.parseLong(line.substring(key.length() + 1).replace("kB", "").strip()) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not Linux: RSS is not reported
        }
        return 0;
    }

    /** Resets VmHWM to the current RSS (Linux 4.0+); false where not allowed. */
    private static boolean resetHighWaterMark() {
        try {
            Files.writeString(Path.of("/proc/self/clear_refs"), "5");
            return true;
        } catch (IOException | RuntimeException e) {
            // then VmHWM is the process' lifetime peak: only the sampled RSS counts
            return false;
        }
    }
}
