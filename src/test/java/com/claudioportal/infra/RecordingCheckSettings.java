package com.claudioportal.infra;

import java.time.Duration;
import java.util.Optional;

import com.claudioportal.upload.RecordingCheckConfig;

/**
 * The recording pre-check's settings for tests and benchmarks: the portal's defaults, with the
 * full-scan limit, the listening windows, the time limit and the concurrency adjustable.
 */
public record RecordingCheckSettings(Duration fullScanUpTo, int samples, Duration sampleLength, Duration timeout, int maxConcurrent)
        implements RecordingCheckConfig {

    public static RecordingCheckSettings defaults() {
        return new RecordingCheckSettings(Duration.ofMinutes(20), 8, Duration.ofSeconds(30), Duration.ofSeconds(60), 2);
    }

    public RecordingCheckSettings withFullScanUpTo(Duration limit) {
        return new RecordingCheckSettings(limit, samples, sampleLength, timeout, maxConcurrent);
    }

    public boolean enabled() {
        return true;
    }

    public Optional<String> ffmpeg() {
        return Optional.empty();
    }

    public double silenceThresholdDb() {
        return -50;
    }

    public Duration minSilence() {
        return Duration.ofSeconds(2);
    }

    public double mostlySilentRatio() {
        return 0.9;
    }
}
