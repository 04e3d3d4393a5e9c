package com.claudioportal.upload;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import org.jboss.logging.Logger;

import com.claudioportal.tenant.TenantScope;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Keeps the upload storage to what rows name. Uploads that never became part of a job (the page
 * was abandoned) are deleted once older than {@code portal.uploads.abandoned-after}; files of
 * submitted jobs are deleted by the job worker as soon as Claudio has them. Files no row names (a
 * crash between writing a file and committing its row) and half-written incoming files are swept
 * once nothing has touched them for {@code portal.uploads.orphan-after}.
 */
@ApplicationScoped
public class UploadCleanup {

    private static final Logger LOG = Logger.getLogger(UploadCleanup.class);

    @Inject
    UploadConfig config;

    @Inject
    UploadStorage storage;

    @Inject
    TenantScope scope;

    @Inject
    EntityManager em;

    @Scheduled(every = "${portal.uploads.cleanup-every:1h}", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void scheduled() {
        deleteAbandoned(Instant.now().minus(config.abandonedAfter()));
        sweepOrphans(Instant.now().minus(config.orphanAfter()));
    }

    /**
     * Deletes unused uploads created before {@code cutoff}. Each row is locked and re-checked, and
     * rows a job submission holds locked are skipped ({@code SKIP LOCKED}): a job that takes an
     * upload at this moment keeps it. Files go only after the rows' removal has committed.
     */
    public int deleteAbandoned(Instant cutoff) {
        // which tenants have work: the one cross-tenant read here, ids only
        @SuppressWarnings("unchecked")
        List<String> tenants = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select distinct tenant_id from upload where job_id is null and created_at < :cutoff")
                .setParameter("cutoff", java.sql.Timestamp.from(cutoff)).getResultList());
        int deleted = 0;
        for (String tenant : tenants) {
            deleted += scope.call(tenant, () -> {
                List<Upload> old = Upload.<Upload> find("jobId is null and createdAt < ?1", cutoff)
                        .withLock(LockModeType.PESSIMISTIC_WRITE).withHint("jakarta.persistence.lock.timeout", -2).list();
                old.forEach(u -> {
                    String stored = u.storedPath;
                    u.delete();
                    storage.deleteAfterCommit(stored);
                });
                return old.size();
            });
        }
        if (deleted > 0) {
            LOG.infof("Deleted %d abandoned uploads", deleted);
        }
        return deleted;
    }

    /**
     * Deletes stored files no upload row names and incoming files left half-written, when both were
     * last changed before {@code cutoff} (a file being written or just kept is recent). Reads only
     * stored paths across tenants.
     */
    public int sweepOrphans(Instant cutoff) {
        List<UploadStorage.Stored> old = storage.list().stream().filter(f -> f.modified().isBefore(cutoff)).toList();
        Set<String> known = new HashSet<>();
        List<String> keys = old.stream().filter(f -> !f.incoming()).map(UploadStorage.Stored::key).toList();
        for (int from = 0; from < keys.size(); from += 500) {
            List<String> batch = keys.subList(from, Math.min(keys.size(), from + 500));
            @SuppressWarnings("unchecked")
            List<String> named = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                    "select stored_path from upload where stored_path = any(cast(:paths as text[]))")
                    .setParameter("paths", batch.toArray(String[]::new)).getResultList());
            known.addAll(named);
        }
        int swept = 0;
        for (UploadStorage.Stored f : old) {
            if (f.incoming() || !known.contains(f.key())) {
                try {
                    storage.delete(f.key());
                    swept++;
                } catch (RuntimeException e) {
                    LOG.warnf("Could not delete an orphaned upload file: %s", e.getClass().getSimpleName());
                }
            }
        }
        if (swept > 0) {
            LOG.infof("Deleted %d upload files no upload row named or left half-written", swept);
        }
        return swept;
    }
}
