package com.claudioportal.job;

import java.time.Instant;
import java.util.LinkedHashMap;
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
import jakarta.persistence.Version;

import org.hibernate.annotations.DynamicUpdate;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import com.claudioportal.tenant.TenantOwnedEntity;

/**
 * A transcription job. Saved with everything it needs before anything goes to Claudio; the job
 * worker then moves it along. {@code fieldValues} and {@code result} are health information.
 * <p>
 * Its state changes only through {@link JobLifecycle}. {@link #version} makes concurrent changes
 * (worker, webhook, people) fail instead of overwriting each other; updates write only the
 * changed columns ({@code @DynamicUpdate}), so the worker's lease heartbeats (native SQL on the
 * lease columns, without a version bump) never collide with them.
 */
@Entity
@Table(name = "job")
@DynamicUpdate
public class Job extends TenantOwnedEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Version
    public long version;

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

    /** Field key to value (a jsonb object). */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "field_values")
    public Map<String, String> fieldValues = new LinkedHashMap<>();

    @Enumerated(EnumType.STRING)
    public JobState status = JobState.QUEUED;

    /** Why it is failed or needs attention, in words for staff (English; {@link #detail()} reads it in the reader's language). */
    @Column(name = "status_detail")
    public String statusDetail;

    /** The {@link JobLine} of {@link #statusDetail} (V15), null for one stored as words only; set through {@link #setDetail}. */
    @Column(name = "status_detail_code")
    public String statusDetailCode;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "status_detail_params")
    public Map<String, String> statusDetailParams;

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

    /**
     * A webhook notice or a person asked for a check: the next poll goes in the worker's priority
     * lane. Cleared by the poll that started after it (a notice that arrives during a poll keeps
     * it, and the job is polled again at once).
     */
    @Column(name = "prompted_at")
    public Instant promptedAt;

    /** When Claudio last sent a notice for this job (repeat notices are coalesced on the timeline). */
    @Column(name = "last_notice_at")
    public Instant lastNoticeAt;

    /** When the job should be finished: saved time plus the profile's expected turnaround. */
    @Column(name = "due_at")
    public Instant dueAt;

    /** How urgently the transcript is needed (the portal's own field; Claudio never sees it). */
    @Enumerated(EnumType.STRING)
    public JobPriority priority = JobPriority.ROUTINE;

    /** Claudio's Get Job Details answer as last fetched (a jsonb column, like {@link #result}), or null. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "claudio_details")
    public ClaudioDetails claudioDetails;

    @Column(name = "claudio_details_at")
    public Instant claudioDetailsAt;

    /** When the portal erased the job's content (retention or a tenant admin); the metadata stays. */
    @Column(name = "content_erased_at")
    public Instant contentErasedAt;

    @Column(name = "content_erased_by")
    public String contentErasedBy;

    /** Why the portal keeps failing to check this job at Claudio; null while checks work. */
    @Column(name = "stuck_reason")
    public String stuckReason;

    /** The {@link JobLine} of {@link #stuckReason} (V15); set through {@link #setStuckReason}. */
    @Column(name = "stuck_reason_code")
    public String stuckReasonCode;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "stuck_reason_params")
    public Map<String, String> stuckReasonParams;

    /** Jobs made together from many recordings share it (the bulk form); null for a job of its own. */
    @Column(name = "batch_key")
    public UUID batchKey;

    /** Transcript links, media, extracted fields, raw text (a jsonb column); null until completed. */
    @JdbcTypeCode(SqlTypes.JSON)
    public JobResult result;

    /** Past its due time and not finished. */
    public boolean isLate() {
        return dueAt != null && !status.isFinished() && dueAt.isBefore(Instant.now());
    }

    /** Fresh links from a later poll (Claudio re-issues them every time). */
    public void refreshLinks(JobResult fresh) {
        result = fresh;
        lastPolledAt = fresh.linksIssuedAt();
    }

    public boolean isContentErased() {
        return contentErasedAt != null;
    }

    public Map<String, String> fieldValues() {
        return fieldValues == null ? Map.of() : fieldValues;
    }

    public ClaudioDetails claudioDetailsOrNull() {
        return claudioDetails;
    }

    public JobResult resultOrNull() {
        return result;
    }

    /** Sets the status detail (null clears it): its English in {@link #statusDetail}, its code for every reader. */
    public void setDetail(JobLine line) {
        statusDetail = line == null ? null : line.english();
        statusDetailCode = line == null ? null : line.code();
        statusDetailParams = line == null ? null : line.params();
    }

    public void setStuckReason(JobLine line) {
        stuckReason = line == null ? null : line.english();
        stuckReasonCode = line == null ? null : line.code();
        stuckReasonParams = line == null ? null : line.params();
    }

    /** The status detail in the reader's language, else as stored; null when there is none. */
    public String detail() {
        return JobLine.text(statusDetail, statusDetailCode, statusDetailParams);
    }

    /** The stuck reason in the reader's language, else as stored; null while checks work. */
    public String stuck() {
        return JobLine.text(stuckReason, stuckReasonCode, stuckReasonParams);
    }
}
