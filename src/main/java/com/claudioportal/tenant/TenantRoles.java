package com.claudioportal.tenant;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares which tenant roles may use a resource under {@code /t/{tenant}/}. A tenant route
 * without this annotation is refused (deny by default); see {@link TenantAccessFilter}.
 * {@link TenantRole#TENANT_ADMIN} satisfies every requirement.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.TYPE, ElementType.METHOD })
public @interface TenantRoles {
    TenantRole[] value();
}
