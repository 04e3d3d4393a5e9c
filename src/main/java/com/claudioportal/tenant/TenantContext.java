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
    /** What the filter entered for the signed-in member; background work (TenantScope) swaps in others. */
    private TenantAccess entered;

    public boolean isActive() {
        return access != null;
    }

    public String tenantId() {
        return access == null ? NONE : access.tenantId();
    }

    /**
     * The address of a page of the active tenant: {@code address("/admin/members")} is
     * {@code /t/maple/admin/members}, {@code address("")} the tenant's home. Every tenant address is built here.
     */
    public String address(String pathInTenant) {
        return address(tenantId(), pathInTenant);
    }

    /** The address of a page of the given tenant (one that is not active, e.g. for a mail or the home redirect). */
    public static String address(String tenantId, String pathInTenant) {
        return "/t/" + tenantId + pathInTenant;
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

    /**
     * The signed-in person's own role in the active tenant, or null while background work
     * ({@link TenantScope}) acts in a tenant on the person's behalf. The audit log records it.
     */
    public TenantRole memberRole() {
        return access != null && access == entered ? access.role() : null;
    }

    void enter(TenantAccess access) {
        this.access = access;
        this.entered = access;
    }

    TenantAccess swap(TenantAccess next) {
        TenantAccess previous = this.access;
        this.access = next;
        return previous;
    }
}
