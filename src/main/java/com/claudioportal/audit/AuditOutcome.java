package com.claudioportal.audit;

/** How an attempted action ended. */
public enum AuditOutcome {
    SUCCESS("Done"),
    /** Tried, but refused by a rule or invalid input, or it failed; nothing changed. */
    FAILURE("Failed"),
    /** The person may not do this or see this (403, 404). */
    DENIED("Denied");

    private final String label;

    AuditOutcome(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean isSuccess() {
        return this == SUCCESS;
    }

    public boolean isDenied() {
        return this == DENIED;
    }
}
