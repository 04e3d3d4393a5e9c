package com.claudioportal.claudio;

import java.util.List;

/**
 * Get Job Details, read tolerantly: unknown or missing values are null. {@code transcripts} are
 * the output files of the documented {@code transcripts} group (or of an output array);
 * {@code outputFiles} are all output files Claudio lists, in every group (transcripts included),
 * with the group's name as their kind where they have no {@code file_subtype}.
 */
public record JobDetails(String jobReferenceId, String jobName, String status, String profileName, String submittedAt,
        String completedAt, Double totalAudioLengthSeconds, Boolean blankAudio, String errorMessage,
        List<FileEntry> inputFiles, List<FileEntry> transcripts, List<FileEntry> outputFiles) {

    /** An input or output file; {@code kind} is file_type (inputs) or file_subtype (transcripts). */
    public record FileEntry(String filename, String kind, Long fileSize, String downloadUrl, String languageCode) {
    }
}
