package com.claudioportal.job;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

import com.claudioportal.forms.Words;
import com.claudioportal.web.JobMessages;

/**
 * A due time as people type it: a {@code datetime-local} value in the reader's time zone
 * (forms.TimeZoneChoice: their choice in My settings, else their browser's), not in the past, within
 * two years. Empty means "the profile's expected turnaround". Stored as an instant; the timeline
 * names it in UTC.
 */
public final class JobDue {

    /** What was typed, read: {@code at} null with no problem means "use the default". */
    public record Parsed(Instant at, String problem) {
    }

    static final DateTimeFormatter INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    private JobDue() {
    }

    /** A value typed by someone whose clock is in {@code zone} (a time the clocks skip is read as the first after it). */
    public static Parsed parse(String value, ZoneId zone) {
        if (value == null || value.isBlank()) {
            return new Parsed(null, null);
        }
        JobMessages words = Words.of(JobMessages.class);
        Instant at;
        try {
            at = LocalDateTime.parse(value.trim().length() > 16 ? value.trim().substring(0, 16) : value.trim(), INPUT)
                    .atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            return new Parsed(null, words.err_due_format());
        }
        Instant now = Instant.now();
        if (at.isBefore(now.minus(1, ChronoUnit.MINUTES))) {
            return new Parsed(null, words.err_due_past());
        }
        if (at.isAfter(now.plus(Duration.ofDays(731)))) {
            return new Parsed(null, words.err_due_far());
        }
        return new Parsed(at, null);
    }

    /** The value for a {@code datetime-local} input, on the clock of {@code zone}. */
    public static String input(Instant at, ZoneId zone) {
        return at == null ? "" : INPUT.format(at.atZone(zone));
    }

    /** The same in UTC. */
    public static String input(Instant at) {
        return input(at, ZoneOffset.UTC);
    }

    /** "2026-03-14 09:30 UTC", or "none". */
    public static String words(Instant at) {
        return at == null ? "none" : INPUT.format(at.atOffset(ZoneOffset.UTC)).replace('T', ' ') + " UTC";
    }

    /** "24 hours", "3 days", "90 minutes": what an empty due time means, in words. */
    public static String describe(Duration turnaround) {
        JobMessages words = Words.of(JobMessages.class);
        long minutes = turnaround.toMinutes();
        if (minutes % 1440 == 0 && minutes >= 2880) {
            return words.due_days(minutes / 1440);
        }
        if (minutes % 60 == 0) {
            return words.due_hours(minutes / 60);
        }
        return words.due_minutes(minutes);
    }
}
