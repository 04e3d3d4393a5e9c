package com.claudioportal.tenant;

import jakarta.enterprise.context.RequestScoped;

/**
 * The tenant the current request (or background task) acts for. Set in exactly two places:
 * {@link TenantAccessFilter} for web requests after checking membership, and
 * {@link TenantScope} for background work. Hibernate reads it through
 * {@link PortalTenantResolver}, so every query on a tenant-owned entity is scoped to it.
 */
@RequestScoped
public class TenantContext {

    /** Tenant id used when none is active: matches no row, so nothing tenant-owned is visible. */
    public static final String NONE = "-";

    private TenantAccess access;

    public boolean isActive() {
        return access != null;
    }

    public String tenantId() {
        return access == null ? NONE : access.tenantId();
    }

    /** The active access; fails loudly when code that needs a tenant runs without one. */
    public TenantAccess access() {
        if (access == null) {
            throw new IllegalStateException("No tenant is active for this request");
        }
        return access;
    }

    public String tenantName() {
        return access == null ? null : access.tenantName();
    }

    public TenantRole role() {
        return access == null ? null : access.role();
    }

    public boolean can(TenantRole required) {
        return access != null && access.role() != null && access.role().grants(required);
    }

    void enter(TenantAccess access) {
        this.access = access;
    }

    TenantAccess swap(TenantAccess next) {
        TenantAccess previous = this.access;
        this.access = next;
        return previous;
    }
}
