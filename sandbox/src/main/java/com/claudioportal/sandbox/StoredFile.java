package com.claudioportal.sandbox;

import java.time.Instant;

/**
 * An uploaded input (role AUDIO or DOCUMENT, no job) or a generated output (TRANSCRIPT or MEDIA,
 * of a job). {@code storagePath} is relative to the storage root; null for the transcript of a
 * job made by the control API's bulk call, whose text is produced when it is downloaded.
 */
record StoredFile(String id, String accountSlug, String role, String filename, String contentType, long sizeBytes, String storagePath,
        String detail, String jobReference, Instant createdAt) {

    static final String AUDIO = "AUDIO";
    static final String DOCUMENT = "DOCUMENT";
    static final String TRANSCRIPT = "TRANSCRIPT";
    static final String MEDIA = "MEDIA";

    boolean upload() {
        return jobReference == null;
    }
}
