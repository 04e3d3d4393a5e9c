package com.claudioportal.audit;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The audit log's settings (docs/configuration.md). Keys: {@code PORTAL_AUDIT_KEYS} =
 * {@code id:base64,id:base64} (each 32 random bytes, e.g. {@code openssl rand -base64 32}),
 * {@code PORTAL_AUDIT_ACTIVE_KEY} = the id new events are signed with. Retired keys stay listed
 * for as long as events signed with them are kept: they are needed to verify them.
 */
@ConfigMapping(prefix = "portal.audit")
public interface AuditConfig {

    /** Comma-separated {@code id:base64} pairs. */
    Optional<String> keys();

    /** Id of the key new events are signed with; defaults to the only key when there is one. */
    Optional<String> activeKey();

    /** Where the heads of the chains are written, one JSON-lines file per chain (outside the database). */
    String anchorDir();

    /** How long repeated views of one job by one person count as one event (live view refreshes). */
    @WithDefault("5M")
    Duration viewCoalesce();

    /** One "access denied" event per person and chain in this window; the next one says how many were left out. */
    @WithDefault("1M")
    Duration denialWindow();

    /** Scheduled verification walks the whole chain when its last full walk is older than this. */
    @WithDefault("24H")
    Duration fullVerifyEvery();

    /** How often the heads that moved are anchored, e.g. {@code 5m}; {@code off} stops it (scheduler syntax). */
    @WithDefault("5m")
    String anchorEvery();

    /** How often the chains are verified (incrementally; fully once per {@link #fullVerifyEvery}). */
    @WithDefault("15m")
    String verifyEvery();

    /** When old events are purged (Quartz-style cron, {@code off} stops it). */
    @WithDefault("0 30 3 * * ?")
    String purgeCron();

    /** Default retention of a chain's events, in years, until the platform admin sets another. */
    @WithDefault("6")
    int retentionYears();
}
