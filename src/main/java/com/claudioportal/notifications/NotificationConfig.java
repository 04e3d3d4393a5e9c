package com.claudioportal.notifications;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code portal.notifications.*}: the mail outbox, the daily digest and the late alerts (docs/configuration.md). */
@ConfigMapping(prefix = "portal.notifications")
public interface NotificationConfig {

    /** Whether this instance sends the outbox's mails (safe on several: claims and leases). */
    @WithDefault("true")
    boolean senderEnabled();

    /** How often the sender looks for mail to send (it is also woken when a mail is written here). */
    @WithDefault("5s")
    Duration sendEvery();

    /** Mails claimed at once. */
    @WithDefault("20")
    int batch();

    /** How long a claim on a mail lasts (longer than the slowest SMTP conversation). */
    @WithDefault("2M")
    Duration lease();

    /** Tries before a mail is given up on and shown to the tenant admins as failed. */
    @WithDefault("6")
    int maxAttempts();

    /** Backoff after a failed try: doubled each time up to {@link #retryMax()}. */
    @WithDefault("30S")
    Duration retryBase();

    @WithDefault("1H")
    Duration retryMax();

    /** Hour of the day (UTC) the daily digests are written. */
    @WithDefault("7")
    int digestHour();

    /** How often the late-alert scan runs. */
    @WithDefault("60s")
    Duration lateScanEvery();
}
