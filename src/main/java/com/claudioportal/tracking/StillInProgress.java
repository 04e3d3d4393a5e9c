package com.claudioportal.tracking;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.claudioportal.job.JobState;

/**
 * "Still in progress", the answer to most polls, recorded by one conditional statement without
 * loading the job. It applies only while the job is submitted, held by this owner, not flagged stuck
 * and not prompted since the poll started — exactly when {@code JobLifecycle.pollPending} would write
 * these columns and nothing else (no timeline line, no transition). It bumps the version like any
 * change, so a person's concurrent change is caught as usual; when it does not apply, the worker takes
 * the entity path, which handles every other case.
 * <p>
 * Plain JDBC on purpose, bound to the claim's tenant: as an HQL update it cost half its CPU in
 * Hibernate interpreting the statement again for every poll (the tenant filter keeps the plan from
 * being cached; docs/benchmarks.md §6). The row stays locked from the update to the commit, with the
 * {@code APPLYING} checkpoint in between, as on the entity path.
 */
@ApplicationScoped
class StillInProgress {

    private static final String RECORD = """
            update job set last_polled_at = ?, attempts = 0, status_detail = null, prompted_at = null, next_attempt_at = ?,
                   updated_at = ?, version = version + 1
            where id = ? and tenant_id = ? and status = ? and lease_owner = ? and stuck_reason is null
              and (prompted_at is null or prompted_at <= ?)""";

    @Inject
    DataSource dataSource;

    @Inject
    WorkerCheckpoints checkpoints;

    /** True when recorded; false when the job needs the full path (changed, prompted, stuck or no longer ours). */
    boolean record(JobClaims.Claim claim, String owner, Instant polledAt, Instant nextPoll) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                int updated;
                try (PreparedStatement s = c.prepareStatement(RECORD)) {
                    s.setObject(1, utc(polledAt));
                    s.setObject(2, utc(nextPoll));
                    s.setObject(3, utc(Instant.now()));
                    s.setLong(4, claim.jobId());
                    s.setString(5, claim.tenantId());
                    s.setString(6, JobState.SUBMITTED.name());
                    s.setString(7, owner);
                    s.setObject(8, utc(claim.claimedAt()));
                    updated = s.executeUpdate();
                }
                if (updated == 1) {
                    checkpoints.reached(WorkerCheckpoints.APPLYING, claim.jobId());
                }
                c.commit();
                return updated == 1;
            } catch (SQLException | RuntimeException | Error e) {
                c.rollback(); // a crash simulated at the checkpoint ends like a dead process: nothing written
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not record a poll of job " + claim.jobId(), e);
        }
    }

    private static OffsetDateTime utc(Instant at) {
        return at == null ? null : at.atOffset(ZoneOffset.UTC);
    }
}
