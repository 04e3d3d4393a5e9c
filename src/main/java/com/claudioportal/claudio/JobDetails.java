package com.claudioportal.claudio;

import java.util.List;

/** Get Job Details, read tolerantly: unknown or missing values are null. */
public record JobDetails(String jobReferenceId, String jobName, String status, String profileName, String submittedAt,
        String completedAt, Double totalAudioLengthSeconds, Boolean blankAudio, String errorMessage,
        List<FileEntry> inputFiles, List<FileEntry> transcripts) {

    /** An input or output file; {@code kind} is file_type (inputs) or file_subtype (transcripts). */
    public record FileEntry(String filename, String kind, Long fileSize, String downloadUrl, String languageCode) {
    }
}
