package com.claudioportal.claudio;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How the portal talks to Claudio. Only the Poll and Get Job Details paths are documented by the
 * vendor; every other path, the HTTP methods and the multipart field names are our assumptions
 * (docs/claudio.md, "Assumptions"), so an operator can match the real service without a rebuild.
 * Environment variables follow the usual mapping, e.g. {@code PORTAL_CLAUDIO_PATHS_SUBMIT}.
 */
@ConfigMapping(prefix = "portal.claudio")
public interface ClaudioConfig {

    Paths paths();

    Methods methods();

    Multipart multipart();

    Timeouts timeouts();

    Retry retry();

    Breaker breaker();

    /** Claudio's documented per-file limit for audio and video; checked before sending. */
    @WithDefault("250000000")
    long maxAudioBytes();

    /** Not documented by the vendor; assumed to be the same as for audio. */
    @WithDefault("250000000")
    long maxDocumentBytes();

    /** Where Poll goes: the documented template, or the {@code poll_endpoint} Submit returned. */
    @WithDefault("TEMPLATE")
    PollEndpointSource pollEndpointSource();

    /** Claudio's JSON answers are small; a bigger answer is refused rather than buffered. */
    @WithDefault("2097152")
    int maxAnswerBytes();

    /** Idle pooled connections are closed after this, before a vendor load balancer would. */
    @WithDefault("20s")
    Duration keepAliveTimeout();

    /**
     * Connections per tenant (account owner) and base URL, so tenants sharing Claudio's address never
     * wait for each other's; further concurrent calls of the tenant wait for a free one (up to the
     * connect timeout plus their own timeout). The default is the worker's calls one tenant may have
     * at once ({@code portal.worker.max-in-flight-per-tenant} 20 plus {@code priority-per-tenant} 4),
     * so a notice's poll never waits for a connection behind the tenant's other polls; keep it so.
     */
    @WithDefault("24")
    int maxConnectionsPerBaseUrl();

    /**
     * The slowest upload tolerated, in bytes per second over {@link #uploadRateWindow()}; slower
     * uploads are aborted as timeouts (and retried). It also sets an upload's deadline:
     * {@code timeouts.upload} plus the file's size divided by this rate. 0 turns the minimum off.
     */
    @WithDefault("262144")
    long uploadMinRate();

    /** The sliding window over which the upload rate is measured. */
    @WithDefault("10s")
    Duration uploadRateWindow();

    /** Paths below the tenant's base URL of the calls whose path the vendor does not document. */
    interface Paths {
        @WithDefault("/jobs/submit")
        String submit();

        @WithDefault("/audio/upload")
        String uploadAudio();

        @WithDefault("/documents/upload")
        String uploadDocument();
    }

    /** HTTP methods; the vendor documents none, POST fits calls that carry a body. */
    interface Methods {
        @WithDefault("POST")
        String submit();

        @WithDefault("POST")
        String uploadAudio();

        @WithDefault("POST")
        String uploadDocument();

        @WithDefault("POST")
        String poll();

        @WithDefault("POST")
        String details();
    }

    /** Form field names of the upload calls (undocumented). */
    interface Multipart {
        @WithDefault("key")
        String keyField();

        @WithDefault("secret")
        String secretField();

        @WithDefault("file")
        String audioFileField();

        @WithDefault("file")
        String documentFileField();
    }

    /**
     * The hard deadline of each attempt: waiting for a connection, sending, and reading the whole
     * answer (a server that trickles its answer is cut off at the deadline). Claudio documents an
     * expected Poll response time of 30 seconds, hence 60 s for Poll and Details. An upload's
     * deadline is {@code upload} plus its size divided by {@code upload-min-rate}.
     */
    interface Timeouts {
        @WithDefault("10s")
        Duration connect();

        @WithDefault("60s")
        Duration poll();

        @WithDefault("60s")
        Duration details();

        @WithDefault("60s")
        Duration submit();

        @WithDefault("2m")
        Duration upload();

        @WithDefault("45s")
        Duration check();
    }

    /** Retries of calls that are safe to repeat (never a Submit that may have arrived). */
    interface Retry {
        @WithDefault("2")
        int maxRetries();

        @WithDefault("1s")
        Duration initialBackoff();

        @WithDefault("10s")
        Duration maxBackoff();

        /**
         * No retry starts once a call is older than this, so a call takes at most its attempt
         * timeout plus this budget, however many retries are allowed.
         */
        @WithDefault("30s")
        Duration budget();
    }

    /** One circuit breaker per tenant and base URL (SmallRye Fault Tolerance semantics). */
    interface Breaker {
        /** Size of the rolling window of attempts the failure ratio is computed over. */
        @WithDefault("10")
        int requestVolumeThreshold();

        @WithDefault("0.5")
        double failureRatio();

        /** How long an open breaker refuses calls before letting trial calls through. */
        @WithDefault("30s")
        Duration delay();

        /** Successful trial calls needed to close it again. */
        @WithDefault("2")
        int successThreshold();
    }
}
