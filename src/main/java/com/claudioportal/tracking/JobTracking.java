package com.claudioportal.tracking;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotFoundException;

import com.claudioportal.forms.Result;
import com.claudioportal.audit.AuditTrail;
import com.claudioportal.claudio.ClaudioAccount;
import com.claudioportal.claudio.ClaudioClient;
import com.claudioportal.claudio.ClaudioFailure;
import com.claudioportal.claudio.ClaudioResult;
import com.claudioportal.claudio.JobDetails;
import com.claudioportal.claudio.JobStatus;
import com.claudioportal.credentials.ConnectionService;
import com.claudioportal.job.ClaudioDetails;
import com.claudioportal.job.Job;
import com.claudioportal.job.JobActions;
import com.claudioportal.job.JobChanges;
import com.claudioportal.job.JobLifecycle;
import com.claudioportal.job.JobResult;
import com.claudioportal.job.JobState;
import com.claudioportal.forms.Words;
import com.claudioportal.web.JobMessages;
import com.claudioportal.credentials.BaseUrlPolicy;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * What staff ask of Claudio from a job page: link a job Claudio turned out to have, check on a job
 * now, and open a transcript through a fresh link. Claudio is called outside any transaction; the
 * changes go through {@link JobLifecycle} (a job that changed meanwhile is reported in words).
 */
@ApplicationScoped
public class JobTracking {

    @Inject
    ClaudioClient client;

    @Inject
    ConnectionService connections;

    @Inject
    AuditTrail audit;

    @Inject
    JobActions actions;

    @Inject
    WorkerConfig config;

    @Inject
    JobLifecycle lifecycle;

    @Inject
    BaseUrlPolicy policy;

    /** After a lost submit answer: the job turned out to be at Claudio under {@code reference}. */
    public Result<Void> link(long jobId, String reference) {
        Job job = read(jobId);
        String ref = reference == null ? "" : reference.trim();
        if (ref.isEmpty() || ref.length() > 200) {
            return Result.refused("job", words().trk_enter_reference());
        }
        if (job.status != JobState.NEEDS_ATTENTION) {
            return Result.refused("job", words().err_no_attention_needed());
        }
        Optional<ClaudioAccount> account = QuarkusTransaction.requiringNew().call(() -> connections.account());
        if (account.isEmpty()) {
            return Result.refused("job", words().trk_connection_removed());
        }
        ClaudioResult<JobDetails> details = client.details(account.get(), ref);
        if (!(details instanceof ClaudioResult.Success<JobDetails> found)) {
            ClaudioFailure failure = details.failureOrNull();
            return Result.refused("job", failure instanceof ClaudioFailure.Rejected || failure instanceof ClaudioFailure.VendorError
                    ? words().trk_unknown_reference(ref)
                    : words().trk_failure(FailureLines.of(failure).text()));
        }
        String nameAtClaudio = found.value().jobName();
        // Claudio's reference is an opaque id; the name the job has there stays on the timeline
        return JobChanges.byPerson(() -> actions.byThisPerson(jobId, (j, actor, name) -> lifecycle.linked(j, ref, nameAtClaudio, actor, name),
                "job.linked", Map.of("reference", ref)));
    }

    /**
     * Asks Claudio for the job's details (Get Job Details) and keeps what the job page shows:
     * Claudio's times, audio length, the blank-audio flag, its error message and the files it lists.
     */
    public Result<Void> fetchDetails(long jobId) {
        Job job = read(jobId);
        if (job.claudioReference == null) {
            return Result.refused("job", words().trk_not_at_claudio());
        }
        if (job.isContentErased()) {
            return Result.refused("job", words().trk_details_erased());
        }
        Optional<ClaudioAccount> account = QuarkusTransaction.requiringNew().call(() -> connections.account());
        if (account.isEmpty()) {
            return Result.refused("job", words().trk_connection_removed());
        }
        ClaudioResult<JobDetails> answer = client.details(account.get(), job.claudioReference);
        if (!(answer instanceof ClaudioResult.Success<JobDetails> ok)) {
            return Result.refused("job", words().trk_details_failed(FailureLines.of(answer.failureOrNull()).text()));
        }
        ClaudioDetails details = details(ok.value());
        return JobChanges.byPerson(() -> {
            Job j = JobActions.find(jobId);
            j.claudioDetails = details;
            j.claudioDetailsAt = Instant.now();
        });
    }

    /** What the job page keeps of Claudio's answer (no links: they expire; not Claudio's name for the job). */
    static ClaudioDetails details(JobDetails d) {
        return new ClaudioDetails(d.status(), d.submittedAt(), d.completedAt(), d.totalAudioLengthSeconds(), d.blankAudio(),
                d.errorMessage(),
                d.inputFiles().stream().map(f -> new ClaudioDetails.File(f.filename(), f.kind(), f.fileSize(), f.languageCode())).toList(),
                d.outputFiles().stream().map(f -> new ClaudioDetails.File(f.filename(), f.kind(), f.fileSize(), f.languageCode())).toList());
    }

    /** Asks the worker to check the job at Claudio now, in its priority lane. */
    public Result<Void> checkNow(long jobId) {
        return JobChanges.byPerson(() -> actions.byThisPerson(jobId, lifecycle::checkedNow, "job.checked", Map.of()));
    }

    /**
     * The current link to a transcript ({@code media} false) or media file. Claudio's links expire,
     * so older ones are replaced by polling first (through the pinned client). The browser is sent
     * only to links {@link com.claudioportal.credentials.BaseUrlPolicy#linkProblem} accepts (https,
     * nothing internal). Opening one is recorded in the audit log.
     */
    public Result<String> open(long jobId, boolean media, int index) {
        Job job = read(jobId);
        JobResult result = job.resultOrNull();
        if (result == null) {
            throw new NotFoundException();
        }
        if (result.linksIssuedAt() == null
                || Duration.between(result.linksIssuedAt(), Instant.now()).compareTo(config.linkFreshness()) > 0) {
            Optional<ClaudioAccount> account = QuarkusTransaction.requiringNew().call(() -> connections.account());
            if (account.isEmpty()) {
                return Result.refused("link", words().trk_link_connection_removed());
            }
            ClaudioResult<JobStatus> polled = client.poll(account.get(), job.claudioReference, job.pollEndpoint);
            if (polled instanceof ClaudioResult.Success<JobStatus> ok && ok.value() instanceof JobStatus.Completed done) {
                JobResult fresh = new JobResult(done.transcriptUrls(), done.mediaFiles(), done.extractedFields(), done.rawText(), Instant.now());
                JobChanges.byPerson(() -> {
                    lifecycle.linksRefreshed(Job.findById(jobId), fresh);
                });
                result = fresh;
            } else {
                ClaudioFailure failure = polled.failureOrNull();
                return Result.refused("link", failure == null ? words().trk_link_not_complete()
                        : words().trk_link_failed(FailureLines.of(failure).text()));
            }
        }
        List<String> urls = media ? result.mediaFiles() : result.transcriptUrls();
        if (index < 0 || index >= urls.size()) {
            throw new NotFoundException();
        }
        Optional<String> refused = policy.linkProblem(urls.get(index));
        if (refused.isPresent()) {
            return Result.refused("link", refused.get());
        }
        QuarkusTransaction.requiringNew().run(() -> audit.record(media ? "job.media-opened" : "job.transcript-opened", "job", jobId,
                Map.of("index", index + 1)));
        return Result.done(urls.get(index));
    }

    /** The job page's words in the reader's language. */
    private static JobMessages words() {
        return Words.of(JobMessages.class);
    }

    private static Job read(long jobId) {
        Job job = QuarkusTransaction.requiringNew().call(() -> Job.<Job> findById(jobId));
        if (job == null) {
            throw new NotFoundException();
        }
        return job;
    }
}
