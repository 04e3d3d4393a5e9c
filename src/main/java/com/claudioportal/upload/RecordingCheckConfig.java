package com.claudioportal.upload;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The recording pre-check ({@link RecordingCheck}): what counts as silence, and how much work one
 * recording may cost. Every key can be set as an environment variable, e.g.
 * {@code PORTAL_UPLOADS_RECORDING_CHECK_FFMPEG=/usr/bin/ffmpeg}.
 */
@ConfigMapping(prefix = "portal.uploads.recording-check")
public interface RecordingCheckConfig {

    /** Whether recordings are checked at all; off, uploads carry no length or silence measure beyond what the JDK reads from WAV. */
    @WithDefault("true")
    boolean enabled();

    /**
     * The ffmpeg to run. Empty: the one inside JAVE's native jar (ffmpeg 4.4.1), unpacked once into
     * {@code java.io.tmpdir}. An operator who keeps a current ffmpeg (security fixes) names it here.
     */
    Optional<String> ffmpeg();

    /** Sound quieter than this (dBFS) is silence. Room noise of a quiet office is around -60 dB, speech -30 to -15 dB. */
    @WithDefault("-50")
    double silenceThresholdDb();

    /** Only quiet stretches at least this long count as silence (pauses between words do not). */
    @WithDefault("2S")
    Duration minSilence();

    /** A recording whose measured share of silence reaches this is "mostly silent". */
    @WithDefault("0.9")
    double mostlySilentRatio();

    /** Recordings up to this long are listened to in full; longer ones in {@link #samples()} evenly spread windows. */
    @WithDefault("20M")
    Duration fullScanUpTo();

    /** How many windows of a long recording are measured. */
    @WithDefault("8")
    int samples();

    /** The length of each window. */
    @WithDefault("30S")
    Duration sampleLength();

    /** The most one check may take (a stuck ffmpeg is stopped; the upload goes on without the measure). */
    @WithDefault("60S")
    Duration timeout();

    /** Checks at once in this instance (each is one ffmpeg process on one core); more wait for a free slot. */
    @WithDefault("2")
    int maxConcurrent();
}
