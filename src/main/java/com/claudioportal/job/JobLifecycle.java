package com.claudioportal.job;

import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import com.claudioportal.forms.Words;
import com.claudioportal.web.JobMessages;
import com.claudioportal.web.Messages;
import com.claudioportal.upload.UploadKind;

/**
 * The one place that changes a job's state. Each method is a named transition: it checks that
 * the move is legal ({@link JobState#canMoveTo}), then sets status, detail, next attempt and
 * updated time, writes the timeline line and fires {@link JobTransitioned}, all on the managed
 * entity inside the caller's transaction. Concurrent changes are caught by the job's
 * {@code @Version}: automated callers re-read and decide again, people are told that the job
 * changed meanwhile.
 * <p>
 * Invariant: {@code next_attempt_at} is set exactly while the state is
 * {@linkplain JobState#isScheduled() scheduled}, so the worker's "due" query names no states.
 */
@ApplicationScoped
public class JobLifecycle {

    /** The actor of the worker's own changes on the timeline. */
    public static final String SYSTEM = "system";

    /** A change the job's current state does not allow; the message says so in words. */
    public static class IllegalTransition extends RuntimeException {
        private final JobState from;
        private final JobState to;

        IllegalTransition(JobState from, JobState to, String words) {
            super(words);
            this.from = from;
            this.to = to;
        }

        public JobState from() {
            return from;
        }

        public JobState to() {
            return to;
        }
    }

    @Inject
    Event<JobTransitioned> transitions;

    // ---- a new job ----------------------------------------------------------------------------

    /** A job was saved (already persisted, status QUEUED): its first timeline line. */
    public void saved(Job job, JobLine line, String actor) {
        job.status = JobState.QUEUED;
        job.nextAttemptAt = Instant.now();
        job.updatedAt = Instant.now();
        JobEvent.record(job, line, actor);
        transitions.fire(new JobTransitioned(job.tenantId, job.id, null, JobState.QUEUED, true));
    }

    // ---- the worker ---------------------------------------------------------------------------

    public void startSending(Job job) {
        require(job, JobState.QUEUED);
        move(job, JobState.UPLOADING, null, Instant.now(), JobLine.of("sending"), SYSTEM, false);
    }

    /** Claudio has one more of the job's files (not a change of state; a line on the timeline). */
    public void fileSent(Job job, JobFile file, String claudioUrl) {
        require(job, JobState.UPLOADING);
        file.claudioUrl = claudioUrl;
        file.status = JobFile.Status.SENT;
        file.sentAt = Instant.now();
        job.attempts = 0;
        job.setDetail(null);
        job.updatedAt = Instant.now();
        JobEvent.record(job, JobLine.of(file.kind == UploadKind.AUDIO ? "sent_recording" : "sent_document", "n", file.position + 1,
                "sizeBytes", file.sizeBytes), SYSTEM);
    }

    /** A failure before the submit that may pass: try again after {@code wait} (same state). */
    public void retryLater(Job job, JobLine why, Duration wait) {
        if (job.status != JobState.QUEUED && job.status != JobState.UPLOADING) {
            throw refused(job.status);
        }
        job.attempts++;
        job.setDetail(why);
        job.nextAttemptAt = Instant.now().plus(wait);
        job.updatedAt = Instant.now();
        JobEvent.record(job, why, SYSTEM);
    }

    /**
     * The submit call is about to go out. The job becomes due again when the lease expires: if
     * the worker dies during the call, whoever picks the job up next settles it as "needs
     * attention" instead of submitting it again.
     */
    public void submitStarted(Job job, Instant leaseUntil) {
        move(job, JobState.SUBMITTING, null, leaseUntil, JobLine.of("submitting"), SYSTEM, false);
        job.submitStartedAt = Instant.now();
    }

    /** The submit never reached Claudio (no connection): back to sending, retried after {@code wait}. */
    public void submitNotSent(Job job, JobLine why, Duration wait) {
        require(job, JobState.SUBMITTING);
        move(job, JobState.UPLOADING, why, Instant.now().plus(wait), why, SYSTEM, false);
        job.attempts++;
        job.submitStartedAt = null;
    }

    public void submitted(Job job, String reference, String pollEndpoint, boolean webhookConfirmed, Instant firstPoll) {
        require(job, JobState.SUBMITTING);
        move(job, JobState.SUBMITTED, null, firstPoll, JobLine.of(webhookConfirmed ? "accepted_webhook" : "accepted", "reference", reference),
                SYSTEM, false);
        job.claudioReference = reference;
        job.pollEndpoint = pollEndpoint;
        job.submittedAt = Instant.now();
        job.attempts = 0;
    }

    /** Claudio may or may not have the job (an answer lost, the worker stopped mid-submit): a person decides. */
    public void needsAttention(Job job, JobLine why) {
        move(job, JobState.NEEDS_ATTENTION, why, null, why, SYSTEM, false);
    }

    public void failed(Job job, JobLine why) {
        move(job, JobState.FAILED, why, null, why, SYSTEM, false);
    }

    /**
     * A poll that started at {@code pollStartedAt} found the job still in progress. A prompt (a
     * notice, "check now") that arrived after the poll started is kept, and the job is due again
     * at once: the notice may be about a change the poll could not see yet.
     * <p>
     * The worker's common case (submitted, held, not stuck, not prompted since) is written without
     * loading the job by {@code tracking.StillInProgress}, which sets exactly these columns: a change
     * here must follow there.
     */
    public void pollPending(Job job, Instant polledAt, Instant nextPoll, Instant pollStartedAt) {
        require(job, JobState.SUBMITTED);
        boolean wasStuck = job.stuckReason != null;
        job.lastPolledAt = polledAt;
        job.attempts = 0;
        job.setDetail(null);
        job.setStuckReason(null);
        job.nextAttemptAt = servePrompt(job, pollStartedAt) ? nextPoll : Instant.now();
        job.updatedAt = Instant.now();
        if (wasStuck) {
            JobEvent.record(job, JobLine.of("can_check_again"), SYSTEM);
        }
    }

    /**
     * A poll failed. After {@code stuckAfter} failures in a row the job is flagged as stuck with
     * the reason (once on the timeline); the next good poll clears the flag.
     */
    public void pollFailed(Job job, Instant polledAt, JobLine why, Instant nextPoll, int stuckAfter, Instant pollStartedAt) {
        require(job, JobState.SUBMITTED);
        job.lastPolledAt = polledAt;
        job.attempts++;
        job.setDetail(why);
        servePrompt(job, pollStartedAt);
        job.nextAttemptAt = nextPoll;
        job.updatedAt = Instant.now();
        if (job.stuckReason == null && job.attempts >= stuckAfter) {
            job.setStuckReason(why);
            JobEvent.record(job, JobLine.of("stuck", "attempts", job.attempts, "whyLine", why), SYSTEM);
        }
    }

    /** Claudio finished: keep what it returned and close the job. */
    public void completed(Job job, JobResult result, JobLine message) {
        move(job, JobState.COMPLETED, null, null, message, SYSTEM, false);
        job.result = result;
        job.completedAt = result.linksIssuedAt();
        job.lastPolledAt = result.linksIssuedAt();
        job.attempts = 0;
        job.setStuckReason(null);
    }

    /** Fresh links from a later poll (Claudio re-issues them every time); not a change of state. */
    public void linksRefreshed(Job job, JobResult fresh) {
        require(job, JobState.COMPLETED);
        job.result = fresh;
        job.lastPolledAt = fresh.linksIssuedAt();
    }

    // ---- people ---------------------------------------------------------------------------------

    /** Cancels a job Claudio does not have (its files are deleted by the caller). */
    public void cancelled(Job job, String actor, String name) {
        if (job.claudioReference != null) {
            throw new IllegalTransition(job.status, JobState.CANCELLED, Words.of(JobMessages.class).err_cannot_cancel());
        }
        move(job, JobState.CANCELLED, null, null, JobLine.of("cancelled", "name", name), actor, false);
    }

    /** Tries a failed job again from where it stopped; only one that Claudio never accepted. */
    public void retried(Job job, String actor, String name) {
        if (job.status != JobState.FAILED || job.claudioReference != null) {
            throw new IllegalTransition(job.status, JobState.QUEUED, Words.of(JobMessages.class).err_cannot_retry());
        }
        move(job, JobState.QUEUED, null, Instant.now(), JobLine.of("retried", "name", name), actor, true);
        job.attempts = 0;
    }

    /** After a lost submit answer: the job turned out to be at Claudio under {@code reference}. */
    public void linked(Job job, String reference, String nameAtClaudio, String actor, String name) {
        if (job.status != JobState.NEEDS_ATTENTION) {
            throw new IllegalTransition(job.status, JobState.SUBMITTED, Words.of(JobMessages.class).err_no_attention_needed());
        }
        // not Claudio's name of the job: job names carry patients' names, and auditors read the timeline
        move(job, JobState.SUBMITTED, null, Instant.now(), JobLine.of("linked", "name", name, "reference", reference), actor, true);
        job.claudioReference = reference;
        job.submitStartedAt = null;
        job.submittedAt = job.submittedAt == null ? Instant.now() : job.submittedAt;
        job.attempts = 0;
        job.promptedAt = Instant.now();
    }

    /** A person decided to send the job to Claudio again (Claudio may then have it twice). */
    public void submittedAgain(Job job, String actor, String name) {
        if (job.status != JobState.NEEDS_ATTENTION) {
            throw new IllegalTransition(job.status, JobState.QUEUED, Words.of(JobMessages.class).err_no_attention_needed());
        }
        move(job, JobState.QUEUED, null, Instant.now(), JobLine.of("submitted_again", "name", name), actor, true);
        job.submitStartedAt = null;
        job.attempts = 0;
    }

    /** A person asked to check the job at Claudio now: polled in the priority lane. */
    public void checkedNow(Job job, String actor, String name) {
        if (job.claudioReference == null || (job.status != JobState.SUBMITTED && job.status != JobState.FAILED)) {
            throw new IllegalTransition(job.status, JobState.SUBMITTED, Words.of(JobMessages.class).err_cannot_check());
        }
        if (job.status == JobState.FAILED) {
            move(job, JobState.SUBMITTED, null, Instant.now(), JobLine.of("check_again", "name", name), actor, true);
        } else {
            job.nextAttemptAt = Instant.now();
            job.updatedAt = Instant.now();
            transitions.fire(new JobTransitioned(job.tenantId, job.id, job.status, job.status, true));
        }
        job.attempts = 0;
        job.promptedAt = Instant.now();
    }

    /**
     * A tenant admin changed the job's priority or due time (not a change of state: a line on the
     * timeline). A new due time may make the job late again later, and alert again.
     */
    public void rescheduled(Job job, JobPriority priority, Instant dueAt, String actor, String name) {
        boolean newPriority = priority != job.priority;
        boolean newDue = dueAt != null && !dueAt.equals(job.dueAt);
        if (!newPriority && !newDue) {
            return;
        }
        // times as UTC text in both languages ("none" is the message's word)
        JobLine line = JobLine.of("rescheduled", "name", name,
                "priorityFromLine", newPriority ? JobLine.of("priority_" + job.priority.name()) : null,
                "priorityToLine", newPriority ? JobLine.of("priority_" + priority.name()) : null,
                "dueFrom", newDue && job.dueAt != null ? JobDue.words(job.dueAt) : null,
                "dueTo", newDue ? JobDue.words(dueAt) : null);
        job.priority = priority;
        job.dueAt = dueAt == null ? job.dueAt : dueAt;
        job.updatedAt = Instant.now();
        JobEvent.record(job, line, actor);
    }

    // ---- the rules ------------------------------------------------------------------------------

    /** Clears the prompt a poll started at {@code pollStartedAt} has served; false when a newer one is pending. */
    private static boolean servePrompt(Job job, Instant pollStartedAt) {
        if (job.promptedAt != null && pollStartedAt != null && job.promptedAt.isAfter(pollStartedAt)) {
            return false;
        }
        job.promptedAt = null;
        return true;
    }

    private void move(Job job, JobState to, JobLine detail, Instant next, JobLine line, String actor, boolean dueNow) {
        JobState from = job.status;
        if (!from.canMoveTo(to)) {
            throw new IllegalTransition(from, to, Words.of(JobMessages.class).err_cannot_become(words(from), words(to)));
        }
        job.status = to;
        job.setDetail(detail);
        job.nextAttemptAt = to.isScheduled() ? (next == null ? Instant.now() : next) : null;
        if (!to.isScheduled()) {
            job.promptedAt = null;
        }
        job.updatedAt = Instant.now();
        if (line != null) {
            JobEvent.record(job, line, actor);
        }
        transitions.fire(new JobTransitioned(job.tenantId, job.id, from, to, dueNow));
    }

    private static void require(Job job, JobState state) {
        if (job.status != state) {
            throw refused(job.status);
        }
    }

    /** A step the job's state no longer allows; a person may read it (a change made meanwhile, JobChanges.byPerson). */
    private static IllegalTransition refused(JobState state) {
        return new IllegalTransition(state, state, Words.of(JobMessages.class).err_state_now(words(state)));
    }

    /** A state as the job list names it, in the reader's language. */
    private static String words(JobState state) {
        Messages m = Words.of(Messages.class);
        return switch (state) {
            case QUEUED -> m.state_QUEUED();
            case UPLOADING -> m.state_UPLOADING();
            case SUBMITTING -> m.state_SUBMITTING();
            case SUBMITTED -> m.state_SUBMITTED();
            case COMPLETED -> m.state_COMPLETED();
            case FAILED -> m.state_FAILED();
            case NEEDS_ATTENTION -> m.state_NEEDS_ATTENTION();
            case CANCELLED -> m.state_CANCELLED();
        };
    }
}
