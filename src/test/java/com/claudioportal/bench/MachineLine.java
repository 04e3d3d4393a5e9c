package com.claudioportal.bench;

import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.Locale;

/**
 * The line under every benchmark report's title that says on what it ran: when (UTC, to the
 * minute), the CPUs, the Java version, the maximum heap and its collectors, and the load average
 * before and after. A figure means little without the machine's load (docs/benchmarks.md).
 */
final class MachineLine {

    private MachineLine() {
    }

    static String of(String loadBefore, String loadAfter) {
        Runtime runtime = Runtime.getRuntime();
        String gc = String.join("+", ManagementFactory.getGarbageCollectorMXBeans().stream().map(b -> b.getName()).toList());
        return String.format(Locale.ROOT, "when %s UTC | %d CPUs | Java %s | max heap %d MB (%s) | load average before %s, after %s%n",
                Instant.now().toString().substring(0, 16).replace('T', ' '), runtime.availableProcessors(), System.getProperty("java.version"),
                runtime.maxMemory() / MemorySampler.MB, gc, loadBefore, loadAfter);
    }
}
