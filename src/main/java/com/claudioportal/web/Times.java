package com.claudioportal.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import com.claudioportal.forms.TimeZoneChoice;

import io.quarkus.qute.RawString;
import io.quarkus.qute.TemplateExtension;

/**
 * The one way pages show a moment: {@code {job.createdAt.time}} gives
 * {@code <time datetime="…Z" title="2026-12-01 14:30 UTC">2026-12-01 09:30 EST</time>} in the reader's
 * zone ({@link TimeZoneChoice}) with the zone named and UTC in the tooltip; {@code timeWithSeconds}
 * adds the seconds (a job's timeline); {@code timeText} is the same words without markup (attributes).
 * Outside a request (mails, jobs run by the scheduler) the zone is UTC.
 */
@TemplateExtension
public final class Times {

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm zzz");
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss zzz");
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private Times() {
    }

    static RawString time(Instant at) {
        return element(at, MINUTES, zone());
    }

    static RawString timeWithSeconds(Instant at) {
        return element(at, SECONDS, zone());
    }

    /**
     * The same moment in UTC ("2026-12-01 14:30:12 UTC") for pages that show both (the audit log), or
     * empty when the reader's zone is UTC already.
     */
    static String alsoUtc(Instant at) {
        return at == null || zone().normalized().equals(ZoneOffset.UTC) ? "" : UTC.format(at);
    }

    static String timeText(Instant at) {
        return at == null ? "" : MINUTES.withLocale(Locale.ROOT).withZone(zone()).format(at);
    }

    /** The {@code <time>} element; every part is a formatted date, so nothing needs escaping. */
    static RawString element(Instant at, DateTimeFormatter format, ZoneId zone) {
        if (at == null) {
            return new RawString("—");
        }
        return new RawString("<time datetime=\"" + at + "\" title=\"" + UTC.format(at) + "\">"
                + format.withLocale(Locale.ROOT).withZone(zone).format(at) + "</time>");
    }

    private static ZoneId zone() {
        return TimeZoneChoice.current();
    }
}
