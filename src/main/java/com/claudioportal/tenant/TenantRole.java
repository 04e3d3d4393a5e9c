package com.claudioportal.tenant;

/**
 * A member's role inside one tenant. Roles are per tenant and live in the portal's database;
 * only the platform administrator is an identity-provider role. Its words are {@link RoleMessages}'
 * {@code role_*}.
 */
public enum TenantRole {
    /** Submits and tracks the tenant's jobs. */
    STAFF,
    /** Staff rights plus credentials, profiles, members and the audit log. */
    TENANT_ADMIN,
    /** Read-only: job metadata and the audit log; never transcript content, never changes. */
    AUDITOR;

    /** Whether a member holding this role may use something that requires {@code required}. */
    public boolean grants(TenantRole required) {
        return this == required || this == TENANT_ADMIN;
    }

    public boolean grantsAny(TenantRole... required) {
        for (TenantRole r : required) {
            if (grants(r)) {
                return true;
            }
        }
        return false;
    }
}
