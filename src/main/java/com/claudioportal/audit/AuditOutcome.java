package com.claudioportal.audit;

/** How an attempted action ended; its words are AuditMessages' {@code outcome_*}. */
public enum AuditOutcome {
    SUCCESS,
    /** Tried, but refused by a rule or invalid input, or it failed; nothing changed. */
    FAILURE,
    /** The person may not do this or see this (403, 404). */
    DENIED;

    public boolean isSuccess() {
        return this == SUCCESS;
    }

    public boolean isDenied() {
        return this == DENIED;
    }
}
