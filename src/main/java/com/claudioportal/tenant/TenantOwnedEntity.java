package com.claudioportal.tenant;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;

import org.hibernate.annotations.TenantId;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * Base of every entity that belongs to a tenant. Its {@code tenant_id} column is Hibernate's
 * tenant discriminator: filled on insert from the active tenant and added to every query, so no
 * code can read or write another tenant's rows through it. {@code TenantOwnershipTest} checks that
 * every entity either extends this or is on the short list of platform entities.
 */
@MappedSuperclass
public abstract class TenantOwnedEntity extends PanacheEntityBase {

    @TenantId
    @Column(name = "tenant_id")
    public String tenantId;
}
