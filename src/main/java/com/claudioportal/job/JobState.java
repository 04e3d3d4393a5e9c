package com.claudioportal.job;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a job is in its life, as staff see it, and which moves between states are legal
 * ({@link #canMoveTo}). Only {@link JobLifecycle} changes a job's state. Its words are web.Messages'
 * {@code state_*}: {@code {msg:message(str:concat('state_', s.name))}}.
 */
public enum JobState {
    /** Saved with all its inputs; waiting for the worker. */
    QUEUED(false),
    /** The worker is sending the files to Claudio. */
    UPLOADING(false),
    /** The submit call is under way; if the portal stops now the outcome is unknown. */
    SUBMITTING(false),
    /** Claudio accepted the job; the portal follows it until the transcript is ready. */
    SUBMITTED(false),
    COMPLETED(true),
    FAILED(true),
    /** Someone must decide what happens next, e.g. after a submit whose answer was lost. */
    NEEDS_ATTENTION(false),
    CANCELLED(true);

    private final boolean finished;

    JobState(boolean finished) {
        this.finished = finished;
    }

    /** The states this one may move to; anything else is refused by {@link JobLifecycle}. */
    public Set<JobState> next() {
        return switch (this) {
            case QUEUED -> EnumSet.of(UPLOADING, FAILED, CANCELLED);
            case UPLOADING -> EnumSet.of(SUBMITTING, FAILED, CANCELLED);
            // back to UPLOADING only when nothing reached Claudio (the connection was refused)
            case SUBMITTING -> EnumSet.of(SUBMITTED, UPLOADING, FAILED, NEEDS_ATTENTION);
            case SUBMITTED -> EnumSet.of(COMPLETED, FAILED);
            // retried (Claudio never had it) or checked again (Claudio has it)
            case FAILED -> EnumSet.of(QUEUED, SUBMITTED, CANCELLED);
            // linked, submitted again, or cancelled
            case NEEDS_ATTENTION -> EnumSet.of(SUBMITTED, QUEUED, CANCELLED);
            case COMPLETED, CANCELLED -> EnumSet.noneOf(JobState.class);
        };
    }

    public boolean canMoveTo(JobState target) {
        return next().contains(target);
    }

    /**
     * The worker picks the job up when its next attempt is due. For every other state the
     * lifecycle clears {@code next_attempt_at}, so "due" needs no list of states in SQL.
     */
    public boolean isScheduled() {
        return this == QUEUED || this == UPLOADING || this == SUBMITTING || this == SUBMITTED;
    }

    /** Nothing more will happen on its own. */
    public boolean isFinished() {
        return finished;
    }

    /** Moving on its own: the job page refreshes its progress while this is true. */
    public boolean isLive() {
        return !finished && this != NEEDS_ATTENTION;
    }

    /** The job still needs the tenant's Claudio connection. */
    public boolean needsConnection() {
        return this == QUEUED || this == UPLOADING || this == SUBMITTING || this == SUBMITTED || this == NEEDS_ATTENTION;
    }

    /** Its files have not all reached Claudio yet (the job page's "files sent" step is still to come). */
    public boolean isWaitingToSend() {
        return this == QUEUED || this == UPLOADING;
    }

    /** Nothing has happened yet: staff may still cancel it outright. */
    public boolean isQueued() {
        return this == QUEUED;
    }

    /** Claudio has it and is transcribing: staff may ask for a check now. */
    public boolean isBeingTranscribed() {
        return this == SUBMITTED;
    }

    /** The transcript is ready. */
    public boolean isCompleted() {
        return this == COMPLETED;
    }

    /** It failed: retried when Claudio never had it, checked again when Claudio has it. */
    public boolean isFailed() {
        return this == FAILED;
    }

    /** Someone must link it, submit it again or cancel it. */
    public boolean needsAttention() {
        return this == NEEDS_ATTENTION;
    }

    /** Bootstrap colour of the status badge. */
    public String tone() {
        return switch (this) {
            case COMPLETED -> "success";
            case FAILED -> "danger";
            case NEEDS_ATTENTION -> "warning";
            case CANCELLED -> "secondary";
            default -> "info";
        };
    }
}
