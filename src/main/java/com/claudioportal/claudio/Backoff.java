package com.claudioportal.claudio;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The wait before retrying a call: doubling from {@code initial} up to {@code max}, with ±20 %
 * jitter so that tenants' retries do not arrive in step.
 */
record Backoff(Duration initial, Duration max) {

    /** The wait after the {@code failedAttempt}-th attempt (1 for the first). */
    Duration after(int failedAttempt) {
        long base = Math.min(max.toMillis(), initial.toMillis() * (1L << Math.min(20, Math.max(0, failedAttempt - 1))));
        double jitter = 0.8 + ThreadLocalRandom.current().nextDouble() * 0.4;
        return Duration.ofMillis(Math.max(0, Math.round(base * jitter)));
    }
}
