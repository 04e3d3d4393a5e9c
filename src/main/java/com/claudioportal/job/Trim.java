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
}
