package com.claudioportal.job;

import java.time.Instant;
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
import com.claudioportal.upload.Upload;
import com.claudioportal.upload.UploadKind;
import com.claudioportal.upload.Sizes;
import com.claudioportal.profile.DocumentTypes;

/** One file of a job, and whether Claudio has it yet. */
@Entity
@Table(name = "job_file")
public class JobFile extends TenantOwnedEntity {

    public enum Status {
        WAITING, SENDING, SENT;

        /**
         * The message key (web.Messages) of this file's word on the page of a job in {@code job}: once the
         * transcript is ready a file Claudio had is transcribed, no longer merely "with Claudio".
         */
        public String wordKey(JobState job) {
            return this == SENT && job == JobState.COMPLETED ? "file_TRANSCRIBED" : "file_" + name();
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;


    @Column(name = "job_id")
    public Long jobId;

    public int position;

    @Enumerated(EnumType.STRING)
    public UploadKind kind;

    @Column(name = "upload_id")
    public UUID uploadId;

    @Column(name = "original_filename")
    public String originalFilename;

    @Column(name = "content_type")
    public String contentType;

    @Column(name = "size_bytes")
    public long sizeBytes;

    /** HH:MM:SS, "00:00:00" when not trimmed. */
    @Column(name = "audio_start")
    public String audioStart;

    @Column(name = "audio_end")
    public String audioEnd;

    @Column(name = "doc_type")
    public String docType;

    /** The recording's length as measured at upload; null when unknown. */
    @Column(name = "duration_seconds")
    public Double durationSeconds;

    @Enumerated(EnumType.STRING)
    public Status status = Status.WAITING;

    /** Where Claudio keeps it (from Upload Audio / Upload Document). */
    @Column(name = "claudio_url")
    public String claudioUrl;

    @Column(name = "sent_at")
    public Instant sentAt;

    public boolean isTrimmed() {
        return kind == UploadKind.AUDIO && !(Trim.WHOLE.equals(audioStart) && Trim.WHOLE.equals(audioEnd));
    }

    public String sizeText() {
        return Sizes.human(sizeBytes);
    }

    /** "12:00", or null when the length is not known. */
    public String durationText() {
        return durationSeconds == null ? null : Trim.clock((long) Math.ceil(durationSeconds));
    }

    /** The document type in words ("Letter of instruction"); Claudio gets {@link #docType}. */
    public String docTypeLabel() {
        return DocumentTypes.label(docType);
    }

    /**
     * The job's file made from an upload: its name, type, size and length as the upload measured them; the upload
     * now belongs to the job. Not yet persisted: the caller adds what the form said (trim points, a document's type).
     */
    public static JobFile of(Job job, int position, Upload upload) {
        upload.jobId = job.id;
        JobFile f = new JobFile();
        f.jobId = job.id;
        f.position = position;
        f.kind = upload.kind;
        f.uploadId = upload.id;
        f.originalFilename = upload.originalFilename;
        f.contentType = upload.contentType;
        f.sizeBytes = upload.sizeBytes;
        f.durationSeconds = upload.durationSeconds;
        return f;
    }
}
