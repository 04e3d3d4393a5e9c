package com.claudioportal.audit;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import com.claudioportal.tenant.CurrentUser;
import com.claudioportal.tenant.TenantScope;
import com.claudioportal.forms.Result;
import com.claudioportal.forms.Words;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * How long each chain keeps its events (the platform admin sets it per tenant; 6 years unless
 * configured otherwise), and the purge that removes older ones: the database function
 * {@code audit_purge} deletes them as the owner role and keeps a signed anchor (the last removed
 * event's sequence number and MAC), so the chain that remains still verifies. Nothing younger than
 * a year is ever removed, whatever the setting.
 */
@ApplicationScoped
public class AuditRetention {

    private static final Logger LOG = Logger.getLogger(AuditRetention.class);
    static final int MIN_YEARS = 1;
    static final int MAX_YEARS = 50;
    /** Events removed per call of the purge function (one transaction each). */
    static final int PURGE_BATCH = 50_000;

    @Inject
    EntityManager em;

    @Inject
    AuditConfig config;

    @Inject
    AuditKeys keys;

    @Inject
    AuditTrail trail;

    @Inject
    AuditVerifier verifier;

    @Inject
    AuditAnchors anchors;

    @Inject
    TenantScope scope;

    @Inject
    CurrentUser user;

    @Inject
    AuditQuery query;

    public int yearsOf(String chain) {
        return scope.platform(() -> QuarkusTransaction.joiningExisting().call(() -> {
            List<?> rows = em.createNativeQuery("select years from audit_retention where chain_id = :chain")
                    .setParameter("chain", chain).getResultList();
            return rows.isEmpty() ? config.retentionYears() : ((Number) rows.get(0)).intValue();
        }));
    }

    /** Sets a chain's retention: the years set, or why not (on {@code years}). Recorded in that chain. */
    @Transactional
    public Result<Integer> setYears(String chain, String text) {
        int years;
        try {
            years = Integer.parseInt(text == null ? "" : text.trim());
        } catch (NumberFormatException e) {
            return Result.refused("years", Words.of(AuditMessages.class).msg_years_number(MIN_YEARS, MAX_YEARS));
        }
        if (years < MIN_YEARS || years > MAX_YEARS) {
            return Result.refused("years", Words.of(AuditMessages.class).msg_years_range(MIN_YEARS, MAX_YEARS));
        }
        int previous = yearsOf(chain);
        em.createNativeQuery("""
                insert into audit_retention (chain_id, years, updated_at, updated_by) values (:chain, :years, now(), :by)
                on conflict (chain_id) do update set years = excluded.years, updated_at = now(), updated_by = excluded.updated_by""")
                .setParameter("chain", chain).setParameter("years", years).setParameter("by", user.actor()).executeUpdate();
        trail.write(AuditEntry.of("audit.retention-changed").chain(chain).target("audit-log", chain)
                .details(Map.of("years", new java.util.TreeMap<>(Map.of("from", previous, "to", years)))));
        return Result.done(years);
    }

    @Scheduled(cron = "{portal.audit.purge-cron}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        for (String chain : anchors.chains()) {
            try {
                purge(chain, Instant.now());
            } catch (RuntimeException e) {
                LOG.errorf(e, "Could not purge old events of the audit chain %s", chain);
            }
        }
    }

    /**
     * Removes the chain's events older than its retention (as of {@code now}); returns how many.
     * The chain is verified first: evidence of tampering is never purged away.
     */
    public long purge(String chain, Instant now) {
        int years = yearsOf(chain);
        Instant cutoff = now.atOffset(ZoneOffset.UTC).minusYears(years).toInstant().truncatedTo(ChronoUnit.MICROS);
        Long last = lastBefore(chain, cutoff);
        if (last == null) {
            return 0;
        }
        AuditVerifier.Checkpoint check = verifier.verify(chain, AuditVerifier.Mode.INCREMENTAL, "purge").orElse(null);
        if (check == null || !check.intact()) {
            LOG.errorf("Not purging the audit chain %s: it %s", chain, check == null ? "is being verified" : "failed verification");
            return 0;
        }
        long removed = 0;
        long through = 0;
        while (true) {
            Long boundary = boundary(chain, cutoff);
            if (boundary == null) {
                break;
            }
            through = boundary;
            long batch = scope.platform(() -> QuarkusTransaction.requiringNew().call(() -> {
                String mac = (String) em.createNativeQuery("select mac from audit_event where tenant_id = :chain and seq = :seq")
                        .setParameter("chain", chain).setParameter("seq", boundary).getSingleResult();
                String keyId = keys.activeKeyId();
                String signature = keys.sign(keyId, AuditVerifier.purgeFields(chain, boundary, mac, cutoff, keyId));
                return ((Number) em.createNativeQuery("select audit_purge(:chain, :seq, :mac, :cutoff, :keyId, :sig)")
                        .setParameter("chain", chain).setParameter("seq", boundary).setParameter("mac", mac)
                        .setParameter("cutoff", java.sql.Timestamp.from(cutoff)).setParameter("keyId", keyId)
                        .setParameter("sig", signature).getSingleResult()).longValue();
            }));
            removed += batch;
            if (batch == 0) {
                break;
            }
        }
        if (removed > 0) {
            long events = removed;
            long upTo = through;
            scope.platform(() -> {
                QuarkusTransaction.requiringNew().run(() -> trail.write(AuditEntry.of("audit.purged").chain(chain)
                        .target("audit-log", chain).actor(AuditActor.SYSTEM).details(Map.of("throughSeq", upTo, "events", events,
                                "retentionYears", years, "before", cutoff.toString().substring(0, 10)))));
                return null;
            });
            LOG.infof("Removed %d audit events of chain %s older than %s (retention %d years)", removed, chain, cutoff, years);
            query.forget(chain);
        }
        return removed;
    }

    /** The last event before the cutoff, at most {@link #PURGE_BATCH} after the first remaining one. */
    private Long boundary(String chain, Instant cutoff) {
        return scope.platform(() -> QuarkusTransaction.requiringNew().call(() -> {
            List<?> first = em.createNativeQuery("select seq from audit_event where tenant_id = :chain order by seq limit 1")
                    .setParameter("chain", chain).getResultList();
            if (first.isEmpty()) {
                return null;
            }
            long limit = ((Number) first.get(0)).longValue() + PURGE_BATCH - 1;
            List<?> rows = em.createNativeQuery("""
                    select seq from audit_event where tenant_id = :chain and seq <= :limit and occurred_at < :cutoff
                    order by seq desc limit 1""")
                    .setParameter("chain", chain).setParameter("limit", limit)
                    .setParameter("cutoff", java.sql.Timestamp.from(cutoff)).getResultList();
            return rows.isEmpty() ? null : ((Number) rows.get(0)).longValue();
        }));
    }

    private Long lastBefore(String chain, Instant cutoff) {
        return scope.platform(() -> QuarkusTransaction.requiringNew().call(() -> {
            List<?> rows = em.createNativeQuery(
                    "select seq from audit_event where tenant_id = :chain and occurred_at < :cutoff order by occurred_at desc limit 1")
                    .setParameter("chain", chain).setParameter("cutoff", java.sql.Timestamp.from(cutoff)).getResultList();
            return rows.isEmpty() ? null : ((Number) rows.get(0)).longValue();
        }));
    }
}
