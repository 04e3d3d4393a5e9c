package com.claudioportal.retention;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code portal.retention.*}: the platform's bounds for the tenants' retention periods, and the purge. */
@ConfigMapping(prefix = "portal.retention")
public interface RetentionConfig {

    /** Shortest retention period a tenant admin may choose, in days. */
    @WithDefault("1")
    int minDays();

    /** Longest retention period a tenant admin may choose, in days (ten years). */
    @WithDefault("3650")
    int maxDays();

    /** How often the purge looks for jobs past their tenant's retention period. */
    @WithDefault("1h")
    Duration purgeEvery();

    /** Jobs erased per purge run at most (the rest follow in the next run). */
    @WithDefault("500")
    int batch();
}
