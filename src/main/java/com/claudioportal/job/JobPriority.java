package com.claudioportal.job;

/**
 * How urgently a job's transcript is needed: the portal's own field (Claudio's Submit Job has
 * none). It orders the list, breaks ties in the engine's claims within a tenant (stat first) and
 * shows on the job page; Claudio never sees it. Its words are web.Messages' {@code priority_*}.
 */
public enum JobPriority {
    ROUTINE,
    URGENT,
    STAT;

    /** Bootstrap colour of the badge; routine jobs show none. */
    public String tone() {
        return switch (this) {
            case STAT -> "danger";
            case URGENT -> "warning";
            case ROUTINE -> "secondary";
        };
    }

    public boolean isRoutine() {
        return this == ROUTINE;
    }

    /** A form value, or null when it is none of ours. */
    public static JobPriority parse(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return valueOf(value.trim());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
