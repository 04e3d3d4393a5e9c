package com.claudioportal.tenant;

/** A member tried to use a tenant that the platform administrator has disabled. */
public class TenantDisabledException extends RuntimeException {

    private final String tenantName;

    public TenantDisabledException(String tenantName) {
        super("Tenant disabled");
        this.tenantName = tenantName;
    }

    public String tenantName() {
        return tenantName;
    }
}
