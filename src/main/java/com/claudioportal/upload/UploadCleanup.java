package com.claudioportal.upload;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;

import com.claudioportal.tenant.TenantScope;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Deletes uploads that never became part of a job (the page was abandoned) once they are older
 * than {@code portal.uploads.abandoned-after}. Files of submitted jobs are deleted by the job
 * worker as soon as Claudio has them.
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
    public void deleteAbandoned() {
        Instant cutoff = Instant.now().minus(config.abandonedAfter());
        // which tenants have work: the one cross-tenant read here, ids only
        @SuppressWarnings("unchecked")
        List<String> tenants = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select distinct tenant_id from upload where job_id is null and created_at < :cutoff")
                .setParameter("cutoff", java.sql.Timestamp.from(cutoff)).getResultList());
        int deleted = 0;
        for (String tenant : tenants) {
            deleted += scope.call(tenant, () -> {
                List<Upload> old = Upload.list("jobId is null and createdAt < ?1", cutoff);
                old.forEach(u -> {
                    storage.delete(u.storedPath);
                    u.delete();
                });
                return old.size();
            });
        }
        if (deleted > 0) {
            LOG.infof("Deleted %d abandoned uploads", deleted);
        }
    }
}
