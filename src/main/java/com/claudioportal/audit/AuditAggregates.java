package com.claudioportal.audit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.claudioportal.tenant.TenantScope;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;

/**
 * Events that come in floods and matter as a count: one event per key (e.g. a webhook token's
 * fingerprint) and minute, with how many there were. Counted in memory, written once the minute
 * is over (and at shutdown). Each portal instance writes its own count.
 */
@ApplicationScoped
public class AuditAggregates {

    private static final Logger LOG = Logger.getLogger(AuditAggregates.class);

    private record Key(String chain, String action, String targetType, String targetId, AuditOutcome outcome, AuditActor actor,
            Instant minute) {
    }

    private static final class Count {
        final AtomicInteger n = new AtomicInteger();
        final AuditSource first;

        Count(AuditSource first) {
            this.first = first;
        }
    }

    private final Map<Key, Count> counts = new ConcurrentHashMap<>();

    @Inject
    AuditTrail trail;

    @Inject
    TenantScope scope;

    /**
     * Counts one occurrence of {@code entry} (its chain, action, target, outcome and actor are the
     * key; details are not kept). The event is written after the minute, with details
     * {@code count} and {@code minute} and the first occurrence's source. For example, a webhook
     * call with an unknown token: {@code AuditEntry.of("webhook.refused").chain(AuditTrail.PLATFORM)
     * .target("webhook-token", fingerprint).outcome(DENIED).actor(AuditActor.CLAUDIO).source(AuditSource.of(rc))}.
     */
    public void count(AuditEntry entry) {
        if (entry.chain == null) {
            throw new IllegalArgumentException("A counted event names its chain");
        }
        Key key = new Key(entry.chain, entry.action, entry.targetType, entry.targetId, entry.outcome,
                entry.actor == null ? AuditActor.SYSTEM : entry.actor, Instant.now().truncatedTo(ChronoUnit.MINUTES));
        counts.computeIfAbsent(key, k -> new Count(entry.source == null ? AuditSource.NONE : entry.source)).n.incrementAndGet();
    }

    @Scheduled(every = "20s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        flush(false);
    }

    void atShutdown(@Observes ShutdownEvent event) {
        flush(true);
    }

    /** Writes the counts of minutes that are over (all of them when {@code all}); returns how many events. */
    public int flush(boolean all) {
        Instant current = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        int written = 0;
        for (Key key : counts.keySet()) {
            if (!all && !key.minute().isBefore(current)) {
                continue;
            }
            Count count = counts.remove(key);
            if (count == null) {
                continue;
            }
            try {
                scope.platform(() -> {
                    QuarkusTransaction.requiringNew().run(() -> trail.write(AuditEntry.of(key.action()).chain(key.chain())
                            .target(key.targetType(), key.targetId()).outcome(key.outcome()).actor(key.actor())
                            .source(count.first).detail("count", count.n.get()).detail("minute", key.minute().toString())));
                    return null;
                });
                written++;
            } catch (RuntimeException e) {
                LOG.errorf(e, "Could not record %d %s events", count.n.get(), key.action());
            }
        }
        return written;
    }
}
