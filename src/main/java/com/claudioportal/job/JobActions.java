package com.claudioportal.job;

import java.time.Instant;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;

import com.claudioportal.audit.AuditTrail;
import com.claudioportal.tenant.CurrentUser;
import com.claudioportal.upload.Upload;
import com.claudioportal.upload.UploadStorage;

/** What staff can do to a job by hand; each action is on the timeline and in the audit log. */
@ApplicationScoped
public class JobActions {

    @Inject
    AuditTrail audit;

    @Inject
    CurrentUser user;

    @Inject
    UploadStorage storage;

    @Inject
    Event<JobSubmission.Submitted> wake;

    /** Tries a failed job again from where it stopped (files Claudio already has are not sent again). */
    @Transactional
    public String retry(long jobId) {
        Job job = find(jobId);
        if (job.status != JobState.FAILED || job.claudioReference != null) {
            return "Only a failed job that Claudio has not accepted can be tried again.";
        }
        job.status = JobState.QUEUED;
        job.statusDetail = null;
        job.attempts = 0;
        job.nextAttemptAt = Instant.now();
        job.updatedAt = Instant.now();
        JobEvent.record(job, "Tried again by " + user.displayName() + ".", user.actor());
        audit.record("job.retried", "job", job.id, Map.of());
        wake.fire(new JobSubmission.Submitted(job.tenantId, job.id));
        return null;
    }

    /** Cancels a job that Claudio does not have; its files are deleted from the portal. */
    @Transactional
    public String cancel(long jobId) {
        Job job = find(jobId);
        boolean cancellable = job.status == JobState.QUEUED || job.status == JobState.FAILED
                || (job.status == JobState.NEEDS_ATTENTION && job.claudioReference == null);
        if (!cancellable) {
            return "This job can no longer be cancelled here.";
        }
        job.status = JobState.CANCELLED;
        job.statusDetail = null;
        job.nextAttemptAt = null;
        job.updatedAt = Instant.now();
        Upload.<Upload> list("jobId", job.id).forEach(u -> {
            storage.delete(u.storedPath);
            u.storedPath = null;
        });
        JobEvent.record(job, "Cancelled by " + user.displayName() + ". Its files were deleted from the portal.", user.actor());
        audit.record("job.cancelled", "job", job.id, Map.of());
        return null;
    }

    /**
     * After a submit whose answer was lost: a person decided to send it again. Claudio may then
     * have the job twice; the audit log records who decided.
     */
    @Transactional
    public String submitAgain(long jobId) {
        Job job = find(jobId);
        if (job.status != JobState.NEEDS_ATTENTION) {
            return "This job does not need attention.";
        }
        job.status = JobState.QUEUED;
        job.statusDetail = null;
        job.submitStartedAt = null;
        job.attempts = 0;
        job.nextAttemptAt = Instant.now();
        job.updatedAt = Instant.now();
        JobEvent.record(job, user.displayName() + " chose to submit the job to Claudio again.", user.actor());
        audit.record("job.resolved", "job", job.id, Map.of("resolution", "submit-again"));
        wake.fire(new JobSubmission.Submitted(job.tenantId, job.id));
        return null;
    }

    public static Job find(long jobId) {
        Job job = Job.findById(jobId);
        if (job == null) {
            throw new NotFoundException();
        }
        return job;
    }
}
