package com.claudioportal.job;

import java.time.Instant;
import java.util.Map;

/** A line of the job list: metadata only, which auditors may see too. */
public record JobRow(Long id, String name, Long profileId, String profileName, String submittedByName, String submittedBy,
        JobState status, Instant createdAt, Instant updatedAt, String claudioReference, Instant dueAt, String stuckReason,
        String stuckReasonCode, Map<String, String> stuckReasonParams, JobPriority priority, Instant contentErasedAt) {

    /** What the list query selects; the profile's name is added from the tenant's (few) profiles. */
    public JobRow(Long id, String name, Long profileId, String submittedByName, String submittedBy, JobState status,
            Instant createdAt, Instant updatedAt, String claudioReference, Instant dueAt, String stuckReason, String stuckReasonCode,
            Map<String, String> stuckReasonParams, JobPriority priority, Instant contentErasedAt) {
        this(id, name, profileId, null, submittedByName, submittedBy, status, createdAt, updatedAt, claudioReference, dueAt,
                stuckReason, stuckReasonCode, stuckReasonParams, priority, contentErasedAt);
    }

    JobRow withProfileName(String profileName) {
        return new JobRow(id, name, profileId, profileName, submittedByName, submittedBy, status, createdAt, updatedAt,
                claudioReference, dueAt, stuckReason, stuckReasonCode, stuckReasonParams, priority, contentErasedAt);
    }

    /** Why checks keep failing, in the reader's language (as {@link Job#stuck()}); null while they work. */
    public String stuck() {
        return JobLine.text(stuckReason, stuckReasonCode, stuckReasonParams);
    }

    /** Due within the next day and not finished (the list marks it). */
    public boolean dueSoon() {
        return dueAt != null && !status.isFinished() && !late() && dueAt.isBefore(Instant.now().plus(JobQuery.DUE_SOON));
    }

    /** Past its due time and not finished. */
    public boolean late() {
        return dueAt != null && !status.isFinished() && dueAt.isBefore(Instant.now());
    }

    public String submitter() {
        return submittedByName == null || submittedByName.isBlank() ? submittedBy : submittedByName;
    }
}
