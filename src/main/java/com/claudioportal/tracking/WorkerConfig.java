package com.claudioportal.tracking;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the job engine moves jobs along and follows them at Claudio (docs/configuration.md, "Job engine"). */
@ConfigMapping(prefix = "portal.worker")
public interface WorkerConfig {

    /** Run the job dispatcher in this instance (env {@code PORTAL_WORKER_ENABLED}); several instances share the work safely. */
    @WithDefault("true")
    boolean enabled();

    /**
     * How often an idle dispatcher looks for due work on its own. Work that becomes due at once (a
     * new job, a webhook notice, "check now", a retry) wakes every instance immediately.
     */
    @WithDefault("1s")
    Duration every();

    /** Claudio calls (job steps) this instance runs at once, over all tenants. */
    @WithDefault("1000")
    int maxInFlight();

    /** Of those, at most this many for one tenant (normal lane), so no tenant crowds out the others. */
    @WithDefault("20")
    int maxInFlightPerTenant();

    /**
     * Slots kept free for the priority lane (webhook notices, "check now"): normal work never uses
     * them, so a notice is served within seconds even while polling is saturated.
     */
    @WithDefault("50")
    int priorityReserve();

    /** Priority-lane steps one tenant may have in flight, on top of its normal ones. */
    @WithDefault("4")
    int priorityPerTenant();

    /**
     * Threads that apply Claudio's answers to the database (short transactions; the rest of the
     * pool serves pages). Each poll needs two of their transactions, each a few round trips to
     * PostgreSQL: they wait on the database far more than they compute, so this sets how many polls
     * per second an instance can follow (docs/benchmarks.md, section 6).
     */
    @WithDefault("8")
    int applyThreads();

    /**
     * Normal-lane work waiting for an apply thread above which this instance claims no more normal
     * work (the priority lane is not held back): a step claimed but waiting here is as late as an
     * unclaimed one, and an unclaimed one can still be taken by an instance with room.
     */
    @WithDefault("100")
    int applyBacklogMax();

    /**
     * How long a worker holds a job without renewing its claim. The claim is renewed (every third
     * of this) for as long as this instance holds the job's step — waiting for an apply thread,
     * calling Claudio or applying the answer — and released when the step ends; a job whose holder
     * stopped (crash, kill, deploy) is picked up by another instance after this; a job that was
     * being submitted then needs a person's decision instead.
     */
    @WithDefault("60S")
    Duration lease();

    /**
     * How long the worker reuses a tenant's Claudio account (address, key, secret) read for polling
     * before reading it again. A change saved on any instance applies at once (every instance is told
     * through PostgreSQL NOTIFY); this only bounds how long a copy can outlive a notification an
     * instance missed without noticing (after a lost listening connection every copy is dropped).
     */
    @WithDefault("2M")
    Duration accountReuse();

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

    /** Polls of a job that fail this many times in a row flag it as stuck, with the reason. */
    @WithDefault("5")
    int stuckAfter();

    /** Transcript links older than this are refreshed (by polling) before a download. */
    @WithDefault("60S")
    Duration linkFreshness();

    /** The Claudio webhook receiver. */
    Webhook webhook();

    interface Webhook {
        /** Notices accepted per second and webhook address (token); more get 429. */
        @WithDefault("50")
        double perTokenRate();

        /** Notices accepted per second from one client address, over all tokens. */
        @WithDefault("2000")
        double perAddressRate();

        /** How many seconds' worth of notices may arrive at once before the rates apply. */
        @WithDefault("10")
        double burstSeconds();

        /** Known webhook tokens are remembered this long (a regenerated token stops working within it). */
        @WithDefault("60S")
        Duration tokenCacheTtl();

        /** Unknown tokens are remembered as unknown this long: a flood of bad addresses costs no database work. */
        @WithDefault("30S")
        Duration unknownTokenTtl();

        /** Repeat notices for one job within this window add no line to its timeline. */
        @WithDefault("5M")
        Duration timelineWindow();

        /** Notices written in one transaction at most. */
        @WithDefault("200")
        int batchMax();

        /**
         * Threads writing notices, each a transaction (a database connection) at a time: while one
         * waits for PostgreSQL, the others write the notices that arrived meanwhile.
         */
        @WithDefault("4")
        int writers();
    }
}
