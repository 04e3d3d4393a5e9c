package com.claudioportal.sandbox;

import java.time.Duration;

/**
 * A simulated Claudio team. {@code baseUrl} is what a tenant enters as its Claudio base URL. The
 * key and secret are not part of it: the sandbox keeps only their hashes.
 */
public record SandboxAccount(String slug, String baseUrl, String webhookUrl, Duration processingTime, PollStyle pollStyle,
        boolean retention, Duration linkLifetime, SandboxFaults faults) {

    /** Webhook URLs usually carry a secret of their own, so only their origin is shown. */
    @Override
    public String toString() {
        return "SandboxAccount[" + slug + ", " + baseUrl + ", webhook=" + SandboxUrls.origin(webhookUrl) + ", processing="
                + processingTime + ", " + pollStyle + ", retention=" + retention + ", " + faults + "]";
    }
}
