package com.claudioportal.audit;

import java.util.List;

import com.claudioportal.forms.FormErrors;
import com.claudioportal.forms.Words;

/**
 * What the audit pages show, for a tenant's log (to its auditors and admins, or to the platform
 * admin) or the platform's own: the filters and their problems, a page of events, the last
 * verification, the activity chart, and where links go; {@code problem} says why a paging link
 * that was not understood gave the newest entries instead (null when it was).
 */
public record AuditView(String heading, String base, String jobBase, AuditFilter filter, FormErrors errors, AuditQuery.Page page,
        AuditVerifier.Checkpoint lastVerification, ActivityChart chart, String problem) {

    public List<AuditGroup> groups() {
        return List.of(AuditGroup.values());
    }

    public List<AuditOutcome> outcomes() {
        return List.of(AuditOutcome.values());
    }

    /** Appends the filters to a link that already has a query string (or not). */
    public String withFilters(String link) {
        String q = filter.query();
        return q.isEmpty() ? link : link + (link.contains("?") ? "&" : "?") + q;
    }

    /** The target's kind in the reader's words ("person", « personne »). */
    public String targetKind(AuditEvent e) {
        return ReadableDetails.targetKind(e.targetType, Words.of(AuditMessages.class));
    }

    public String target(AuditEvent e) {
        return targetShown(e);
    }

    /** Where a target's id links to: the job page for jobs (for members of the tenant), else nowhere. */
    public String targetLink(AuditEvent e) {
        return jobBase != null && "job".equals(e.targetType) && e.targetId != null && e.targetId.matches("\\d+")
                ? jobBase + "/" + e.targetId : null;
    }

    public String summary(AuditEvent e) {
        return ReadableDetails.summary(e.details);
    }

    public List<ReadableDetails.Line> details(AuditEvent e) {
        return ReadableDetails.of(e.details);
    }

    /** The message key of the actor's role (role_STAFF of tenant.RoleMessages), or null when there is none or it is not one the pages name. */
    public String roleKey(AuditEvent e) {
        return e.actorRole != null && ROLES.contains(e.actorRole) ? "role_" + e.actorRole : null;
    }

    static final java.util.Set<String> ROLES = java.util.Set.of("STAFF", "TENANT_ADMIN", "AUDITOR", "PLATFORM_ADMIN", "SYSTEM");

    public String role(AuditEvent e) {
        return ReadableDetails.roleLabel(e.actorRole);
    }

    public String time(AuditEvent e) {
        return e.occurredAt.toString().substring(0, 19).replace('T', ' ');
    }

    /** The target as shown: events from before the keyed log named webhook addresses by their last characters. */
    static String targetShown(AuditEvent e) {
        if (e.targetId == null) {
            return null;
        }
        if ("webhook".equals(e.targetType) && e.targetId.startsWith("\u2022")) {
            return "(not shown)";
        }
        return e.targetId;
    }
}
