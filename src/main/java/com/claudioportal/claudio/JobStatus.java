package com.claudioportal.claudio;

import java.util.List;
import java.util.Map;

/** A job's state as Poll Job reports it. */
public sealed interface JobStatus {

    /** "NOTICE: The job is in progress": media files may already be listed (newer docs). */
    record InProgress(String message, List<String> mediaFiles) implements JobStatus {
    }

    /**
     * "SUCCESS: Job completed": expiring links to the transcript documents (from
     * {@code transcript_url}, {@code transcript_location} or {@code finished_transcript}), the
     * processed media, fields extracted from attached documents, and the raw transcript text when
     * the job was submitted with {@code is_raw} and Claudio returned text instead of links.
     */
    record Completed(String message, List<String> transcriptUrls, List<String> mediaFiles,
            List<Map<String, Object>> extractedFields, String rawText) implements JobStatus {
    }
}
