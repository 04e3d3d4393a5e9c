package com.claudioportal.audit;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One event to record, for {@link AuditTrail#write}: what happened, to what, how it ended and
 * small details. Who did it and where the request came from are filled in from the request
 * unless set here (background work, sign-in events, webhooks).
 */
public final class AuditEntry {

    final String action;
    String chain;
    String targetType;
    String targetId;
    AuditOutcome outcome = AuditOutcome.SUCCESS;
    Map<String, Object> details = new LinkedHashMap<>();
    AuditActor actor;
    AuditSource source;
    Duration coalesce;

    private AuditEntry(String action) {
        if (action == null || action.isBlank() || action.length() > 80) {
            throw new IllegalArgumentException("An audit action is a short code such as job.viewed");
        }
        this.action = action;
    }

    public static AuditEntry of(String action) {
        return new AuditEntry(action);
    }

    /** The tenant whose chain gets it ({@link AuditTrail#PLATFORM} for the platform); default: the active tenant. */
    public AuditEntry chain(String chain) {
        this.chain = chain;
        return this;
    }

    public AuditEntry target(String type, Object id) {
        this.targetType = type;
        this.targetId = id == null ? null : String.valueOf(id);
        return this;
    }

    public AuditEntry outcome(AuditOutcome outcome) {
        this.outcome = outcome;
        return this;
    }

    /** Numbers, booleans, codes and ids; never a secret or part of one, a file name, a field value or transcript text. */
    public AuditEntry details(Map<String, ?> details) {
        if (details != null) {
            this.details.putAll(details);
        }
        return this;
    }

    public AuditEntry detail(String key, Object value) {
        this.details.put(key, value);
        return this;
    }

    public AuditEntry actor(AuditActor actor) {
        this.actor = actor;
        return this;
    }

    public AuditEntry source(AuditSource source) {
        this.source = source;
        return this;
    }

    /**
     * Leaves it out when the same person recorded the same action on the same target in this chain
     * within {@code window} (e.g. a job page refreshed while it is open).
     */
    public AuditEntry coalesce(Duration window) {
        this.coalesce = window;
        return this;
    }

    public String action() {
        return action;
    }

    public String targetType() {
        return targetType;
    }
}
