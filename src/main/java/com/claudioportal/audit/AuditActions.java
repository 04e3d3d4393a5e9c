package com.claudioportal.audit;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every action the log records, with its group and the words the review pages use. Code that
 * records an action not listed here still works (grouped by its prefix, labelled by its code), and
 * {@code AuditCoverageTest} fails, so the catalogue stays complete.
 */
public final class AuditActions {

    public record Action(String code, AuditGroup group, String label) {
    }

    private static final Map<String, Action> ALL = new LinkedHashMap<>();

    static {
        // reads of health information and of the log itself
        add(AuditGroup.ACCESS, "job.viewed", "Job viewed");
        add(AuditGroup.ACCESS, "job.recording-played", "Recording played");
        add(AuditGroup.ACCESS, "job.transcript-opened", "Transcript opened");
        add(AuditGroup.ACCESS, "job.media-opened", "Processed media opened");
        add(AuditGroup.ACCESS, "profile.exported", "Profile exported");
        add(AuditGroup.ACCESS, "job.claudio-details-viewed", "Claudio's details of the job fetched");
        add(AuditGroup.ACCESS, "audit.viewed", "Audit log viewed");
        add(AuditGroup.ACCESS, "audit.exported", "Audit log exported");
        // changes
        add(AuditGroup.CHANGES, "tenant.created", "Tenant created");
        add(AuditGroup.CHANGES, "tenant.updated", "Tenant changed");
        add(AuditGroup.CHANGES, "tenant.disabled", "Tenant disabled");
        add(AuditGroup.CHANGES, "tenant.enabled", "Tenant enabled");
        add(AuditGroup.CHANGES, "member.added", "Member added");
        add(AuditGroup.CHANGES, "member.joined", "Member joined through the organization");
        add(AuditGroup.CHANGES, "member.role-changed", "Member's role changed");
        add(AuditGroup.CHANGES, "member.removed", "Member removed");
        add(AuditGroup.CHANGES, "profile.created", "Profile created");
        add(AuditGroup.CHANGES, "profile.imported", "Profile imported");
        add(AuditGroup.CHANGES, "profile.updated", "Profile changed");
        add(AuditGroup.CHANGES, "profile.disabled", "Profile disabled");
        add(AuditGroup.CHANGES, "profile.enabled", "Profile enabled");
        add(AuditGroup.CHANGES, "profile.turnaround-changed", "Profile's expected turnaround changed");
        add(AuditGroup.CHANGES, "preset.created", "Preset created");
        add(AuditGroup.CHANGES, "preset.updated", "Preset changed");
        add(AuditGroup.CHANGES, "preset.deleted", "Preset deleted");
        add(AuditGroup.CHANGES, "audit.retention-changed", "Audit retention changed");
        add(AuditGroup.CHANGES, "tenant.retention-changed", "Retention of job content changed");
        add(AuditGroup.CHANGES, "mail.retried", "Notification mail sent again");
        // security
        add(AuditGroup.SECURITY, "auth.signed-in", "Signed in");
        add(AuditGroup.SECURITY, "auth.signed-out", "Signed out");
        add(AuditGroup.SECURITY, "auth.session-expired", "Session expired");
        add(AuditGroup.SECURITY, "access.denied", "Access denied");
        add(AuditGroup.SECURITY, "connection.created", "Claudio connection created");
        add(AuditGroup.SECURITY, "connection.updated", "Claudio connection changed");
        add(AuditGroup.SECURITY, "connection.credentials-rotated", "Claudio key and secret replaced");
        add(AuditGroup.SECURITY, "connection.tested", "Claudio connection tested");
        add(AuditGroup.SECURITY, "connection.removed", "Claudio connection removed");
        add(AuditGroup.SECURITY, "connection.reencrypted", "Claudio credentials re-encrypted");
        add(AuditGroup.SECURITY, "encryption.reencrypted", "Stored secrets re-encrypted");
        add(AuditGroup.SECURITY, "webhook.created", "Webhook address created");
        add(AuditGroup.SECURITY, "webhook.regenerated", "Webhook address replaced");
        add(AuditGroup.SECURITY, "audit.verified", "Audit log verified");
        add(AuditGroup.SECURITY, "audit.purged", "Old audit events removed");
        // jobs
        add(AuditGroup.JOBS, "job.submitted", "Job submitted");
        add(AuditGroup.JOBS, "job.cancelled", "Job cancelled");
        add(AuditGroup.JOBS, "job.retried", "Job tried again");
        add(AuditGroup.JOBS, "job.resolved", "Job resolved after a lost answer");
        add(AuditGroup.JOBS, "job.linked", "Job linked to Claudio's job");
        add(AuditGroup.JOBS, "job.resubmitted", "Job submitted again");
        add(AuditGroup.JOBS, "job.checked", "Job checked at Claudio");
        add(AuditGroup.JOBS, "job.rescheduled", "Job's priority or due time changed");
        add(AuditGroup.JOBS, "job.content-erased", "Job's content erased");
        add(AuditGroup.JOBS, "upload.received", "File uploaded");
        add(AuditGroup.JOBS, "upload.discarded", "Uploaded file removed");
        add(AuditGroup.JOBS, "webhook.received", "Claudio notification received");
        add(AuditGroup.JOBS, "webhook.refused", "Claudio notifications refused");
    }

    private AuditActions() {
    }

    private static void add(AuditGroup group, String code, String label) {
        ALL.put(code, new Action(code, group, label));
    }

    public static boolean isKnown(String code) {
        return ALL.containsKey(code);
    }

    public static Map<String, Action> all() {
        return java.util.Collections.unmodifiableMap(ALL);
    }

    public static AuditGroup groupOf(String code) {
        Action a = ALL.get(code);
        if (a != null) {
            return a.group();
        }
        if (code.startsWith("job.") || code.startsWith("upload.")) {
            return AuditGroup.JOBS;
        }
        if (code.startsWith("auth.") || code.startsWith("access.") || code.startsWith("connection.") || code.startsWith("webhook.")) {
            return AuditGroup.SECURITY;
        }
        return AuditGroup.CHANGES;
    }

    public static String labelOf(String code) {
        Action a = ALL.get(code);
        return a != null ? a.label() : code;
    }
}
