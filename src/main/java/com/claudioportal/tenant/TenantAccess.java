package com.claudioportal.tenant;

/** What the signed-in person may do in one tenant; the outcome of {@link TenantDirectory#accessTo}. */
public record TenantAccess(String tenantId, String tenantName, boolean tenantEnabled, TenantRole role) {
}
