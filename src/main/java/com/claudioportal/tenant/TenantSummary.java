package com.claudioportal.tenant;

/** A tenant the signed-in person belongs to, for the tenant switcher and the home page. */
public record TenantSummary(String id, String name, TenantRole role) {
}
