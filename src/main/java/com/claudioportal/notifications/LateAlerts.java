package com.claudioportal.notifications;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;


import com.claudioportal.job.Job;
import com.claudioportal.tenant.TenantScope;

import io.quarkus.scheduler.Scheduled;

/**
 * When a job's due time passes without a transcript, its submitter and the tenant admins are told
 * once (per due time: a job given a new due time may be late again). A scan every minute finds
 * late jobs without their alert (ids only, across tenants, like the job engine's claims); each is
 * then re-read and alerted inside its tenant, under a per-job lock, so instances scanning at the
 * same time cannot alert twice (and the unique event key would refuse it anyway).
 */
@ApplicationScoped
public class LateAlerts {

    /** Late, unfinished jobs of the last 30 days that have no alert for their current due time. */
    private static final String CANDIDATES = """
            select j.tenant_id, j.id from job j
            where j.due_at <= now() and j.due_at > now() - interval '30 days'
              and j.status not in ('COMPLETED', 'FAILED', 'CANCELLED')
              and not exists (select 1 from notification n where n.job_id = j.id and n.kind = 'LATE' and n.event_at = j.due_at)
            order by j.due_at
            limit 500""";

    @Inject
    DataSource dataSource;

    @Inject
    TenantScope scope;

    @Inject
    Notifier notifier;

    @Inject
    EntityManager em;

    @Scheduled(every = "${portal.notifications.late-scan-every:60s}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        // a failure is logged (ERROR) by the scheduler, which runs this again at its next trigger
        scan();
    }

    /** Alerts every late job not alerted yet; returns how many jobs were alerted now. */
    public int scan() {
        int alerted = 0;
        for (String[] candidate : candidates()) {
            long jobId = Long.parseLong(candidate[1]);
            boolean done = scope.call(candidate[0], () -> {
                em.createNativeQuery("select pg_advisory_xact_lock(hashtext('late-alert'), cast(:id as int))")
                        .setParameter("id", (int) (jobId % Integer.MAX_VALUE)).getSingleResult();
                Job job = Job.findById(jobId);
                return job != null && job.isLate() && notifier.late(job);
            });
            alerted += done ? 1 : 0;
        }
        return alerted;
    }

    private List<String[]> candidates() {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(CANDIDATES);
                ResultSet r = s.executeQuery()) {
            List<String[]> found = new ArrayList<>();
            while (r.next()) {
                found.add(new String[] { r.getString(1), String.valueOf(r.getLong(2)) });
            }
            return found;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not look for late jobs", e);
        }
    }
}
