package com.claudioportal.tracking;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the job worker moves jobs along and follows them at Claudio. */
@ConfigMapping(prefix = "portal.worker")
public interface WorkerConfig {

    /** Run the worker in this instance (env {@code PORTAL_WORKER_ENABLED}); several instances share the work safely. */
    @WithDefault("true")
    boolean enabled();

    /** How often the worker looks for due jobs (a new job also wakes it at once). */
    @WithDefault("2s")
    String every();

    /** Jobs taken per round. */
    @WithDefault("4")
    int batch();

    /**
     * How long a worker holds a job without renewing its claim. A job whose holder stopped (crash,
     * kill, deploy) is picked up by another worker after this; a job that was being submitted then
     * needs a person's decision instead.
     */
    @WithDefault("60S")
    Duration lease();

    /** First wait after a failure that may pass; doubled each time up to {@link #retryMax()}. */
    @WithDefault("10S")
    Duration retryBase();

    @WithDefault("15M")
    Duration retryMax();

    /** After this many failed attempts at sending, the job fails with the last reason (staff can try again). */
    @WithDefault("8")
    int maxAttempts();

    /** Time between polls of a submitted job; Claudio documents about 30 s per poll. */
    @WithDefault("30S")
    Duration pollInterval();

    /** Polls slow down to this for long-running jobs and while Claudio has trouble. */
    @WithDefault("5M")
    Duration pollMaxInterval();

    /** Transcript links older than this are refreshed (by polling) before a download. */
    @WithDefault("60S")
    Duration linkFreshness();
}
