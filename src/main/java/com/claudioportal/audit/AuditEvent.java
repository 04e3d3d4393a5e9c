package com.claudioportal.audit;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

import com.claudioportal.tenant.TenantOwnedEntity;

/** One entry of a tenant's audit log. Written only by {@link AuditTrail}; never changed. */
@Entity
@Immutable
@Table(name = "audit_event")
public class AuditEvent extends TenantOwnedEntity {

    @Id
    public Long id;


    public long seq;

    @Column(name = "occurred_at")
    public Instant occurredAt;

    public String actor;

    public String action;

    @Column(name = "target_type")
    public String targetType;

    @Column(name = "target_id")
    public String targetId;

    /** JSON object with what changed; never a secret, never health information. */
    public String details;

    @Column(name = "prev_hash")
    public String prevHash;

    public String hash;
}
