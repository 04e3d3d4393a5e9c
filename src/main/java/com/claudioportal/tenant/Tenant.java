package com.claudioportal.tenant;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A clinic or firm. Platform-level: the tenant row itself is not scoped to a tenant. */
@Entity
@Table(name = "tenant")
public class Tenant extends PanacheEntityBase {

    /** Lower-case slug used in URLs ({@code /t/maple/...}); never changes. */
    @Id
    public String id;

    public String name;

    /** Alias of the identity provider's organization whose members become staff automatically. */
    @Column(name = "organization_alias")
    public String organizationAlias;

    public boolean enabled = true;

    /** Days a finished job's content is kept by the portal; null: until a tenant admin erases it. */
    @Column(name = "retention_days")
    public Integer retentionDays;

    @Column(name = "created_at")
    public Instant createdAt = Instant.now();

    @Column(name = "updated_at")
    public Instant updatedAt = Instant.now();
}
