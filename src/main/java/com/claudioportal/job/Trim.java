package com.claudioportal.job;

import com.claudioportal.forms.Words;
import com.claudioportal.web.ScriptMessages;
import com.claudioportal.claudio.ClipTime;

/**
 * Trimming recordings on the submit form. HH:MM:SS itself is read and written by
 * {@link ClipTime} (the one parser, shared with the Submit body); this adds the form's conventions.
 */
public final class Trim {

    /** Claudio's sample sends 00:00:00 for both: the whole file. */
    public static final String WHOLE = ClipTime.ZERO.toString();

    private Trim() {
    }

    /** Seconds in a well-formed "HH:MM:SS" (hours may be one digit), or -1. */
    public static long seconds(String hms) {
        return ClipTime.parse(hms).map(ClipTime::seconds).orElse(-1L);
    }

    public static String format(long seconds) {
        return new ClipTime(seconds).toString();
    }

    /** A length as people read it: 0:42, 12:00, 1:02:03. */
    public static String clock(long seconds) {
        return new ClipTime(seconds).clock();
    }

    /**
     * The warning beside a recording whose trim reaches past its measured length ("This recording
     * is 0:42 long, shorter than the trim end 12:00."), or null: the same message the form's script shows early.
     */
    public static String note(Double durationSeconds, String start, String end) {
        if (durationSeconds == null || durationSeconds <= 0) {
            return null;
        }
        long length = (long) Math.ceil(durationSeconds);
        long endS = end == null || end.isBlank() ? -1 : seconds(end);
        long startS = start == null || start.isBlank() ? -1 : seconds(start);
        if (endS > length) {
            return Words.of(ScriptMessages.class).trim_after_end(clock(length), clock(endS));
        }
        if (startS >= length) {
            return Words.of(ScriptMessages.class).trim_after_start(clock(length), clock(startS));
        }
        return null;
    }
}
