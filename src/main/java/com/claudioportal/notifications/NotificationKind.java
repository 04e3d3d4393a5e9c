package com.claudioportal.notifications;

import com.claudioportal.job.JobState;
import com.claudioportal.settings.UserSettings;

/** What a notification is about. Words only about the event, never about the job's content. */
public enum NotificationKind {
    COMPLETED("is ready", "A transcript is ready", "success"),
    FAILED("failed", "A job failed", "danger"),
    NEEDS_ATTENTION("needs attention", "A job needs attention", "warning"),
    LATE("is past its due time", "A job is past its due time", "danger");

    private final String verb;
    private final String title;
    private final String tone;

    NotificationKind(String verb, String title, String tone) {
        this.verb = verb;
        this.title = title;
        this.tone = tone;
    }

    /** "is ready": as in "A job in Maple Clinic is ready". */
    public String verb() {
        return verb;
    }

    public String title() {
        return title;
    }

    public String tone() {
        return tone;
    }

    public boolean isLate() {
        return this == LATE;
    }

    /** The kind a job's move into {@code state} announces, or null when it announces nothing. */
    public static NotificationKind of(JobState state) {
        return switch (state) {
            case COMPLETED -> COMPLETED;
            case FAILED -> FAILED;
            case NEEDS_ATTENTION -> NEEDS_ATTENTION;
            default -> null;
        };
    }

    /** Whether the person asked for e-mails about this kind. */
    public boolean wanted(UserSettings s) {
        return switch (this) {
            case COMPLETED -> s.mailCompleted;
            case FAILED -> s.mailFailed;
            case NEEDS_ATTENTION -> s.mailAttention;
            case LATE -> s.mailLate;
        };
    }
}
