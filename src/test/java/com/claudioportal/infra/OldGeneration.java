package com.claudioportal.infra;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;

/**
 * The heap's old-generation pools (G1 Old Gen, Tenured), watched from a start: the collector puts large
 * arrays there directly, so their peak shows a whole-file buffer even if it lived between two GCs.
 */
public final class OldGeneration {

    private final List<MemoryPoolMXBean> pools;
    private final long baseline;

    private OldGeneration() {
        pools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP && (p.getName().contains("Old") || p.getName().contains("Tenured")))
                .toList();
        pools.forEach(MemoryPoolMXBean::resetPeakUsage);
        baseline = pools.stream().mapToLong(p -> p.getUsage().getUsed()).sum();
    }

    /** Resets the pools' peaks and notes what they hold now. */
    public static OldGeneration watch() {
        return new OldGeneration();
    }

    /** The pools' peak since {@link #watch()} minus what they held then. */
    public long peakGrowth() {
        return pools.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum() - baseline;
    }
}
