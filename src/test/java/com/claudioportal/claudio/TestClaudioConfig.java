package com.claudioportal.claudio;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/**
 * The real {@link ClaudioConfig} mapping, built by SmallRye Config from its documented defaults
 * with a few keys changed, for tests of the client alone (short timeouts, a quick breaker). The
 * {@code with…} methods name the keys of docs/claudio.md, "Configuration".
 */
final class TestClaudioConfig {

    private final Map<String, String> values = new LinkedHashMap<>();

    private TestClaudioConfig() {
    }

    /** Every key at its default, as the portal runs without configuration. */
    static TestClaudioConfig defaults() {
        return new TestClaudioConfig();
    }

    /** One key below {@code portal.claudio}, e.g. {@code set("retry.max-retries", 0)}. */
    TestClaudioConfig set(String key, Object value) {
        values.put("portal.claudio." + key, value instanceof Duration d ? d.toMillis() + "ms" : String.valueOf(value));
        return this;
    }

    TestClaudioConfig withRetry(int maxRetries, Duration initialBackoff, Duration maxBackoff) {
        return set("retry.max-retries", maxRetries).set("retry.initial-backoff", initialBackoff).set("retry.max-backoff", maxBackoff);
    }

    TestClaudioConfig withRetry(int maxRetries, Duration initialBackoff, Duration maxBackoff, Duration budget) {
        return withRetry(maxRetries, initialBackoff, maxBackoff).set("retry.budget", budget);
    }

    /** No retries at all: one attempt per call. */
    TestClaudioConfig withoutRetries() {
        return set("retry.max-retries", 0);
    }

    TestClaudioConfig withBreaker(int requestVolumeThreshold, double failureRatio, Duration delay, int successThreshold) {
        return set("breaker.request-volume-threshold", requestVolumeThreshold).set("breaker.failure-ratio", failureRatio)
                .set("breaker.delay", delay).set("breaker.success-threshold", successThreshold);
    }

    /** Every per-attempt timeout (not the connect timeout) set to {@code value}. */
    TestClaudioConfig withAllTimeouts(Duration value) {
        for (String call : new String[] { "poll", "details", "submit", "upload", "check" }) {
            set("timeouts." + call, value);
        }
        return this;
    }

    TestClaudioConfig withPaths(String submit, String uploadAudio, String uploadDocument) {
        return set("paths.submit", submit).set("paths.upload-audio", uploadAudio).set("paths.upload-document", uploadDocument);
    }

    TestClaudioConfig withMethods(String submit, String uploadAudio, String uploadDocument, String poll, String details) {
        return set("methods.submit", submit).set("methods.upload-audio", uploadAudio).set("methods.upload-document", uploadDocument)
                .set("methods.poll", poll).set("methods.details", details);
    }

    TestClaudioConfig withMultipart(String keyField, String secretField, String audioFileField, String documentFileField) {
        return set("multipart.key-field", keyField).set("multipart.secret-field", secretField)
                .set("multipart.audio-file-field", audioFileField).set("multipart.document-file-field", documentFileField);
    }

    TestClaudioConfig withLimits(long audioBytes, long documentBytes) {
        return set("max-audio-bytes", audioBytes).set("max-document-bytes", documentBytes);
    }

    TestClaudioConfig withPollEndpointSource(PollEndpointSource value) {
        return set("poll-endpoint-source", value.name());
    }

    ClaudioConfig build() {
        SmallRyeConfigBuilder builder = new SmallRyeConfigBuilder().addDiscoveredConverters().withMapping(ClaudioConfig.class);
        values.forEach(builder::withDefaultValue);
        SmallRyeConfig config = builder.build();
        return config.getConfigMapping(ClaudioConfig.class);
    }
}
