package com.claudioportal.job;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import com.claudioportal.tenant.TenantOwnedEntity;

/**
 * A transcription job. Saved with everything it needs before anything goes to Claudio; the job
 * worker then moves it along. {@code fieldValues} and {@code result} are health information.
 */
@Entity
@Table(name = "job")
public class Job extends TenantOwnedEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;


    /** From the submit form: the same form posted twice makes one job. */
    @Column(name = "submission_key")
    public UUID submissionKey;

    public String name;

    @Column(name = "profile_id")
    public Long profileId;

    /** The exact profile version the job was submitted with. */
    @Column(name = "profile_version_id")
    public Long profileVersionId;

    @Column(name = "is_raw")
    public boolean isRaw;

    /** JSON object: field key to value. */
    @Column(name = "field_values")
    public String fieldValuesJson = "{}";

    @Enumerated(EnumType.STRING)
    public JobState status = JobState.QUEUED;

    /** Why it is failed or needs attention, in words for staff. */
    @Column(name = "status_detail")
    public String statusDetail;

    @Column(name = "submitted_by")
    public String submittedBy;

    @Column(name = "submitted_by_name")
    public String submittedByName;

    @Column(name = "created_at")
    public Instant createdAt = Instant.now();

    @Column(name = "updated_at")
    public Instant updatedAt = Instant.now();

    @Column(name = "claudio_reference")
    public String claudioReference;

    @Column(name = "poll_endpoint")
    public String pollEndpoint;

    /** Consecutive failed attempts at the current step, for the backoff. */
    public int attempts;

    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    @Column(name = "lease_owner")
    public String leaseOwner;

    @Column(name = "lease_until")
    public Instant leaseUntil;

    @Column(name = "submit_started_at")
    public Instant submitStartedAt;

    @Column(name = "submitted_at")
    public Instant submittedAt;

    @Column(name = "completed_at")
    public Instant completedAt;

    @Column(name = "last_polled_at")
    public Instant lastPolledAt;

    /** JSON of {@link JobResult}: transcript links, media, extracted fields, raw text. */
    public String result;

    /** Claudio finished: keep what it returned and close the job. */
    public void recordCompletion(JobResult completed) {
        result = JobJson.write(completed);
        status = JobState.COMPLETED;
        statusDetail = null;
        completedAt = completed.linksIssuedAt();
        lastPolledAt = completed.linksIssuedAt();
        nextAttemptAt = null;
        attempts = 0;
    }

    /** Fresh links from a later poll (Claudio re-issues them every time). */
    public void refreshLinks(JobResult fresh) {
        result = JobJson.write(fresh);
        lastPolledAt = fresh.linksIssuedAt();
    }

    public Map<String, String> fieldValues() {
        return JobJson.map(fieldValuesJson);
    }

    public JobResult resultOrNull() {
        return result == null ? null : JobJson.result(result);
    }
}
