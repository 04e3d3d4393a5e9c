package com.claudioportal.tracking;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;

import javax.sql.DataSource;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.claudioportal.audit.AuditActor;
import com.claudioportal.audit.AuditAggregates;
import com.claudioportal.audit.AuditEntry;
import com.claudioportal.audit.AuditSource;
import com.claudioportal.job.JobLine;

/**
 * Writes Claudio's webhook notices, many at a time: a few writer threads take whatever notices are
 * waiting (up to {@code batch-max}) and write them in one transaction each; each notice is answered
 * once its transaction is committed. A notice marks the job as prompted (the dispatcher's priority
 * lane) and due now, bumps its version (so a poll being applied at that moment re-reads it and sees
 * the notice), adds a timeline line unless the job had a notice within the window, and NOTIFYs every
 * instance.
 * <p>
 * A notice is only a hint, and that sets the cost of one: a notice for a job that is already
 * prompted, due and not claimed changes nothing (the poll it asks for is already waiting, and will
 * start after this notice), so it locks and writes nothing: a flood of repeats for one job costs a
 * read, and never waits for the lock the worker holds while it applies a poll's answer.
 * <p>
 * One of the few cross-tenant statements: it is bound to (tenant, job reference) pairs, each
 * tenant taken from the webhook address the notice came to. A job that is not being followed
 * ({@code next_attempt_at} null: finished, or waiting for a person) is left alone.
 */
@ApplicationScoped
public class NoticeWriter {

    private static final Logger LOG = Logger.getLogger(NoticeWriter.class);
    /** The line a notice writes (code {@link #CODE}, spelled out in {@link #WRITE}); its English goes in the message column, like every coded line's. */
    static final String CODE = "notice";
    static final String MESSAGE = JobLine.of(CODE).english();

    /**
     * {@code known}: the followed jobs the notices name (read, not locked); {@code old}: those of them
     * the notice changes, locked in id order (writers never deadlock). Not among them: a job already
     * prompted, due and unclaimed, and a claimed job already prompted since its claim (or last lease
     * renewal: {@code lease_until - lease}, never before the claim) — its answer is applied with the
     * prompt in view and it is polled again at once. PostgreSQL re-checks these conditions on a row
     * it had to wait for, so concurrent writers do not repeat each other's change. {@code notified}
     * wakes every instance's dispatcher when a job changed; it is read in the final select because
     * PostgreSQL evaluates a plain {@code select} in {@code with} only as far as the query asks.
     * <p>
     * One statement, sent with auto-commit: a batch is one round trip to PostgreSQL and its own
     * transaction (no begin, no separate notify or commit), which at thousands of notices a second
     * is most of what a batch costs.
     */
    private static final String WRITE = """
            with n as (
                select distinct * from unnest(?::varchar[], ?::varchar[]) as n(tenant_id, reference)
            ), known as (
                select j.id, j.tenant_id, n.reference from job j
                join n on j.tenant_id = n.tenant_id and j.claudio_reference = n.reference
                where j.next_attempt_at is not null
            ), old as (
                select j.id, j.tenant_id, j.status, j.last_notice_at from job j
                where j.id in (select id from known) and j.next_attempt_at is not null
                  and not (j.prompted_at is not null and j.next_attempt_at <= now() and (j.lease_until is null or j.lease_until < now()))
                  and not coalesce(j.lease_until >= now() and j.prompted_at > j.lease_until - make_interval(secs => ?), false)
                order by j.id
                for update of j
            ), changed as (
                update job j set prompted_at = now(), next_attempt_at = now(), last_notice_at = now(), version = j.version + 1
                from old where j.id = old.id
                returning j.id
            ), logged as (
                insert into job_event (tenant_id, job_id, at, status, message, code, actor)
                select old.tenant_id, old.id, now(), old.status, ?, 'notice', 'claudio' from old
                where old.last_notice_at is null or old.last_notice_at < now() - make_interval(secs => ?)
                returning 1
            ), notified as (
                select pg_notify(?, '') from (select 1 from changed limit 1) any_change
            )
            select known.tenant_id, known.reference, known.id, changed.id is not null, (select count(*) from notified)
            from known left join changed on changed.id = known.id""";

    private record Notice(String tenantId, String reference, AuditSource source, CompletableFuture<Void> done) {
    }

    @Inject
    DataSource dataSource;

    @Inject
    WorkerConfig config;

    @Inject
    AuditAggregates audit;

    private final LinkedBlockingQueue<Notice> queue = new LinkedBlockingQueue<>(100_000);
    private final List<Thread> writers = new ArrayList<>();
    private volatile boolean started;

    /** Completes once the notice is committed (or fails: the caller answers 503 and Claudio may send it again). */
    public CompletionStage<Void> record(String tenantId, String reference) {
        return record(tenantId, reference, AuditSource.NONE);
    }

    /** As {@link #record(String, String)}, for a notice that came from {@code source} (the audit log's count names it). */
    public CompletionStage<Void> record(String tenantId, String reference, AuditSource source) {
        ensureWriter();
        Notice notice = new Notice(tenantId, reference, source, new CompletableFuture<>());
        if (!queue.offer(notice)) {
            notice.done().completeExceptionally(new IllegalStateException("too many notices waiting"));
        }
        return notice.done();
    }

    private void ensureWriter() {
        if (!started) {
            synchronized (this) {
                if (!started) {
                    for (int i = 1; i <= Math.max(1, config.webhook().writers()); i++) {
                        Thread t = new Thread(this::run, "webhook-notices-" + i);
                        t.setDaemon(true);
                        t.start();
                        writers.add(t);
                    }
                    started = true;
                }
            }
        }
    }

    @PreDestroy
    synchronized void stop() {
        writers.forEach(Thread::interrupt);
    }

    private void run() {
        int max = Math.max(1, config.webhook().batchMax());
        List<Notice> batch = new ArrayList<>(max);
        while (!Thread.currentThread().isInterrupted()) {
            try {
                // no waiting for company: while the writers are busy, the next notices gather in the queue
                batch.add(queue.take());
                queue.drainTo(batch, max - 1);
                write(batch);
                batch.forEach(n -> n.done().complete(null));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException | SQLException e) {
                LOG.errorf("Could not record %d webhook notices: %s", batch.size(), e.getClass().getSimpleName());
                batch.forEach(n -> n.done().completeExceptionally(e));
            } finally {
                batch.clear();
            }
        }
        for (Notice n; (n = queue.poll()) != null;) {
            n.done().completeExceptionally(new IllegalStateException("shutting down"));
        }
    }

    private void write(List<Notice> batch) throws SQLException {
        Map<List<String>, Long> jobs = new HashMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(WRITE)) {
            s.setArray(1, c.createArrayOf("varchar", batch.stream().map(Notice::tenantId).toArray()));
            s.setArray(2, c.createArrayOf("varchar", batch.stream().map(Notice::reference).toArray()));
            s.setDouble(3, config.lease().toMillis() / 1000.0);
            s.setString(4, MESSAGE);
            s.setDouble(5, config.webhook().timelineWindow().toMillis() / 1000.0);
            s.setString(6, JobClaims.CHANNEL);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    jobs.put(List.of(r.getString(1), r.getString(2)), r.getLong(3));
                }
            }
        }
        counted(batch, jobs);
    }

    /**
     * The audit trace of committed notices: counted per job (or, for a notice about no job the
     * portal follows, per tenant) and minute by {@link AuditAggregates}, so a flood of deliveries
     * is a handful of events. Neither Claudio's reference nor the body is kept.
     */
    private void counted(List<Notice> batch, Map<List<String>, Long> jobs) {
        for (Notice n : batch) {
            Long job = jobs.get(List.of(n.tenantId(), n.reference()));
            audit.count(AuditEntry.of(ClaudioWebhook.RECEIVED).chain(n.tenantId()).target(job == null ? "webhook" : "job", job)
                    .actor(AuditActor.CLAUDIO).source(n.source()));
        }
    }
}
