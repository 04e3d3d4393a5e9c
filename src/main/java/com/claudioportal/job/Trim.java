package com.claudioportal.job;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** HH:MM:SS times for trimming recordings, as Claudio's audio_start and audio_end take them. */
public final class Trim {

    /** Claudio's sample sends 00:00:00 for both: the whole file. */
    public static final String WHOLE = "00:00:00";

    private static final Pattern HMS = Pattern.compile("(\\d{1,2}):([0-5]\\d):([0-5]\\d)");

    private Trim() {
    }

    /** Seconds in a well-formed "HH:MM:SS" (hours may be one digit), or -1. */
    public static long seconds(String hms) {
        if (hms == null) {
            return -1;
        }
        Matcher m = HMS.matcher(hms.trim());
        if (!m.matches()) {
            return -1;
        }
        return Long.parseLong(m.group(1)) * 3600 + Long.parseLong(m.group(2)) * 60 + Long.parseLong(m.group(3));
    }

    public static String format(long seconds) {
        return String.format("%02d:%02d:%02d", seconds / 3600, (seconds % 3600) / 60, seconds % 60);
    }

    /** A length as people read it: 0:42, 12:00, 1:02:03. */
    public static String clock(long seconds) {
        long h = seconds / 3600;
        long m = (seconds % 3600) / 60;
        long s = seconds % 60;
        return h > 0 ? String.format("%d:%02d:%02d", h, m, s) : String.format("%d:%02d", m, s);
    }

    /**
     * The warning beside a recording whose trim reaches past its measured length ("This recording
     * is 0:42 long, shorter than the trim end 12:00."), or null. The form's script words it the same.
     */
    public static String note(Double durationSeconds, String start, String end) {
        if (durationSeconds == null || durationSeconds <= 0) {
            return null;
        }
        long length = (long) Math.ceil(durationSeconds);
        long endS = end == null || end.isBlank() ? -1 : seconds(end);
        long startS = start == null || start.isBlank() ? -1 : seconds(start);
        if (endS > length) {
            return "This recording is " + clock(length) + " long, shorter than the trim end " + clock(endS) + ".";
        }
        if (startS >= length) {
            return "This recording is " + clock(length) + " long, shorter than the trim start " + clock(startS) + ".";
        }
        return null;
    }
}
