package com.claudioportal.upload;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import com.claudioportal.forms.Words;
import com.claudioportal.web.JobMessages;
import com.claudioportal.tenant.TenantOwnedEntity;

/**
 * A file staff uploaded for a job. The bytes wait in the portal's storage (never a served
 * directory) until Claudio has them, then are deleted; abandoned uploads are deleted by
 * {@link UploadCleanup}.
 */
@Entity
@Table(name = "upload")
public class Upload extends TenantOwnedEntity {

    /** Random, so the submit form can reference it without exposing a sequence. */
    @Id
    public UUID id;


    @Enumerated(EnumType.STRING)
    public UploadKind kind;

    @Column(name = "original_filename")
    public String originalFilename;

    /** Relative to the storage directory; null once the file is deleted. */
    @Column(name = "stored_path")
    public String storedPath;

    @Column(name = "content_type")
    public String contentType;

    @Column(name = "size_bytes")
    public long sizeBytes;

    @Column(name = "duration_seconds")
    public Double durationSeconds;

    /** Share of the recording that is silence, from {@link RecordingCheck}; null when not measured. */
    @Column(name = "silence_ratio")
    public Double silenceRatio;

    /** The recording seems to hold nothing to transcribe; null when not measured. */
    @Column(name = "mostly_silent")
    public Boolean mostlySilent;

    @Column(name = "uploaded_by")
    public String uploadedBy;

    @Column(name = "created_at")
    public Instant createdAt = Instant.now();

    @Column(name = "job_id")
    public Long jobId;

    public String sizeText() {
        return Sizes.human(sizeBytes);
    }

    /**
     * What the pre-check heard, in words for the form, or null: an empty or silent recording is
     * worth a second look before Claudio is paid to transcribe it. A warning, never a refusal.
     */
    public String soundNote() {
        if (kind != UploadKind.AUDIO) {
            return null;
        }
        if (durationSeconds != null && durationSeconds < 1) {
            return Words.of(JobMessages.class).up_sound_empty();
        }
        if (Boolean.TRUE.equals(mostlySilent)) {
            return Words.of(JobMessages.class).up_sound_silent();
        }
        return null;
    }

    /** An upload (of the active tenant) still waiting for a job, by its posted id; null when it is gone, used or not an id. */
    public static Upload waiting(String id) {
        try {
            Upload u = findById(UUID.fromString(id));
            return u != null && u.jobId == null && u.storedPath != null ? u : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
