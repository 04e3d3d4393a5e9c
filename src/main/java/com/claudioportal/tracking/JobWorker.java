package com.claudioportal.tracking;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;

import com.claudioportal.claudio.ClaudioAccount;
import com.claudioportal.claudio.ClaudioClient;
import com.claudioportal.claudio.ClaudioFailure;
import com.claudioportal.claudio.ClaudioResult;
import com.claudioportal.claudio.JobStatus;
import com.claudioportal.claudio.SubmitRequest;
import com.claudioportal.claudio.SubmittedJob;
import com.claudioportal.claudio.UploadedFile;
import com.claudioportal.credentials.BaseUrlPolicy;
import com.claudioportal.credentials.ConnectionService;
import com.claudioportal.job.Job;
import com.claudioportal.job.JobEvent;
import com.claudioportal.job.JobFile;
import com.claudioportal.job.JobResult;
import com.claudioportal.job.JobState;
import com.claudioportal.job.JobSubmission;
import com.claudioportal.tenant.TenantScope;
import com.claudioportal.upload.Upload;
import com.claudioportal.upload.UploadKind;
import com.claudioportal.upload.UploadStorage;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Moves saved jobs to Claudio and follows them until their transcripts are ready.
 * <p>
 * Every step is committed before the next begins: a file Claudio has is marked sent (and its
 * local copy deleted) before the next file goes, and a job is marked SUBMITTING before the
 * submit call. A worker claims a job with a lease it keeps renewing; if it dies, another worker
 * (or this one after a restart) resumes the job after the lease runs out, sending only the files
 * Claudio does not have yet. A job found SUBMITTING with a dead lease is never submitted again
 * automatically: Claudio has no idempotency key, so it may already have the job; a person
 * decides (link the reference, or submit again).
 */
@ApplicationScoped
public class JobWorker {

    private static final Logger LOG = Logger.getLogger(JobWorker.class);
    static final String SYSTEM = "system";

    /** Identifies this process's claims; unique per start, so a restarted portal never trusts its old leases. */
    final String owner = ManagementFactory.getRuntimeMXBean().getName() + "-" + UUID.randomUUID().toString().substring(0, 8);

    private final AtomicBoolean running = new AtomicBoolean();
    private final ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "job-lease-heartbeat"));
    /** Wake-ups run on their own thread, with a fresh request context (none may be inherited from the request that woke us). */
    private final java.util.concurrent.ExecutorService wakeUps = Executors.newSingleThreadExecutor(r -> daemon(r, "job-worker-wake"));

    @Inject
    WorkerConfig config;

    @Inject
    TenantScope scope;

    @Inject
    ClaudioClient client;

    @Inject
    ConnectionService connections;

    @Inject
    BaseUrlPolicy policy;

    @Inject
    UploadStorage storage;

    @Inject
    WorkerCheckpoints checkpoints;

    @Inject
    JobRequests requests;

    @Inject
    EntityManager em;


    @Scheduled(every = "${portal.worker.every:2s}", delayed = "2s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        if (config.enabled()) {
            runOnce();
        }
    }

    /** A new job should not wait for the next tick. */
    void onSubmitted(@Observes(during = TransactionPhase.AFTER_SUCCESS) JobSubmission.Submitted submitted) {
        if (config.enabled()) {
            wakeUps.execute(this::runOnce);
        }
    }

    /** One round: settle interrupted submits, then move the jobs that are due. */
    public void runOnce() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        try {
            scope.platform(() -> {
                round();
                return null;
            });
        } finally {
            running.set(false);
        }
    }

    private void round() {
        settleInterruptedSubmits();
        for (Claim claim : claimDueJobs()) {
            try (Heartbeat ignored = heartbeat(claim.jobId())) {
                process(claim);
                release(claim, null);
            } catch (RuntimeException e) {
                // a bug or an outage of our own database: log (no health information) and back off
                LOG.errorf(e, "Job %d of tenant %s could not be processed; it will be retried", claim.jobId(), claim.tenantId());
                release(claim, config.retryBase());
            }
        }
    }

    @PreDestroy
    void stop() {
        heartbeats.shutdownNow();
        wakeUps.shutdownNow();
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    record Claim(String tenantId, long jobId) {
    }

    /**
     * Claims due jobs across all tenants: the one place that looks at every tenant's jobs, and only
     * at ids and scheduling columns. Each job is then processed inside its own tenant.
     */
    @SuppressWarnings("unchecked")
    List<Claim> claimDueJobs() {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<Object[]> rows = em.createNativeQuery("""
                    select id, tenant_id from job
                    where status in ('QUEUED', 'UPLOADING', 'SUBMITTED') and next_attempt_at <= now()
                      and (lease_until is null or lease_until < now())
                    order by next_attempt_at
                    limit :n
                    for update skip locked""").setParameter("n", config.batch()).getResultList();
            List<Claim> claims = new ArrayList<>();
            for (Object[] row : rows) {
                long id = ((Number) row[0]).longValue();
                em.createNativeQuery("update job set lease_owner = :owner, lease_until = now() + make_interval(secs => :secs) where id = :id")
                        .setParameter("owner", owner).setParameter("secs", (double) config.lease().toSeconds())
                        .setParameter("id", id).executeUpdate();
                claims.add(new Claim((String) row[1], id));
            }
            return claims;
        });
    }

    /** Jobs whose worker stopped during the submit call: Claudio may or may not have them. */
    @SuppressWarnings("unchecked")
    void settleInterruptedSubmits() {
        List<Object[]> rows = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                select id, tenant_id from job where status = 'SUBMITTING' and lease_until < now()
                for update skip locked""").getResultList());
        for (Object[] row : rows) {
            long id = ((Number) row[0]).longValue();
            scope.run((String) row[1], () -> {
                Job job = Job.findById(id);
                if (job != null && job.status == JobState.SUBMITTING && job.leaseUntil != null && job.leaseUntil.isBefore(Instant.now())) {
                    job.status = JobState.NEEDS_ATTENTION;
                    job.statusDetail = "The portal stopped while sending this job to Claudio, so it is not known whether Claudio "
                            + "received it. Check in Claudio, then link the job or submit it again.";
                    job.leaseOwner = null;
                    job.leaseUntil = null;
                    job.nextAttemptAt = null;
                    job.updatedAt = Instant.now();
                    JobEvent.record(job, job.statusDetail, SYSTEM);
                }
            });
        }
    }

    void process(Claim claim) {
        Job job = scope.call(claim.tenantId(), () -> Job.findById(claim.jobId()));
        if (job == null || !owner.equals(job.leaseOwner)) {
            return;
        }
        Optional<ClaudioAccount> account = scope.call(claim.tenantId(), () -> connections.account());
        if (account.isEmpty()) {
            fail(claim, "The tenant's Claudio connection has been removed, so the job cannot continue. "
                    + "Ask your tenant admin to set it up again, then try again.");
            return;
        }
        Optional<String> problem = policy.problemWith(account.get().baseUrl());
        if (problem.isPresent()) {
            fail(claim, "The Claudio address is no longer allowed: " + problem.get());
            return;
        }
        if (job.status == JobState.SUBMITTED) {
            poll(claim, job, account.get());
        } else if (sendFiles(claim, job, account.get())) {
            submit(claim, account.get());
        }
    }

    /** Sends the files Claudio does not have yet; true when all are there. */
    boolean sendFiles(Claim claim, Job job, ClaudioAccount account) {
        if (job.status == JobState.QUEUED) {
            update(claim, j -> {
                j.status = JobState.UPLOADING;
                JobEvent.record(j, "Sending the files to Claudio.", SYSTEM);
            });
        }
        List<JobFile> files = scope.call(claim.tenantId(), () -> JobFile.<JobFile> list("jobId = ?1 order by position", claim.jobId()));
        for (JobFile file : files) {
            if (file.status == JobFile.Status.SENT) {
                continue;
            }
            Path path = scope.call(claim.tenantId(), () -> {
                JobFile f = JobFile.findById(file.id);
                f.status = JobFile.Status.SENDING;
                Upload u = Upload.findById(f.uploadId);
                return u == null || u.storedPath == null ? null : storage.resolve(u.storedPath);
            });
            if (path == null || !Files.exists(path)) {
                fail(claim, "The file \u201c" + file.originalFilename + "\u201d is no longer in the portal. Submit a new job with it.");
                return false;
            }
            ClaudioResult<UploadedFile> sent = file.kind == UploadKind.AUDIO
                    ? client.uploadAudio(account, path, file.originalFilename)
                    : client.uploadDocument(account, path, file.originalFilename);
            if (sent instanceof ClaudioResult.Success<UploadedFile> ok) {
                scope.run(claim.tenantId(), () -> {
                    JobFile f = JobFile.findById(file.id);
                    f.claudioUrl = ok.value().url();
                    f.status = JobFile.Status.SENT;
                    f.sentAt = Instant.now();
                    Upload u = Upload.findById(f.uploadId);
                    storage.delete(u.storedPath);
                    u.storedPath = null;
                    Job j = Job.findById(claim.jobId());
                    j.attempts = 0;
                    j.statusDetail = null;
                    j.updatedAt = Instant.now();
                    JobEvent.record(j, "Claudio has " + (f.kind == UploadKind.AUDIO ? "recording" : "document") + " "
                            + (f.position + 1) + " (" + f.sizeText() + ").", SYSTEM);
                });
                checkpoints.reached(WorkerCheckpoints.FILE_SENT, claim.jobId());
            } else {
                scope.run(claim.tenantId(), () -> JobFile.<JobFile> findById(file.id).status = JobFile.Status.WAITING);
                retryOrFail(claim, sent.failureOrNull(), "sending \u201c" + file.originalFilename + "\u201d");
                return false;
            }
        }
        return true;
    }

    void submit(Claim claim, ClaudioAccount account) {
        SubmitRequest request = scope.call(claim.tenantId(), () -> requests.forJob(claim.jobId()));
        boolean started = scope.call(claim.tenantId(), () -> {
            Job j = Job.findById(claim.jobId());
            if (!owner.equals(j.leaseOwner)) {
                return false;
            }
            j.status = JobState.SUBMITTING;
            j.submitStartedAt = Instant.now();
            j.updatedAt = Instant.now();
            JobEvent.record(j, "Submitting the job to Claudio.", SYSTEM);
            return true;
        });
        if (!started) {
            return;
        }
        checkpoints.reached(WorkerCheckpoints.SUBMIT_STARTED, claim.jobId());
        ClaudioResult<SubmittedJob> answer = client.submit(account, request);
        checkpoints.reached(WorkerCheckpoints.SUBMIT_ANSWERED, claim.jobId());
        if (answer instanceof ClaudioResult.Success<SubmittedJob> ok) {
            update(claim, j -> {
                j.status = JobState.SUBMITTED;
                j.claudioReference = ok.value().jobReferenceId();
                j.pollEndpoint = ok.value().pollEndpoint();
                j.submittedAt = Instant.now();
                j.attempts = 0;
                j.statusDetail = null;
                j.nextAttemptAt = Instant.now().plus(config.pollInterval());
                JobEvent.record(j, "Claudio accepted the job (reference " + j.claudioReference + ")"
                        + (ok.value().webhookConfirmed() ? " and will notify the portal when it is done." : "."), SYSTEM);
            });
            return;
        }
        ClaudioFailure failure = answer.failureOrNull();
        if (failure instanceof ClaudioFailure.Unreachable || failure instanceof ClaudioFailure.CircuitOpen) {
            // nothing reached Claudio: safe to try again later
            update(claim, j -> {
                j.status = JobState.UPLOADING;
                j.submitStartedAt = null;
            });
            retryOrFail(claim, failure, "submitting the job");
        } else if (failure instanceof ClaudioFailure.Rejected || failure instanceof ClaudioFailure.Unauthorized
                || failure instanceof ClaudioFailure.TooLarge) {
            fail(claim, failure.userMessage() + ".");
        } else {
            // timed out, connection lost, 5xx or a garbled answer after sending: Claudio may have the job
            update(claim, j -> {
                j.status = JobState.NEEDS_ATTENTION;
                j.statusDetail = failure.userMessage() + " Check in Claudio, then link the job or submit it again.";
                j.nextAttemptAt = null;
                JobEvent.record(j, j.statusDetail, SYSTEM);
            });
        }
    }

    void poll(Claim claim, Job job, ClaudioAccount account) {
        ClaudioResult<JobStatus> answer = client.poll(account, job.claudioReference, job.pollEndpoint);
        Instant now = Instant.now();
        if (answer instanceof ClaudioResult.Success<JobStatus> ok) {
            if (ok.value() instanceof JobStatus.Completed done) {
                update(claim, j -> {
                    j.recordCompletion(new JobResult(done.transcriptUrls(), done.mediaFiles(), done.extractedFields(), done.rawText(), now));
                    JobEvent.record(j, "Claudio finished the job: " + done.transcriptUrls().size()
                            + (done.transcriptUrls().size() == 1 ? " transcript document" : " transcript documents")
                            + (done.rawText() != null ? " and the raw transcript" : "") + ".", SYSTEM);
                });
            } else {
                update(claim, j -> {
                    j.lastPolledAt = now;
                    j.attempts = 0;
                    j.statusDetail = null;
                    j.nextAttemptAt = now.plus(nextPoll(j, now));
                });
            }
            return;
        }
        ClaudioFailure failure = answer.failureOrNull();
        if (failure instanceof ClaudioFailure.Rejected rejected) {
            fail(claim, "Claudio reports that the job failed" + (rejected.vendorMessage() == null ? "." : ": " + rejected.vendorMessage().strip()));
            return;
        }
        update(claim, j -> {
            j.lastPolledAt = now;
            j.attempts++;
            j.statusDetail = (failure instanceof ClaudioFailure.Unauthorized
                    ? "Claudio rejected the API key while the portal checked on this job \u2014 ask your tenant admin to check the connection."
                    : failure.userMessage() + ".") + " The portal keeps checking.";
            j.nextAttemptAt = now.plus(backoff(j.attempts, config.pollInterval(), config.pollMaxInterval()));
        });
    }

    private Duration nextPoll(Job j, Instant now) {
        boolean longRunning = j.submittedAt != null && Duration.between(j.submittedAt, now).toMinutes() >= 20;
        return longRunning ? config.pollMaxInterval() : config.pollInterval();
    }

    /** A failure before submitting: transient ones are retried with backoff up to a limit. */
    private void retryOrFail(Claim claim, ClaudioFailure failure, String doing) {
        if (!failure.isTransient()) {
            fail(claim, failure.userMessage() + ".");
            return;
        }
        update(claim, j -> {
            j.attempts++;
            if (j.attempts >= config.maxAttempts()) {
                j.status = JobState.FAILED;
                j.statusDetail = failure.userMessage() + " after " + j.attempts + " attempts. Try again later.";
                j.nextAttemptAt = null;
                JobEvent.record(j, j.statusDetail, SYSTEM);
            } else {
                Duration wait = backoff(j.attempts, config.retryBase(), config.retryMax());
                j.statusDetail = failure.userMessage() + " while " + doing + ". The portal tries again in "
                        + (wait.toSeconds() < 90 ? wait.toSeconds() + " seconds." : wait.toMinutes() + " minutes.");
                j.nextAttemptAt = Instant.now().plus(wait);
                JobEvent.record(j, j.statusDetail, SYSTEM);
            }
        });
    }

    private void fail(Claim claim, String why) {
        update(claim, j -> {
            j.status = JobState.FAILED;
            j.statusDetail = why;
            j.nextAttemptAt = null;
            JobEvent.record(j, why, SYSTEM);
        });
    }

    private void update(Claim claim, Consumer<Job> change) {
        scope.run(claim.tenantId(), () -> {
            Job j = Job.findById(claim.jobId());
            change.accept(j);
            j.updatedAt = Instant.now();
        });
    }

    /**
     * Gives up the claim once a round is done with the job ({@code after}: also postpone it). A job
     * left SUBMITTING keeps its lease, so that if the submit's outcome was never recorded it is
     * settled as "needs attention" rather than picked up and submitted again.
     */
    private void release(Claim claim, Duration after) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                update job set lease_owner = null, lease_until = null,
                       next_attempt_at = case when cast(:secs as double precision) is null then next_attempt_at
                                              else now() + make_interval(secs => cast(:secs as double precision)) end
                where id = :id and lease_owner = :owner and status <> 'SUBMITTING'""")
                .setParameter("secs", after == null ? null : (double) after.toSeconds()).setParameter("id", claim.jobId())
                .setParameter("owner", owner).executeUpdate());
    }

    static Duration backoff(int attempts, Duration base, Duration max) {
        long millis = base.toMillis() << Math.min(Math.max(attempts - 1, 0), 16);
        long capped = Math.min(millis, max.toMillis());
        // up to 20% jitter, so many jobs failing together do not return together
        return Duration.ofMillis(capped - ThreadLocalRandom.current().nextLong(capped / 5 + 1));
    }

    /** Keeps renewing the claim while a long step (a 250 MB upload) runs. */
    private Heartbeat heartbeat(long jobId) {
        long every = Math.max(1, config.lease().toMillis() / 3);
        ScheduledFuture<?> task = heartbeats.scheduleAtFixedRate(() -> {
            try {
                scope.platform(() -> QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                        update job set lease_until = now() + make_interval(secs => :secs)
                        where id = :id and lease_owner = :owner""")
                        .setParameter("secs", (double) config.lease().toSeconds()).setParameter("id", jobId)
                        .setParameter("owner", owner).executeUpdate()));
            } catch (RuntimeException e) {
                LOG.warnf("Could not renew the claim on job %d: %s", jobId, e.getClass().getSimpleName());
            }
        }, every, every, TimeUnit.MILLISECONDS);
        return () -> task.cancel(false);
    }

    interface Heartbeat extends AutoCloseable {
        @Override
        void close();
    }
}
