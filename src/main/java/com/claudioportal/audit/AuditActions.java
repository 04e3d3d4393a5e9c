package com.claudioportal.audit;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every action the log records, with its group; its words are AuditMessages' {@code act_<code>}
 * (MessagesFrenchTest checks each has them). Code that records an action not listed here still works
 * (grouped by its prefix, shown by its code), and {@code AuditCoverageTest} fails, so the catalogue
 * stays complete.
 */
public final class AuditActions {

    private static final Map<String, AuditGroup> ALL = new LinkedHashMap<>();

    static {
        // reads of health information and of the log itself
        add(AuditGroup.ACCESS, "job.viewed");
        add(AuditGroup.ACCESS, "job.recording-played");
        add(AuditGroup.ACCESS, "job.transcript-opened");
        add(AuditGroup.ACCESS, "job.media-opened");
        add(AuditGroup.ACCESS, "profile.exported");
        add(AuditGroup.ACCESS, "job.claudio-details-viewed");
        add(AuditGroup.ACCESS, "audit.viewed");
        add(AuditGroup.ACCESS, "audit.exported");
        // changes
        add(AuditGroup.CHANGES, "tenant.created");
        add(AuditGroup.CHANGES, "tenant.updated");
        add(AuditGroup.CHANGES, "tenant.disabled");
        add(AuditGroup.CHANGES, "tenant.enabled");
        add(AuditGroup.CHANGES, "member.added");
        add(AuditGroup.CHANGES, "member.joined");
        add(AuditGroup.CHANGES, "member.role-changed");
        add(AuditGroup.CHANGES, "member.removed");
        add(AuditGroup.CHANGES, "profile.created");
        add(AuditGroup.CHANGES, "profile.imported");
        add(AuditGroup.CHANGES, "profile.updated");
        add(AuditGroup.CHANGES, "profile.disabled");
        add(AuditGroup.CHANGES, "profile.enabled");
        add(AuditGroup.CHANGES, "profile.turnaround-changed");
        add(AuditGroup.CHANGES, "preset.created");
        add(AuditGroup.CHANGES, "preset.updated");
        add(AuditGroup.CHANGES, "preset.deleted");
        add(AuditGroup.CHANGES, "audit.retention-changed");
        add(AuditGroup.CHANGES, "tenant.retention-changed");
        add(AuditGroup.CHANGES, "mail.retried");
        // security
        add(AuditGroup.SECURITY, "auth.signed-in");
        add(AuditGroup.SECURITY, "auth.signed-out");
        add(AuditGroup.SECURITY, "auth.session-expired");
        add(AuditGroup.SECURITY, "access.denied");
        add(AuditGroup.SECURITY, "connection.created");
        add(AuditGroup.SECURITY, "connection.updated");
        add(AuditGroup.SECURITY, "connection.credentials-rotated");
        add(AuditGroup.SECURITY, "connection.tested");
        add(AuditGroup.SECURITY, "connection.removed");
        add(AuditGroup.SECURITY, "connection.reencrypted");
        add(AuditGroup.SECURITY, "encryption.reencrypted");
        add(AuditGroup.SECURITY, "webhook.created");
        add(AuditGroup.SECURITY, "webhook.regenerated");
        add(AuditGroup.SECURITY, "audit.verified");
        add(AuditGroup.SECURITY, "audit.purged");
        // jobs
        add(AuditGroup.JOBS, "job.submitted");
        add(AuditGroup.JOBS, "job.cancelled");
        add(AuditGroup.JOBS, "job.retried");
        add(AuditGroup.JOBS, "job.resolved");
        add(AuditGroup.JOBS, "job.linked");
        add(AuditGroup.JOBS, "job.resubmitted");
        add(AuditGroup.JOBS, "job.checked");
        add(AuditGroup.JOBS, "job.rescheduled");
        add(AuditGroup.JOBS, "job.content-erased");
        add(AuditGroup.JOBS, "upload.received");
        add(AuditGroup.JOBS, "upload.discarded");
        add(AuditGroup.JOBS, "webhook.received");
        add(AuditGroup.JOBS, "webhook.refused");
    }

    private AuditActions() {
    }

    private static void add(AuditGroup group, String code) {
        ALL.put(code, group);
    }

    public static boolean isKnown(String code) {
        return ALL.containsKey(code);
    }

    public static Map<String, AuditGroup> all() {
        return java.util.Collections.unmodifiableMap(ALL);
    }

    public static AuditGroup groupOf(String code) {
        AuditGroup group = ALL.get(code);
        if (group != null) {
            return group;
        }
        if (code.startsWith("job.") || code.startsWith("upload.")) {
            return AuditGroup.JOBS;
        }
        if (code.startsWith("auth.") || code.startsWith("access.") || code.startsWith("connection.") || code.startsWith("webhook.")) {
            return AuditGroup.SECURITY;
        }
        return AuditGroup.CHANGES;
    }
}
