package com.claudioportal.job;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * A due time as people type it: a {@code datetime-local} value in UTC (the portal shows every time
 * in UTC), not in the past, within two years. Empty means "the profile's expected turnaround".
 */
public final class JobDue {

    /** What was typed, read: {@code at} null with no problem means "use the default". */
    public record Parsed(Instant at, String problem) {
    }

    static final DateTimeFormatter INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    private JobDue() {
    }

    public static Parsed parse(String value) {
        if (value == null || value.isBlank()) {
            return new Parsed(null, null);
        }
        Instant at;
        try {
            at = LocalDateTime.parse(value.trim().length() > 16 ? value.trim().substring(0, 16) : value.trim(), INPUT)
                    .toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return new Parsed(null, "Write the due date and time like 2026-03-14 09:30.");
        }
        Instant now = Instant.now();
        if (at.isBefore(now.minus(1, ChronoUnit.MINUTES))) {
            return new Parsed(null, "That time has passed. Choose a due time in the future, or leave it empty.");
        }
        if (at.isAfter(now.plus(Duration.ofDays(731)))) {
            return new Parsed(null, "Choose a due time within the next two years.");
        }
        return new Parsed(at, null);
    }

    /** The value for a {@code datetime-local} input. */
    public static String input(Instant at) {
        return at == null ? "" : INPUT.format(at.atOffset(ZoneOffset.UTC));
    }

    /** "2026-03-14 09:30 UTC", or "none". */
    public static String words(Instant at) {
        return at == null ? "none" : INPUT.format(at.atOffset(ZoneOffset.UTC)).replace('T', ' ') + " UTC";
    }

    /** "24 hours", "3 days", "90 minutes": what an empty due time means, in words. */
    public static String describe(Duration turnaround) {
        long minutes = turnaround.toMinutes();
        if (minutes % 1440 == 0 && minutes >= 2880) {
            return minutes / 1440 + " days";
        }
        if (minutes % 60 == 0) {
            return minutes / 60 == 1 ? "1 hour" : minutes / 60 + " hours";
        }
        return minutes + " minutes";
    }
}
