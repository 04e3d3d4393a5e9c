package com.claudioportal.tracking;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Token buckets per key (a webhook address, a client address): {@code rate} per second, up to
 * {@code rate × burstSeconds} at once. Idle keys are forgotten, and at most {@code maxKeys} are
 * kept, so a flood of new addresses cannot grow memory.
 */
final class RateLimits {

    private static final class Bucket {
        private double tokens;
        private long last;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.last = now;
        }

        synchronized boolean take(double rate, double capacity, long now) {
            tokens = Math.min(capacity, tokens + (now - last) / 1e9 * rate);
            last = now;
            if (tokens >= 1) {
                tokens -= 1;
                return true;
            }
            return false;
        }
    }

    private final double rate;
    private final double capacity;
    private final Cache<String, Bucket> buckets;

    RateLimits(double rate, double burstSeconds, long maxKeys) {
        this.rate = rate;
        this.capacity = Math.max(1, rate * burstSeconds);
        long idleSeconds = (long) Math.ceil(Math.max(1, burstSeconds) * 2);
        this.buckets = Caffeine.newBuilder().maximumSize(maxKeys).expireAfterAccess(Duration.ofSeconds(idleSeconds)).build();
    }

    /** Whether one more request for {@code key} is allowed now. */
    boolean allow(String key) {
        long now = System.nanoTime();
        return buckets.get(key, k -> new Bucket(capacity, now)).take(rate, capacity, now);
    }
}
