package com.claudioportal.tracking;

import java.util.Optional;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import com.claudioportal.claudio.ClaudioAccount;
import com.claudioportal.credentials.BaseUrlPolicy;
import com.claudioportal.credentials.ConnectionChanged;
import com.claudioportal.credentials.ConnectionService;
import com.claudioportal.tenant.TenantScope;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Each tenant's Claudio account as the worker last read it for polling, reused for
 * {@code portal.worker.account-reuse}. A poll is by far the most frequent step (every submitted job,
 * every 30 s to 5 min); reading the connection, opening its two secrets and checking its address for
 * each one cost a transaction per poll and was a third of the engine's CPU at 100 polls a second
 * (docs/benchmarks.md §6). A change saved on any instance applies at once: this instance's through
 * the {@link ConnectionChanged} event, another's through PostgreSQL {@code NOTIFY} ({@link JobEngine});
 * the reuse time only bounds how long a copy can outlive a notification this instance missed.
 * Only a usable account is kept: without one, the job goes the long way, which fails it with the reason.
 */
@ApplicationScoped
class PollAccounts {

    private Cache<String, ClaudioAccount> reads;

    @Inject
    WorkerConfig config;

    @Inject
    TenantScope scope;

    @Inject
    ConnectionService connections;

    @Inject
    BaseUrlPolicy policy;

    @PostConstruct
    void init() {
        reads = Caffeine.newBuilder().expireAfterWrite(config.accountReuse()).build();
    }

    /** The tenant's account if it may be used for a poll now; empty if the tenant has none or its address is refused. */
    Optional<ClaudioAccount> forPolling(String tenantId) {
        ClaudioAccount last = reads.getIfPresent(tenantId);
        if (last != null) {
            return Optional.of(last);
        }
        Optional<ClaudioAccount> account = scope.call(tenantId, connections::account)
                .filter(a -> policy.problemWith(a.baseUrl()).isEmpty());
        account.ifPresentOrElse(a -> reads.put(tenantId, a), () -> reads.invalidate(tenantId));
        return account;
    }

    void changed(@Observes(during = TransactionPhase.AFTER_COMPLETION) ConnectionChanged change) {
        forget(change.tenantId());
    }

    /** The tenant's connection changed (here or at another instance): read it again for the next poll. */
    void forget(String tenantId) {
        reads.invalidate(tenantId);
    }

    /** Changes may have been missed (the listening connection was lost): read every account again. */
    void forgetAll() {
        reads.invalidateAll();
    }
}
