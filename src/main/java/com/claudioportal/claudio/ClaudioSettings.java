package com.claudioportal.claudio;

import java.time.Duration;

/**
 * An immutable snapshot of {@link ClaudioConfig} that the client works from. Tests derive variants
 * (short timeouts, a quick breaker) with the {@code with…} methods instead of changing global config.
 */
record ClaudioSettings(Paths paths, Methods methods, Multipart multipart, Timeouts timeouts, Retry retry,
        Breaker breaker, long maxAudioBytes, long maxDocumentBytes, PollEndpointSource pollEndpointSource,
        int maxAnswerBytes, Duration keepAliveTimeout, int maxConnectionsPerBaseUrl) {

    public record Paths(String submit, String uploadAudio, String uploadDocument) {
    }

    public record Methods(String submit, String uploadAudio, String uploadDocument, String poll, String details) {
    }

    public record Multipart(String keyField, String secretField, String audioFileField, String documentFileField) {
    }

    /**
     * {@code upload} is the base of an upload's deadline, to which its size divided by
     * {@code uploadMinRate} (bytes per second) is added; an upload slower than that rate over
     * {@code uploadRateWindow} is aborted as a timeout (0 = no minimum).
     */
    public record Timeouts(Duration connect, Duration poll, Duration details, Duration submit, Duration upload,
            Duration check, long uploadMinRate, Duration uploadRateWindow) {

        public Timeouts(Duration connect, Duration poll, Duration details, Duration submit, Duration upload, Duration check) {
            this(connect, poll, details, submit, upload, check, 0, Duration.ofSeconds(10));
        }

        /** The deadline of one upload attempt of {@code size} bytes. */
        Duration upload(long size) {
            return uploadMinRate <= 0 ? upload : upload.plusMillis(Math.multiplyExact(size, 1000L) / uploadMinRate);
        }
    }

    /**
     * Retries of safe calls: a retry starts only while the call is younger than {@code budget},
     * so a call ends at the latest after its attempt timeout plus the budget.
     */
    public record Retry(int maxRetries, Duration initialBackoff, Duration maxBackoff, Duration budget) {

        public Retry(int maxRetries, Duration initialBackoff, Duration maxBackoff) {
            this(maxRetries, initialBackoff, maxBackoff, Duration.ofSeconds(30));
        }
    }

    public record Breaker(int requestVolumeThreshold, double failureRatio, Duration delay, int successThreshold) {
    }

    static ClaudioSettings from(ClaudioConfig c) {
        return new ClaudioSettings(
                new Paths(c.paths().submit(), c.paths().uploadAudio(), c.paths().uploadDocument()),
                new Methods(c.methods().submit(), c.methods().uploadAudio(), c.methods().uploadDocument(),
                        c.methods().poll(), c.methods().details()),
                new Multipart(c.multipart().keyField(), c.multipart().secretField(), c.multipart().audioFileField(),
                        c.multipart().documentFileField()),
                new Timeouts(c.timeouts().connect(), c.timeouts().poll(), c.timeouts().details(), c.timeouts().submit(),
                        c.timeouts().upload(), c.timeouts().check(), c.uploadMinRate(), c.uploadRateWindow()),
                new Retry(c.retry().maxRetries(), c.retry().initialBackoff(), c.retry().maxBackoff(), c.retry().budget()),
                new Breaker(c.breaker().requestVolumeThreshold(), c.breaker().failureRatio(), c.breaker().delay(),
                        c.breaker().successThreshold()),
                c.maxAudioBytes(), c.maxDocumentBytes(), c.pollEndpointSource(), c.maxAnswerBytes(),
                c.keepAliveTimeout(), c.maxConnectionsPerBaseUrl());
    }

    ClaudioSettings withPaths(Paths value) {
        return new ClaudioSettings(value, methods, multipart, timeouts, retry, breaker, maxAudioBytes, maxDocumentBytes,
                pollEndpointSource, maxAnswerBytes, keepAliveTimeout, maxConnectionsPerBaseUrl);
    }

    ClaudioSettings withMethods(Methods value) {
        return new ClaudioSettings(paths, value, multipart, timeouts, retry, breaker, maxAudioBytes, maxDocumentBytes,
                pollEndpointSource, maxAnswerBytes, keepAliveTimeout, maxConnectionsPerBaseUrl);
    }

    ClaudioSettings withMultipart(Multipart value) {
        return new ClaudioSettings(paths, methods, value, timeouts, retry, breaker, maxAudioBytes, maxDocumentBytes,
                pollEndpointSource, maxAnswerBytes, keepAliveTimeout, maxConnectionsPerBaseUrl);
    }

    ClaudioSettings withTimeouts(Timeouts value) {
        return new ClaudioSettings(paths, methods, multipart, value, retry, breaker, maxAudioBytes, maxDocumentBytes,
                pollEndpointSource, maxAnswerBytes, keepAliveTimeout, maxConnectionsPerBaseUrl);
    }

    /** Every per-attempt timeout (not the connect timeout) set to {@code value}. */
    ClaudioSettings withAllTimeouts(Duration value) {
        return withTimeouts(new Timeouts(timeouts.connect(), value, value, value, value, value, timeouts.uploadMinRate(),
                timeouts.uploadRateWindow()));
    }

    ClaudioSettings withRetry(Retry value) {
        return new ClaudioSettings(paths, methods, multipart, timeouts, value, breaker, maxAudioBytes, maxDocumentBytes,
                pollEndpointSource, maxAnswerBytes, keepAliveTimeout, maxConnectionsPerBaseUrl);
    }

    ClaudioSettings withBreaker(Breaker value) {
        return new ClaudioSettings(paths, methods, multipart, timeouts, retry, value, maxAudioBytes, maxDocumentBytes,
                pollEndpointSource, maxAnswerBytes, keepAliveTimeout, maxConnectionsPerBaseUrl);
    }

    ClaudioSettings withLimits(long audioBytes, long documentBytes) {
        return new ClaudioSettings(paths, methods, multipart, timeouts, retry, breaker, audioBytes, documentBytes,
                pollEndpointSource, maxAnswerBytes, keepAliveTimeout, maxConnectionsPerBaseUrl);
    }

    ClaudioSettings withPollEndpointSource(PollEndpointSource value) {
        return new ClaudioSettings(paths, methods, multipart, timeouts, retry, breaker, maxAudioBytes, maxDocumentBytes,
                value, maxAnswerBytes, keepAliveTimeout, maxConnectionsPerBaseUrl);
    }
}
