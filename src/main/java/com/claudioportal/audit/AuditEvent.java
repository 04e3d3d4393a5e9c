package com.claudioportal.audit;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

import com.claudioportal.tenant.TenantOwnedEntity;

/**
 * One entry of a chain of the audit log: a tenant's, or the platform's ({@link AuditTrail#PLATFORM}).
 * Written only by {@link AuditTrail}; never changed.
 */
@Entity
@Immutable
@Table(name = "audit_event")
public class AuditEvent extends TenantOwnedEntity {

    @Id
    public Long id;

    public long seq;

    @Column(name = "occurred_at")
    public Instant occurredAt;

    /** E-mail address of the person, or "system", "claudio", "anonymous". */
    public String actor;

    @Column(name = "actor_subject")
    public String actorSubject;

    /** The person's role in the chain's tenant when they acted, PLATFORM_ADMIN, or SYSTEM. */
    @Column(name = "actor_role")
    public String actorRole;

    public String action;

    @Enumerated(EnumType.STRING)
    @Column(name = "action_group")
    public AuditGroup actionGroup;

    @Enumerated(EnumType.STRING)
    public AuditOutcome outcome;

    @Column(name = "target_type")
    public String targetType;

    @Column(name = "target_id")
    public String targetId;

    @Column(name = "client_ip")
    public String clientIp;

    @Column(name = "user_agent")
    public String userAgent;

    @Column(name = "request_id")
    public String requestId;

    /** JSON object with small facts; never a secret, a file name, a field value or transcript text. */
    public String details;

    @Column(name = "prev_mac")
    public String prevMac;

    public String mac;

    /** The key that signed it; null for events from before the chain was keyed (unkeyed SHA-256). */
    @Column(name = "key_id")
    public String keyId;

    /** The message key of the action (act_job_viewed), or null for a code the catalogue lacks (shown as it is): tags/auditaction.html. */
    public String actionKey() {
        return AuditActions.isKnown(action) ? "act_" + action.replace('.', '_').replace('-', '_') : null;
    }

    public String chain() {
        return tenantId;
    }
}
