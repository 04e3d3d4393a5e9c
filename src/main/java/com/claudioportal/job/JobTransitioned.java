package com.claudioportal.job;

/**
 * Fired inside the transaction of every change of a job's state, so that observers (waking the
 * worker, a later notifications outbox) commit or roll back with it. {@code from} is null for a
 * new job. {@code dueNow}: the change makes the job due at once (a person's action, a new job).
 */
public record JobTransitioned(String tenantId, long jobId, JobState from, JobState to, boolean dueNow) {
}
