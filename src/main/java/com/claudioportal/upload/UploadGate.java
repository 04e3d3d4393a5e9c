package com.claudioportal.upload;

import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Uploads in progress in this portal instance: how many each person is sending (capped, so one
 * person's fifty parallel uploads cannot take every connection and worker thread) and how many
 * bytes each tenant has announced but not yet stored (counted against its quota until they are).
 */
@ApplicationScoped
public class UploadGate {

    private final ConcurrentHashMap<String, Integer> perPerson = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Long> perTenant = new ConcurrentHashMap<>();

    /** A place taken by one upload; closing gives it back. */
    public final class Pass implements AutoCloseable {
        private final String person;
        private final String tenant;
        private final long bytes;
        private boolean closed;

        private Pass(String person, String tenant, long bytes) {
            this.person = person;
            this.tenant = tenant;
            this.bytes = bytes;
        }

        @Override
        public synchronized void close() {
            if (!closed) {
                closed = true;
                perPerson.computeIfPresent(person, (k, n) -> n <= 1 ? null : n - 1);
                perTenant.computeIfPresent(tenant, (k, b) -> b <= bytes ? null : b - bytes);
            }
        }
    }

    /** A pass for one more upload by {@code person}, or null when they already send {@code max} at once. */
    public Pass enter(String tenant, String person, long bytes, int max) {
        String key = tenant + "\n" + person;
        boolean[] admitted = new boolean[1];
        perPerson.compute(key, (k, n) -> {
            int current = n == null ? 0 : n;
            admitted[0] = current < max;
            return admitted[0] ? current + 1 : n;
        });
        if (!admitted[0]) {
            return null;
        }
        perTenant.merge(tenant, bytes, Long::sum);
        return new Pass(key, tenant, bytes);
    }

    /** Bytes the tenant's uploads in progress have announced, this one's included once it has a pass. */
    public long inFlightBytes(String tenant) {
        return perTenant.getOrDefault(tenant, 0L);
    }
}
