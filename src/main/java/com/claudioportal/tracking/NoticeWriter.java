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
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.claudioportal.audit.AuditActor;
import com.claudioportal.audit.AuditAggregates;
import com.claudioportal.audit.AuditEntry;
import com.claudioportal.audit.AuditSource;

/**
 * Writes Claudio's webhook notices durably, many at a time: notices that arrive within a few
 * milliseconds of each other share one transaction, and each is answered once it is committed.
 * A notice marks the job as prompted (the dispatcher's priority lane) and due now, bumps its
 * version (so a poll being applied at that moment re-reads it and sees the notice), adds a
 * timeline line unless the job had a notice within the window, and NOTIFYs every instance.
 * <p>
 * One of the few cross-tenant statements: it is bound to (tenant, job reference) pairs, each
 * tenant taken from the webhook address the notice came to. A job that is not being followed
 * ({@code next_attempt_at} null: finished, or waiting for a person) is left alone.
 */
@ApplicationScoped
public class NoticeWriter {

    private static final Logger LOG = Logger.getLogger(NoticeWriter.class);
    static final String MESSAGE = "Claudio sent a notification; the portal is checking the job.";

    private static final String WRITE = """
            with n as (
                select distinct * from unnest(?::varchar[], ?::varchar[]) as n(tenant_id, reference)
            ), old as (
                select j.id, j.tenant_id, n.reference, j.status, j.last_notice_at from job j
                join n on j.tenant_id = n.tenant_id and j.claudio_reference = n.reference
                where j.next_attempt_at is not null
                order by j.id
                for update of j
            ), changed as (
                update job j set prompted_at = now(), next_attempt_at = now(), last_notice_at = now(), version = j.version + 1
                from old where j.id = old.id
                returning j.id
            ), logged as (
                insert into job_event (tenant_id, job_id, at, status, message, actor)
                select old.tenant_id, old.id, now(), old.status, ?, 'claudio' from old
                where old.last_notice_at is null or old.last_notice_at < now() - make_interval(secs => ?)
                returning 1
            )
            select old.tenant_id, old.reference, old.id from old join changed on changed.id = old.id""";

    private record Notice(String tenantId, String reference, AuditSource source, CompletableFuture<Void> done) {
    }

    @Inject
    DataSource dataSource;

    @Inject
    WorkerConfig config;

    @Inject
    AuditAggregates audit;

    private final LinkedBlockingQueue<Notice> queue = new LinkedBlockingQueue<>(100_000);
    private volatile Thread writer;

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
        if (writer == null) {
            synchronized (this) {
                if (writer == null) {
                    Thread t = new Thread(this::run, "webhook-notices");
                    t.setDaemon(true);
                    t.start();
                    writer = t;
                }
            }
        }
    }

    @PreDestroy
    void stop() {
        Thread t = writer;
        if (t != null) {
            t.interrupt();
        }
    }

    private void run() {
        int max = Math.max(1, config.webhook().batchMax());
        List<Notice> batch = new ArrayList<>(max);
        while (!Thread.currentThread().isInterrupted()) {
            try {
                batch.add(queue.take());
                // a moment for the notices arriving right behind this one
                Notice more = queue.poll(2, TimeUnit.MILLISECONDS);
                if (more != null) {
                    batch.add(more);
                    queue.drainTo(batch, max - batch.size());
                }
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
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                Map<List<String>, Long> jobs = new HashMap<>();
                try (PreparedStatement s = c.prepareStatement(WRITE)) {
                    s.setArray(1, c.createArrayOf("varchar", batch.stream().map(Notice::tenantId).toArray()));
                    s.setArray(2, c.createArrayOf("varchar", batch.stream().map(Notice::reference).toArray()));
                    s.setString(3, MESSAGE);
                    s.setDouble(4, config.webhook().timelineWindow().toMillis() / 1000.0);
                    try (ResultSet r = s.executeQuery()) {
                        while (r.next()) {
                            jobs.put(List.of(r.getString(1), r.getString(2)), r.getLong(3));
                        }
                    }
                }
                if (!jobs.isEmpty()) {
                    try (PreparedStatement s = c.prepareStatement("select pg_notify(?, '')")) {
                        s.setString(1, JobClaims.CHANNEL);
                        s.execute();
                    }
                }
                c.commit();
                counted(batch, jobs);
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
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
