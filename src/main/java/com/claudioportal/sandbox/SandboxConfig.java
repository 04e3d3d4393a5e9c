package com.claudioportal.sandbox;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The in-app Claudio simulator (docs/claudio.md, "Sandbox"). Off unless enabled: in production its
 * routes are not even registered. Environment variables follow the usual mapping, e.g.
 * {@code PORTAL_SANDBOX_ENABLED}, {@code PORTAL_SANDBOX_CONTROL_TOKEN}.
 */
@ConfigMapping(prefix = "portal.sandbox")
public interface SandboxConfig {

    @WithDefault("false")
    boolean enabled();

    /** Where the sandbox is mounted; each account's base URL is {@code <public-url><path>/<slug>}. */
    @WithDefault("/sandbox/claudio")
    String path();

    /** How callers reach this portal, e.g. https://portal.example; default http://localhost:<actual port>. */
    Optional<String> publicUrl();

    /** Uploaded and generated files. */
    @WithDefault("${PORTAL_DATA_DIR:data}/sandbox")
    String storageDir();

    /** Bearer token of the JSON control endpoint; generated at start (and never shown) when absent. */
    Optional<String> controlToken();

    /** HMAC key of download links; generated at start when absent (links then end with a restart). */
    Optional<String> linkSigningKey();

    /** How long a download link works after Poll or Get Job Details issued it (accounts may override). */
    @WithDefault("10m")
    Duration linkLifetime();

    /** Processing time of a job for accounts created without one. */
    @WithDefault("20s")
    Duration defaultProcessingTime();

    /** Time allowed for a webhook notification. */
    @WithDefault("5s")
    Duration webhookTimeout();

    /** Claudio's documented per-file limit for audio. */
    @WithDefault("250000000")
    long maxAudioBytes();

    /** Not documented by the vendor; assumed equal to the audio limit. */
    @WithDefault("250000000")
    long maxDocumentBytes();

    Paths paths();

    /** Paths of the undocumented calls below an account's base URL; the client's defaults. */
    interface Paths {
        @WithDefault("/jobs/submit")
        String submit();

        @WithDefault("/audio/upload")
        String uploadAudio();

        @WithDefault("/documents/upload")
        String uploadDocument();
    }
}
