package com.claudioportal.job;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotFoundException;

import com.claudioportal.forms.Result;
import com.claudioportal.forms.Words;
import com.claudioportal.web.JobMessages;
import com.claudioportal.audit.AuditTrail;
import com.claudioportal.tenant.CurrentUser;
import com.claudioportal.upload.Upload;
import com.claudioportal.upload.UploadStorage;
import com.claudioportal.forms.TimeZoneChoice;

/**
 * What staff can do to a job by hand; each action is a {@link JobLifecycle} transition, on the
 * timeline and in the audit log. Each answers a {@link Result}: done, or what to tell the person.
 */
@ApplicationScoped
public class JobActions {

    @Inject
    AuditTrail audit;

    @Inject
    CurrentUser user;

    @Inject
    UploadStorage storage;

    @Inject
    JobLifecycle lifecycle;

    /** Tries a failed job again from where it stopped (files Claudio already has are not sent again). */
    public Result<Void> retry(long jobId) {
        return JobChanges.byPerson(() -> byThisPerson(jobId, lifecycle::retried, "job.retried", Map.of()));
    }

    /**
     * Cancels a job that Claudio does not have; its files are deleted from the portal. If the
     * worker is sending it at this moment, the cancel wins: the worker's next step finds the job
     * cancelled and stops before submitting.
     */
    public Result<Void> cancel(long jobId) {
        return JobChanges.byPersonFreeing(storage, () -> {
            Job job = byThisPerson(jobId, lifecycle::cancelled, "job.cancelled", Map.of());
            List<String> files = new ArrayList<>();
            Upload.<Upload> list("jobId", job.id).forEach(u -> {
                files.add(u.storedPath);
                u.storedPath = null;
            });
            return files;
        });
    }

    /**
     * After a submit whose answer was lost: a person decided to send it again. Claudio may then
     * have the job twice; the audit log records who decided.
     */
    public Result<Void> submitAgain(long jobId) {
        return JobChanges.byPerson(() -> byThisPerson(jobId, lifecycle::submittedAgain, "job.resubmitted", Map.of()));
    }

    /** A {@link JobLifecycle} move made by a person: (job, actor, their name). */
    public interface Move {
        void apply(Job job, String actor, String name);
    }

    /**
     * Makes the signed-in person's move on the job and records it in the audit log (inside the change):
     * the actions here, and what tracking (link, check now) and retention (erase now) let a person do.
     */
    public Job byThisPerson(long jobId, Move move, String auditAction, Map<String, ?> details) {
        Job job = find(jobId);
        move.apply(job, user.actor(), user.displayName());
        audit.record(auditAction, "job", job.id, details);
        return job;
    }

    /** A tenant admin changes the priority and due time (audited; the due time must lie ahead). */
    public Result<Void> reschedule(long jobId, String priorityValue, String dueValue) {
        JobPriority priority = JobPriority.parse(priorityValue);
        JobDue.Parsed due = JobDue.parse(dueValue, TimeZoneChoice.current());
        return JobChanges.byPerson(() -> {
            // first the job: another tenant's id is a 404 whatever the form says
            Job job = find(jobId);
            if (priority == null) {
                return Result.refused("job", Words.of(JobMessages.class).err_priority());
            }
            if (due.problem() != null) {
                return Result.refused("job", due.problem());
            }
            if (job.status.isFinished()) {
                return Result.refused("job", Words.of(JobMessages.class).err_schedule_finished());
            }
            JobPriority before = job.priority;
            Instant dueBefore = job.dueAt;
            lifecycle.rescheduled(job, priority, due.at(), user.actor(), user.displayName());
            if (before != job.priority || !Objects.equals(dueBefore, job.dueAt)) {
                audit.record("job.rescheduled", "job", job.id, Map.of("priority", job.priority.name(),
                        "dueAt", String.valueOf(job.dueAt), "previousPriority", before.name(), "previousDueAt", String.valueOf(dueBefore)));
            }
            return Result.done(null);
        });
    }

    public static Job find(long jobId) {
        return Job.<Job> findByIdOptional(jobId).orElseThrow(NotFoundException::new);
    }
}
