package com.claudioportal.tracking;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.claudioportal.job.JobState;

/**
 * The job engine's coordination through PostgreSQL: claiming due work fairly, renewing and
 * releasing leases. One of the few places that look across tenants, and only at ids and
 * scheduling columns (each job is then processed inside its own tenant). Every statement runs on
 * its own (autocommit): a claim is one atomic {@code UPDATE … RETURNING}.
 * <p>
 * A job is claimable iff {@code next_attempt_at <= now()} and its lease is free; the lifecycle
 * clears {@code next_attempt_at} in every state that must not be picked up, so no state is named here.
 */
@ApplicationScoped
public class JobClaims {

    /**
     * A claimed job: the database's time of the claim and of the due time it was claimed for, and
     * the job's state, Claudio reference, poll address and submit time as the claim found them (read under the
     * claim's row lock). They let the worker start a poll without a transaction of its own; anything
     * that changes the job afterwards is still checked when the answer is applied.
     */
    public record Claim(String tenantId, long jobId, Instant dueAt, Instant promptedAt, Instant claimedAt, boolean urgent,
            JobState state, String reference, String pollEndpoint, Instant submittedAt) {
    }

    /** PostgreSQL's channel on which instances tell each other that work became due. */
    static final String CHANNEL = "portal_job_due";

    /**
     * Normal lane: up to {@code perTenant} candidates from each tenant in due order, ranked round
     * robin across tenants, counting what each tenant already has in flight here (a tenant with
     * nothing in flight goes before one with twenty: its first job ranks 1, the other's 21), by due
     * time within a round; within a tenant, urgent jobs go first (job.priority_rank, a
     * tie-breaker that never lets one tenant's urgent work push another tenant back); at most {@code perTenant} in flight per tenant; locked with SKIP LOCKED
     * so instances never take the same job, and leased in the same statement.
     */
    private static final String CLAIM_FAIR = """
            with due as (
                select c.id, c.tenant_id, c.next_attempt_at as rank_at,
                       row_number() over (partition by c.tenant_id order by c.priority_rank, c.next_attempt_at, c.id) as rank
                from tenant t
                cross join lateral (
                    select j.id, j.tenant_id, j.next_attempt_at, j.priority_rank from job j
                    where j.tenant_id = t.id and j.next_attempt_at <= now()
                      and (j.lease_until is null or j.lease_until < now())
                    order by j.priority_rank, j.next_attempt_at, j.id
                    limit ?
                ) c
            )""" + pickLockAndLease("true");

    /** Priority lane: prompted jobs (webhook notice, "check now"), oldest prompt first, a few per tenant. */
    private static final String CLAIM_PROMPTED = """
            with due as (
                select j.id, j.tenant_id, j.prompted_at as rank_at,
                       row_number() over (partition by j.tenant_id order by j.prompted_at, j.id) as rank
                from (select id, tenant_id, prompted_at from job
                      where prompted_at is not null and next_attempt_at <= now()
                        and (lease_until is null or lease_until < now())
                      order by prompted_at limit 2000) j
            )""" + pickLockAndLease("j.prompted_at is not null");

    /**
     * The part both lanes share, after their {@code due} candidates (id, tenant, the time they are
     * ranked by, rank within the tenant): take the best-ranked within the per-tenant limit, counting
     * what each tenant already has in flight here ({@code busy}); lock them with SKIP LOCKED,
     * re-checking that they are still due, unleased and {@code stillWanted}; lease them.
     */
    private static String pickLockAndLease(String stillWanted) {
        return """
                , busy as (
                    select * from unnest(?::varchar[], ?::int[]) as b(tenant_id, used)
                ), picked as (
                    select d.id from due d left join busy b on b.tenant_id = d.tenant_id
                    where d.rank <= ? - coalesce(b.used, 0)
                    order by d.rank + coalesce(b.used, 0), d.rank_at
                    limit ?
                ), locked as (
                    select j.id, j.next_attempt_at from job j
                    where j.id in (select id from picked) and %s and j.next_attempt_at <= now()
                      and (j.lease_until is null or j.lease_until < now())
                    for update skip locked
                )
                update job j set lease_owner = ?, lease_until = now() + make_interval(secs => ?)
                from locked where j.id = locked.id
                returning j.id, j.tenant_id, locked.next_attempt_at, j.prompted_at, now(), j.status, j.claudio_reference, j.poll_endpoint, j.submitted_at"""
                .formatted(stillWanted);
    }

    @Inject
    DataSource dataSource;

    /** Claims up to {@code max} due jobs fairly; {@code busy} is what each tenant already has in flight in this lane. */
    public List<Claim> claim(boolean urgent, String owner, Duration lease, int max, int perTenant, Map<String, Integer> busy) {
        if (max <= 0) {
            return List.of();
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(urgent ? CLAIM_PROMPTED : CLAIM_FAIR)) {
            int i = 1;
            if (!urgent) {
                s.setInt(i++, perTenant);
            }
            String[] tenants = busy.keySet().toArray(String[]::new);
            Integer[] used = new Integer[tenants.length];
            for (int t = 0; t < tenants.length; t++) {
                used[t] = busy.get(tenants[t]);
            }
            Array tenantArray = c.createArrayOf("varchar", tenants);
            Array usedArray = c.createArrayOf("int4", used);
            s.setArray(i++, tenantArray);
            s.setArray(i++, usedArray);
            s.setInt(i++, perTenant);
            s.setInt(i++, max);
            s.setString(i++, owner);
            s.setDouble(i, lease.toMillis() / 1000.0);
            List<Claim> claims = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    claims.add(new Claim(r.getString(2), r.getLong(1), instant(r.getTimestamp(3)), instant(r.getTimestamp(4)),
                            instant(r.getTimestamp(5)), urgent, JobState.valueOf(r.getString(6)), r.getString(7), r.getString(8),
                            instant(r.getTimestamp(9))));
                }
            }
            return claims;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not claim due jobs", e);
        }
    }

    /**
     * Renews the leases of the jobs whose steps this instance holds; returns how many were renewed.
     * A row locked at this moment (its step is committing an answer, or a notice is being written) is
     * skipped until the next heartbeat, a third of a lease later: a heartbeat never waits for a row
     * lock, so it cannot be held up by a slow transaction nor deadlock with the release of finished
     * steps, which updates some of the same rows from the dispatcher's thread.
     */
    public int renew(String owner, Collection<Long> jobIds, Duration lease) {
        if (jobIds.isEmpty()) {
            return 0;
        }
        return update("""
                update job set lease_until = now() + make_interval(secs => ?)
                where id in (select id from job where lease_owner = ? and id = any(?) for update skip locked)""",
                lease.toMillis() / 1000.0, owner, jobIds);
    }

    /**
     * Gives up the claims of finished steps. {@code postpone}: also push their next attempt back
     * (after an error of our own), without making a job that must not be picked up due.
     */
    public void release(String owner, Collection<Long> jobIds, Duration postpone) {
        if (jobIds.isEmpty()) {
            return;
        }
        if (postpone == null) {
            update("update job set lease_owner = null, lease_until = null where lease_owner = ? and id = any(?)", owner, jobIds);
        } else {
            update("""
                    update job set lease_owner = null, lease_until = null,
                           next_attempt_at = case when next_attempt_at is null then null
                                                  else greatest(next_attempt_at, now() + make_interval(secs => ?)) end
                    where lease_owner = ? and id = any(?)""", postpone.toMillis() / 1000.0, owner, jobIds);
        }
    }

    /** Tells every instance (this one included) that work became due. */
    public void notifyDue() {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("select pg_notify(?, '')")) {
            s.setString(1, CHANNEL);
            s.execute();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not notify the other instances", e);
        }
    }

    private int update(String sql, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                Object p = params[i];
                if (p instanceof Collection<?> ids) {
                    s.setArray(i + 1, c.createArrayOf("int8", ids.toArray()));
                } else if (p instanceof Double d) {
                    s.setDouble(i + 1, d);
                } else {
                    s.setString(i + 1, (String) p);
                }
            }
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not update job leases", e);
        }
    }

    static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
