package com.claudioportal.claudio;

import java.util.List;

/**
 * A job as Claudio's Submit Job call takes it (docs/claudio.md §1.3). The client
 * adds {@code key} and {@code secret}; {@code isRaw} is sent as the string "1" or "0", as the
 * vendor's sample shows it.
 */
public record SubmitRequest(String formId, String profileId, boolean isRaw, String profileName, String jobName,
        List<JobField> jobData, List<AudioFile> audioFiles, List<Attachment> attachments) {

    /** One form field of the profile, with the value entered for this job. */
    public record JobField(String key, String uiLabel, String type, String uiType, String uiDesc, String inputValue) {
    }

    /** An uploaded media file; start and end are HH:MM:SS, "00:00:00" for both meaning the whole file. */
    public record AudioFile(String audioFilename, String audioLocation, String audioStart, String audioEnd) {
    }

    /** An uploaded document with its document type, e.g. "loi". */
    public record Attachment(String filename, String docType, String location) {
    }
}
