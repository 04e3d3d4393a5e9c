package com.claudioportal.claudio;

/** Claudio's answer to an upload: the URL to reference in a job, and its status message. */
public record UploadedFile(String url, String message) {
}
