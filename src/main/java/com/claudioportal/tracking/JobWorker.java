package com.claudioportal.tracking;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;

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
import com.claudioportal.credentials.PinnedResolution;
import com.claudioportal.credentials.ConnectionService;
import com.claudioportal.job.Job;
import com.claudioportal.job.JobChanges;
import com.claudioportal.job.JobEvent;
import com.claudioportal.job.JobFile;
import com.claudioportal.job.JobLifecycle;
import com.claudioportal.job.JobLine;
import com.claudioportal.job.JobResult;
import com.claudioportal.job.JobState;
import com.claudioportal.tenant.TenantScope;
import com.claudioportal.upload.Upload;
import com.claudioportal.upload.UploadKind;
import com.claudioportal.upload.UploadStorage;

/**
 * What happens to one claimed job: send its files, submit it, or poll it. Claudio is always
 * called asynchronously and never inside a transaction; what Claudio answered is applied on a
 * small pool of threads in short transactions through {@link JobLifecycle}, re-reading the job
 * each time (and again after an optimistic-lock conflict), so a cancel, a webhook notice or a
 * person's action that landed meanwhile is never overwritten.
 * <p>
 * Every step is committed before the next begins: a file Claudio has is marked sent (and its
 * local copy deleted) before the next file goes, and a job is marked SUBMITTING before the submit
 * call. A job found SUBMITTING by a new claim means its previous holder stopped during the submit:
 * Claudio has no idempotency key, so it may have the job; it needs a person's decision.
 */
@ApplicationScoped
public class JobWorker {

    private static final Logger LOG = Logger.getLogger(JobWorker.class);
    private static final int CONFLICT_RETRIES = 5;

    /** A job submitted this long ago is polled every {@code poll-max-interval} instead of every {@code poll-interval}. */
    private static final Duration LONG_RUNNING = Duration.ofMinutes(20);

    @Inject
    WorkerConfig config;

    @Inject
    TenantScope scope;

    @Inject
    ClaudioClient client;

    @Inject
    ConnectionService connections;

    @Inject
    PollAccounts accounts;

    @Inject
    BaseUrlPolicy policy;

    @Inject
    UploadStorage storage;

    @Inject
    WorkerCheckpoints checkpoints;

    @Inject
    JobRequests requests;

    @Inject
    JobLifecycle lifecycle;

    @Inject
    EngineMetrics metrics;

    @Inject
    StillInProgress stillInProgress;

    @Inject
    JobEngine engine;

    private volatile ApplyPool applier;

    /** Threads that apply Claudio's answers (database work), priority lane first; Claudio calls themselves hold no thread. */
    private Executor applier(JobClaims.Claim claim) {
        ApplyPool a = applier;
        if (a == null) {
            synchronized (this) {
                if (applier == null) {
                    applier = new ApplyPool(Math.max(1, config.applyThreads()));
                }
                a = applier;
            }
        }
        return a.lane(claim.urgent());
    }

    /**
     * Normal-lane work waiting for an apply thread (deciding a claimed step, or applying an answer):
     * the dispatcher claims no more while this is long, so it never hoards work it cannot start soon.
     */
    int applyBacklog() {
        ApplyPool a = applier;
        return a == null ? 0 : a.waitingNormal();
    }

    @PreDestroy
    void stop() {
        if (applier != null) {
            applier.shutdown();
        }
    }

    /**
     * Test hook and tool: one round of this instance's dispatcher, waiting until every step it
     * started has finished (an Error thrown at a checkpoint is rethrown, like a crash).
     */
    public void runOnce() {
        engine.dispatcher().runOnce();
    }

    // ---- one claim --------------------------------------------------------------------------------

    /** What the job needs next, as decided inside its tenant. */
    private sealed interface Next {
        record Nothing() implements Next {
        }

        record Send(ClaudioAccount account) implements Next {
        }

        record Poll(ClaudioAccount account, String reference, String pollEndpoint) implements Next {
        }
    }

    /** Processes one claim to the end of what can be done now; the dispatcher then releases it. */
    CompletionStage<Void> process(JobClaims.Claim claim, String owner) {
        return onApplier(claim, () -> {
            checkpoints.reached(WorkerCheckpoints.CLAIMED, claim.jobId());
            return decide(claim, owner);
        }).thenCompose(next -> {
            if (next instanceof Next.Send send) {
                return sendFiles(claim, owner, send.account());
            }
            if (next instanceof Next.Poll poll) {
                if (claim.dueAt() != null && claim.claimedAt() != null) {
                    metrics.pollLateness(Duration.between(claim.dueAt(), claim.claimedAt()));
                }
                return poll(claim, owner, poll);
            }
            return CompletableFuture.completedFuture(null);
        });
    }

    /**
     * What the job needs next: a poll straight from the claim, or else one short transaction that reads
     * the job, and the tenant's Claudio account if the job needs it.
     */
    private Next decide(JobClaims.Claim claim, String owner) {
        if (claim.state() == JobState.SUBMITTED && claim.reference() != null) {
            // a poll, the common case by far: no transaction, the job as the claim found it under its row lock and
            // the account as read a moment ago. Whatever the job became meanwhile (cancelled, completed by a notice)
            // is checked when the answer is applied, under the lock again.
            Optional<ClaudioAccount> account = accounts.forPolling(claim.tenantId());
            if (account.isPresent()) {
                return new Next.Poll(account.get(), claim.reference(), claim.pollEndpoint());
            }
        }
        return change(claim, owner, job -> {
            if (job.status == JobState.SUBMITTING) {
                // the previous holder's lease ran out during the submit call
                lifecycle.needsAttention(job, JobLine.of("stopped_while_submitting"));
                return new Next.Nothing();
            }
            if (!job.status.isScheduled()) {
                return new Next.Nothing();
            }
            Optional<ClaudioAccount> account = connections.account();
            if (account.isEmpty()) {
                lifecycle.failed(job, JobLine.of("connection_removed"));
                return new Next.Nothing();
            }
            PinnedResolution checked = policy.pin(account.get().baseUrl());
            if (!checked.ok()) {
                lifecycle.failed(job, JobLine.of("address_not_allowed", "whyLine", JobLine.of(checked.problemCode(), "host", checked.host())));
                return new Next.Nothing();
            }
            return job.status == JobState.SUBMITTED ? new Next.Poll(account.get(), job.claudioReference, job.pollEndpoint)
                    : new Next.Send(account.get());
        }, new Next.Nothing());
    }

    // ---- files and submit -----------------------------------------------------------------------

    /** The next file to send, or none left (null path and id 0). */
    private record Pending(long fileId, String storedKey, UploadKind kind, String filename, boolean stop) {
        static final Pending ALL_SENT = new Pending(0, null, null, null, false);
        static final Pending STOP = new Pending(0, null, null, null, true);
    }

    private CompletionStage<Void> sendFiles(JobClaims.Claim claim, String owner, ClaudioAccount account) {
        return onApplier(claim, () -> nextFile(claim, owner)).thenCompose(pending -> {
            if (pending.stop()) {
                return CompletableFuture.completedFuture(null);
            }
            if (pending.fileId() == 0) {
                return submit(claim, owner, account);
            }
            // with the S3 store the file is first copied (streamed) to scratch space, and that copy sent
            CompletionStage<ClaudioResult<UploadedFile>> sent = storage.copyOutAsync(pending.storedKey())
                    .thenCompose(copy -> (pending.kind() == UploadKind.AUDIO
                            ? client.uploadAudioAsync(account, copy.path(), pending.filename())
                            : client.uploadDocumentAsync(account, copy.path(), pending.filename()))
                            .whenComplete((answer, failure) -> copy.close()));
            return sent.thenComposeAsync(result -> {
                checkpoints.reached(WorkerCheckpoints.FILE_ANSWERED, claim.jobId());
                boolean more = fileAnswered(claim, owner, pending, result);
                checkpoints.reached(WorkerCheckpoints.FILE_SENT, claim.jobId());
                return more ? sendFiles(claim, owner, account) : CompletableFuture.<Void> completedFuture(null);
            }, applier(claim));
        });
    }

    private Pending nextFile(JobClaims.Claim claim, String owner) {
        return change(claim, owner, job -> {
            if (job.status == JobState.QUEUED) {
                lifecycle.startSending(job);
            } else if (job.status != JobState.UPLOADING) {
                return Pending.STOP;
            }
            for (JobFile f : JobFile.<JobFile> list("jobId = ?1 order by position", job.id)) {
                if (f.status == JobFile.Status.SENT) {
                    continue;
                }
                Upload u = Upload.findById(f.uploadId);
                if (u == null || !storage.exists(u.storedPath)) {
                    // the timeline is read by auditors: the file by its place in the job, never by its name
                    lifecycle.failed(job, JobLine.of(f.kind == UploadKind.AUDIO ? "file_missing_recording" : "file_missing_document",
                            "n", f.position + 1));
                    return Pending.STOP;
                }
                f.status = JobFile.Status.SENDING;
                return new Pending(f.id, u.storedPath, f.kind, f.originalFilename, false);
            }
            return Pending.ALL_SENT;
        }, Pending.STOP);
    }

    /** What recording an upload's answer came to: go on, and the local copy Claudio now has (to delete). */
    private record FileOutcome(boolean more, String sentCopy) {
        static final FileOutcome STOP = new FileOutcome(false, null);
    }

    /**
     * Records an upload's answer; true when the next file (or the submit) may follow. The local
     * copy is deleted only when the transaction that records Claudio has the file committed: the
     * path comes from the attempt whose commit succeeded (an attempt that lost a conflict, or one
     * retried after losing the lease, leaves the file where it is).
     */
    private boolean fileAnswered(JobClaims.Claim claim, String owner, Pending pending, ClaudioResult<UploadedFile> result) {
        FileOutcome outcome = change(claim, owner, job -> {
            JobFile file = JobFile.findById(pending.fileId());
            if (job.status != JobState.UPLOADING) {
                return FileOutcome.STOP; // cancelled (or settled) while the file was on its way: stop here
            }
            if (result instanceof ClaudioResult.Success<UploadedFile> ok) {
                lifecycle.fileSent(job, file, ok.value().url());
                Upload u = Upload.findById(file.uploadId);
                String sent = u.storedPath;
                u.storedPath = null;
                return new FileOutcome(true, sent);
            }
            file.status = JobFile.Status.WAITING;
            // the timeline is read by auditors: the file by its place in the job, never by its name
            retryOrFail(job, result.failureOrNull(), file, false);
            return FileOutcome.STOP;
        }, FileOutcome.STOP);
        if (outcome.sentCopy() != null) {
            storage.delete(outcome.sentCopy()); // only after the commit: Claudio has it, the local copy goes
        }
        return outcome.more();
    }

    private CompletionStage<Void> submit(JobClaims.Claim claim, String owner, ClaudioAccount account) {
        return onApplier(claim, () -> change(claim, owner, job -> {
            if (job.status != JobState.UPLOADING) {
                return (SubmitRequest) null;
            }
            SubmitRequest request = requests.forJob(job.id);
            lifecycle.submitStarted(job, Instant.now().plus(config.lease()));
            return request;
        }, null)).thenCompose(request -> {
            if (request == null) {
                return CompletableFuture.completedFuture(null);
            }
            checkpoints.reached(WorkerCheckpoints.SUBMIT_STARTED, claim.jobId());
            return client.submitAsync(account, request).thenAcceptAsync(answer -> {
                checkpoints.reached(WorkerCheckpoints.SUBMIT_ANSWERED, claim.jobId());
                submitAnswered(claim, owner, answer);
            }, applier(claim));
        });
    }

    private void submitAnswered(JobClaims.Claim claim, String owner, ClaudioResult<SubmittedJob> answer) {
        change(claim, owner, job -> {
            if (job.status != JobState.SUBMITTING) {
                // someone settled the job meanwhile (our claim had run out); keep what Claudio said for a person
                if (answer instanceof ClaudioResult.Success<SubmittedJob> ok) {
                    JobEvent.record(job, JobLine.of("accepted_late", "reference", ok.value().jobReferenceId()), JobLifecycle.SYSTEM);
                }
                return null;
            }
            if (answer instanceof ClaudioResult.Success<SubmittedJob> ok) {
                lifecycle.submitted(job, ok.value().jobReferenceId(), ok.value().pollEndpoint(), ok.value().webhookConfirmed(),
                        Instant.now().plus(config.pollInterval()));
                return null;
            }
            ClaudioFailure failure = answer.failureOrNull();
            if (failure instanceof ClaudioFailure.Unreachable || failure instanceof ClaudioFailure.CircuitOpen) {
                retryOrFail(job, failure, null, true); // nothing reached Claudio
            } else if (failure instanceof ClaudioFailure.Rejected || failure instanceof ClaudioFailure.Unauthorized
                    || failure instanceof ClaudioFailure.TooLarge) {
                lifecycle.failed(job, JobLine.of("failed_because", "whyLine", FailureLines.of(failure)));
            } else {
                // timed out, connection lost, 5xx or a garbled answer after sending: Claudio may have the job
                lifecycle.needsAttention(job, JobLine.of("needs_attention_because", "whyLine", FailureLines.of(failure)));
            }
            return null;
        }, null);
    }

    /** A failure before submitting (sending {@code file}, or the submit when null): transient ones are retried with backoff up to a limit. */
    private void retryOrFail(Job job, ClaudioFailure failure, JobFile file, boolean fromSubmitting) {
        JobLine reason = FailureLines.of(failure);
        if (!failure.isTransient()) {
            lifecycle.failed(job, JobLine.of("failed_because", "whyLine", reason));
            return;
        }
        if (job.attempts + 1 >= config.maxAttempts()) {
            lifecycle.failed(job, JobLine.of("failed_after", "whyLine", reason, "attempts", job.attempts + 1));
            return;
        }
        Duration wait = backoff(job.attempts + 1, config.retryBase(), config.retryMax());
        JobLine in = wait.toSeconds() < 90 ? JobLine.of("wait_seconds", "n", wait.toSeconds()) : JobLine.of("wait_minutes", "n", wait.toMinutes());
        // the timeline is read by auditors: the file by its place in the job, never by its name
        JobLine why = file == null ? JobLine.of("retry_submit", "whyLine", reason, "waitLine", in)
                : JobLine.of(file.kind == UploadKind.AUDIO ? "retry_recording" : "retry_document", "whyLine", reason, "n", file.position + 1,
                        "waitLine", in);
        if (fromSubmitting) {
            lifecycle.submitNotSent(job, why, wait);
        } else {
            lifecycle.retryLater(job, why, wait);
        }
    }

    // ---- polls ------------------------------------------------------------------------------------

    private CompletionStage<Void> poll(JobClaims.Claim claim, String owner, Next.Poll poll) {
        long started = System.nanoTime();
        long[] answeredAt = new long[1];
        return client.pollAsync(poll.account(), poll.reference(), poll.pollEndpoint()).thenApply(answer -> {
            answeredAt[0] = System.nanoTime();
            metrics.pollCall(claim.urgent(), Duration.ofNanos(answeredAt[0] - started));
            return answer;
        }).thenAcceptAsync(answer -> {
            metrics.applyWait(claim.urgent(), Duration.ofNanos(System.nanoTime() - answeredAt[0]));
            checkpoints.reached(WorkerCheckpoints.POLL_ANSWERED, claim.jobId());
            pollAnswered(claim, owner, answer);
        }, applier(claim));
    }

    private void pollAnswered(JobClaims.Claim claim, String owner, ClaudioResult<JobStatus> answer) {
        Instant now = Instant.now();
        if (answer instanceof ClaudioResult.Success<JobStatus> ok && !(ok.value() instanceof JobStatus.Completed)
                && stillInProgress(claim, owner, now)) {
            return;
        }
        Instant[] noticed = new Instant[1];
        change(claim, owner, job -> {
            if (job.status != JobState.SUBMITTED) {
                return null;
            }
            noticed[0] = null;
            if (answer instanceof ClaudioResult.Success<JobStatus> ok) {
                if (ok.value() instanceof JobStatus.Completed done) {
                    noticed[0] = job.promptedAt;
                    lifecycle.completed(job, new JobResult(done.transcriptUrls(), done.mediaFiles(), done.extractedFields(), done.rawText(), now),
                            JobLine.of("completed", "documents", done.transcriptUrls().size(), "raw", done.rawText() != null));
                } else {
                    lifecycle.pollPending(job, now, now.plus(nextPoll(job.submittedAt, now)), claim.claimedAt());
                }
                return null;
            }
            ClaudioFailure failure = answer.failureOrNull();
            if (failure instanceof ClaudioFailure.Rejected rejected) {
                lifecycle.failed(job, JobLine.of("claudio_failed", rejected.params()));
                return null;
            }
            JobLine why = failure instanceof ClaudioFailure.Unauthorized ? JobLine.of("poll_unauthorized")
                    : JobLine.of("poll_failed", "whyLine", FailureLines.of(failure));
            lifecycle.pollFailed(job, now, why, now.plus(backoff(job.attempts + 1, config.pollInterval(), config.pollMaxInterval())),
                    config.stuckAfter(), claim.claimedAt());
            return null;
        }, null);
        if (noticed[0] != null) {
            metrics.noticeToCompleted(Duration.between(noticed[0], Instant.now()));
        }
    }

    /** "Still in progress", the answer to most polls, written without loading the job; false when the job needs the full path. */
    private boolean stillInProgress(JobClaims.Claim claim, String owner, Instant now) {
        return stillInProgress.record(claim, owner, now, now.plus(nextPoll(claim.submittedAt(), now)));
    }

    private Duration nextPoll(Instant submittedAt, Instant now) {
        boolean longRunning = submittedAt != null && !submittedAt.isAfter(now.minus(LONG_RUNNING));
        return longRunning ? config.pollMaxInterval() : config.pollInterval();
    }

    static Duration backoff(int attempts, Duration base, Duration max) {
        long millis = base.toMillis() << Math.min(Math.max(attempts - 1, 0), 16);
        long capped = Math.min(millis, max.toMillis());
        // up to 20% jitter, so many jobs failing together do not return together
        return Duration.ofMillis(capped - ThreadLocalRandom.current().nextLong(capped / 5 + 1));
    }

    // ---- plumbing ---------------------------------------------------------------------------------

    /**
     * Runs {@code decision} on the freshly read job inside its tenant and commits it. On an
     * optimistic-lock conflict (the job changed meanwhile) it reads the job again and decides
     * again. {@code owner}, when given, must still hold the claim, else nothing is done: the row
     * is read {@code FOR UPDATE}, so that check holds until the commit (without the lock another
     * instance could claim the job between our read and our commit, and poll it a second time).
     */
    private <R> R change(JobClaims.Claim claim, String owner, Function<Job, R> decision, R otherwise) {
        for (int attempt = 1;; attempt++) {
            try {
                return scope.call(claim.tenantId(), () -> {
                    // locked for the rest of this short transaction: while we hold the row, no other instance can
                    // claim the job (claims skip locked rows), so the owner checked here is still the owner at commit
                    Job job = Job.findById(claim.jobId(), LockModeType.PESSIMISTIC_WRITE);
                    if (job == null || (owner != null && !owner.equals(job.leaseOwner))) {
                        return otherwise; // our claim was lost (taken over after its lease, or released): not ours to change
                    }
                    checkpoints.reached(WorkerCheckpoints.APPLYING, claim.jobId());
                    return decision.apply(job);
                });
            } catch (JobLifecycle.IllegalTransition e) {
                LOG.debugf("Job %d: %s", claim.jobId(), e.getMessage());
                return otherwise;
            } catch (RuntimeException e) {
                if (!JobChanges.isConflict(e) || attempt >= CONFLICT_RETRIES) {
                    throw e;
                }
                LOG.debugf("Job %d changed meanwhile; deciding again", claim.jobId());
            }
        }
    }

    private <T> CompletionStage<T> onApplier(JobClaims.Claim claim, java.util.function.Supplier<T> work) {
        return CompletableFuture.supplyAsync(work, applier(claim));
    }
}
