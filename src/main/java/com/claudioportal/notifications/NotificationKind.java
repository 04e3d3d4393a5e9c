package com.claudioportal.notifications;

import com.claudioportal.job.JobState;
import com.claudioportal.settings.UserSettings;

/**
 * What a notification is about. Words only about the event, never about the job's content: web.Messages'
 * {@code kind_*} ("A transcript is ready") and the mails' sentence by kind ("A job in Maple Clinic is ready").
 */
public enum NotificationKind {
    COMPLETED("success"),
    FAILED("danger"),
    NEEDS_ATTENTION("warning"),
    LATE("danger");

    private final String tone;

    NotificationKind(String tone) {
        this.tone = tone;
    }

    /** Bootstrap colour of the notification's badge. */
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
