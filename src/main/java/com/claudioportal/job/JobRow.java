package com.claudioportal.job;

import java.time.Instant;

/** A line of the job list: metadata only, which auditors may see too. */
public record JobRow(Long id, String name, String profileName, String submittedByName, String submittedBy, JobState status,
        Instant createdAt, Instant updatedAt, String claudioReference) {

    public String submitter() {
        return submittedByName == null || submittedByName.isBlank() ? submittedBy : submittedByName;
    }
}
