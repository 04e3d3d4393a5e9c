package com.claudioportal.sandbox;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A job as the sandbox received and processed it, for tests and demos to look at. */
public record SandboxJob(String jobReferenceId, String accountSlug, String jobName, String profileId, String profileName,
        String formId, boolean raw, String status, Instant submittedAt, Instant completesAt, Instant completedAt,
        List<Map<String, String>> jobData, List<Input> inputs, List<Output> outputs, String rawText,
        String webhookResult) {

    public boolean completed() {
        return "COMPLETED".equals(status);
    }

    /** A file the job referenced, with its trim range (audio) or document type (attachments). */
    public record Input(String role, String filename, String uploadedFilename, long sizeBytes, String audioStart,
            String audioEnd, String docType) {
    }

    /** A generated transcript or processed media file; {@code detail} says how it was made. */
    public record Output(String role, String filename, String contentType, long sizeBytes, String detail) {
    }
}
