package com.claudioportal.retention;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.claudioportal.job.Job;
import com.claudioportal.job.JobChanges;
import com.claudioportal.job.JobContent;
import com.claudioportal.tenant.Tenant;
import com.claudioportal.tenant.TenantScope;
import com.claudioportal.upload.UploadStorage;

import io.quarkus.scheduler.Scheduled;

/**
 * Erases the content of finished jobs older than their tenant's retention period (counted from
 * when the job finished, or was last changed when it never completed). Finds candidates across
 * tenants by ids only (like the job engine's claims), then erases each inside its tenant, in its
 * own transaction with its audit entry; the job's version makes two instances purging at once
 * harmless (one erases, the other finds it erased).
 */
@ApplicationScoped
public class RetentionPurge {

    private static final Logger LOG = Logger.getLogger(RetentionPurge.class);

    private static final String CANDIDATES = """
            select j.tenant_id, j.id, t.retention_days from job j join tenant t on t.id = j.tenant_id
            where t.retention_days is not null and j.content_erased_at is null
              and j.status in ('COMPLETED', 'FAILED', 'CANCELLED')
              and coalesce(j.completed_at, j.updated_at) < now() - make_interval(days => t.retention_days)
            order by coalesce(j.completed_at, j.updated_at)
            limit ?""";

    @Inject
    RetentionConfig config;

    @Inject
    DataSource dataSource;

    @Inject
    TenantScope scope;

    @Inject
    ContentErasure erasure;

    @Inject
    UploadStorage storage;

    @Scheduled(every = "${portal.retention.purge-every:1h}", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        // a failure is logged (ERROR) by the scheduler, which runs this again at its next trigger
        int erased = purge();
        if (erased > 0) {
            LOG.infof("Retention: erased the content of %d jobs", erased);
        }
    }

    /** Erases what is due now (up to a batch); returns how many jobs were erased. */
    public int purge() {
        int erased = 0;
        for (Object[] c : candidates()) {
            String tenantId = (String) c[0];
            long jobId = (Long) c[1];
            int days = (Integer) c[2];
            List<String> files;
            try {
                files = scope.call(tenantId, () -> {
                    Job job = Job.findById(jobId);
                    Tenant tenant = Tenant.findById(tenantId);
                    if (job == null || tenant.retentionDays == null || !JobContent.erasable(job) || !expired(job, tenant.retentionDays)) {
                        return null;
                    }
                    return erasure.expire(job, tenant.retentionDays);
                });
            } catch (RuntimeException e) {
                if (JobChanges.isConflict(e)) {
                    continue; // changed meanwhile (another instance erased it): looked at again next run
                }
                throw e;
            }
            if (files != null) {
                erased++;
                files.forEach(storage::delete);
            }
        }
        return erased;
    }

    private static boolean expired(Job job, int days) {
        Instant finished = job.completedAt != null ? job.completedAt : job.updatedAt;
        return finished.isBefore(Instant.now().minus(days, ChronoUnit.DAYS));
    }

    private List<Object[]> candidates() {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(CANDIDATES)) {
            s.setInt(1, config.batch());
            List<Object[]> found = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    found.add(new Object[] { r.getString(1), r.getLong(2), r.getInt(3) });
                }
            }
            return found;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not look for jobs past their retention period", e);
        }
    }
}
