package com.claudioportal.claudio;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A point in a recording as Claudio's {@code audio_start} and {@code audio_end} take it: HH:MM:SS
 * (docs/claudio.md §1.3, "Trim times"). The one place the portal reads and writes such times: the
 * submit form's trim fields, the Submit body, and the lengths Claudio reports. The form's script
 * (js/submit.js) checks {@link #PATTERN} in the browser too, as a hint; this class decides.
 */
public record ClipTime(long seconds) implements Comparable<ClipTime> {

    /** Claudio's sample sends 00:00:00 for both start and end: the whole file. */
    public static final ClipTime ZERO = new ClipTime(0);

    /**
     * What people may type and the portal sends: one or two digits of hours, two of minutes and
     * of seconds. js/submit.js carries the same pattern.
     */
    public static final Pattern PATTERN = Pattern.compile("(\\d{1,2}):([0-5]\\d):([0-5]\\d)");

    /**
     * What Claudio's answers may hold (e.g. {@code total_audio_length}): read tolerantly, as every
     * answer is, with any number of hours, one-digit minutes or seconds, and fractions of a second.
     */
    private static final Pattern LOOSE = Pattern.compile("(\\d+):([0-5]?\\d):([0-5]?\\d(?:\\.\\d+)?)");

    public ClipTime {
        if (seconds < 0) {
            throw new IllegalArgumentException("a clip time is never negative");
        }
    }

    /** A well-formed HH:MM:SS (surrounding spaces ignored), or empty for anything else, null included. */
    public static Optional<ClipTime> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = PATTERN.matcher(text.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new ClipTime(Long.parseLong(m.group(1)) * 3600 + Long.parseLong(m.group(2)) * 60
                + Long.parseLong(m.group(3))));
    }

    /** Seconds in an H:MM:SS(.fff) length Claudio reported, or null when it is not one. */
    static Double secondsInAnswer(String text) {
        Matcher m = LOOSE.matcher(text == null ? "" : text.strip());
        if (!m.matches()) {
            return null;
        }
        return Long.parseLong(m.group(1)) * 3600.0 + Long.parseLong(m.group(2)) * 60.0 + Double.parseDouble(m.group(3));
    }

    /** HH:MM:SS with two digits each (more for 100 hours or longer), as Claudio's sample writes it. */
    @Override
    public String toString() {
        return String.format("%02d:%02d:%02d", seconds / 3600, (seconds % 3600) / 60, seconds % 60);
    }

    /** As people read a length: 0:42, 12:00, 1:02:03. */
    public String clock() {
        long h = seconds / 3600;
        long m = (seconds % 3600) / 60;
        long s = seconds % 60;
        return h > 0 ? String.format("%d:%02d:%02d", h, m, s) : String.format("%d:%02d", m, s);
    }

    @Override
    public int compareTo(ClipTime other) {
        return Long.compare(seconds, other.seconds);
    }
}
