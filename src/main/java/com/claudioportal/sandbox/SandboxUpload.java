package com.claudioportal.sandbox;

import java.time.Instant;

/** A file uploaded to a sandbox account (Upload Audio or Upload Document). */
public record SandboxUpload(String id, String role, String filename, String contentType, long sizeBytes, Instant uploadedAt) {
}
