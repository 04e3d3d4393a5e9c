package com.claudioportal.infra;

import java.lang.management.ManagementFactory;

/** The heap this JVM uses, for memory figures in tests and benchmarks. */
public final class HeapUse {

    private HeapUse() {
    }

    /** Used heap now, garbage not yet collected included. */
    public static long now() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** Asks for {@code rounds} full GCs {@code pauseMillis} apart, then gives the used heap: about what is alive. */
    public static long afterGc(int rounds, long pauseMillis) {
        for (int i = 0; i < rounds; i++) {
            System.gc();
            try {
                Thread.sleep(pauseMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return now();
    }
}
