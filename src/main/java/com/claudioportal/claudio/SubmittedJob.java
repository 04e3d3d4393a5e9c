package com.claudioportal.claudio;

/**
 * Claudio accepted a job. {@code pollEndpoint} is as Claudio sent it (absolute, relative or
 * absent); {@code webhookConfirmed} is true when the message says a webhook will be notified.
 */
public record SubmittedJob(String jobReferenceId, String pollEndpoint, String message, boolean webhookConfirmed) {
}
