package com.claudioportal.claudio;

import java.util.concurrent.atomic.AtomicLong;

import com.claudioportal.infra.HeapUse;
import com.claudioportal.infra.OldGeneration;
import com.claudioportal.infra.PeriodicSampler;

/**
 * Heap use around a piece of work: used heap after a GC before and after (what the work left
 * behind), the old generation's peak during it (where a whole-file buffer would land: large
 * arrays are allocated there directly) and, for information, the highest used heap sampled.
 */
final class HeapProbe {

    record Result(long retainedGrowth, long oldGenPeakGrowth, long sampledPeakGrowth) {
    }

    private final long before;
    private final OldGeneration oldGen;
    private final AtomicLong sampledPeak = new AtomicLong();
    private final PeriodicSampler sampler;

    private HeapProbe() {
        before = usedAfterGc();
        oldGen = OldGeneration.watch();
        sampler = PeriodicSampler.start("heap-probe", 5, () -> sampledPeak.accumulateAndGet(HeapUse.now(), Math::max));
    }

    static HeapProbe start() {
        return new HeapProbe();
    }

    Result stop() throws InterruptedException {
        sampler.stop();
        return new Result(usedAfterGc() - before, oldGen.peakGrowth(), sampledPeak.get() - before);
    }

    private static long usedAfterGc() {
        return HeapUse.afterGc(3, 50);
    }
}
