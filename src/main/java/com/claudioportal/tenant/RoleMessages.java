package com.claudioportal.tenant;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The words of the roles a person acts in: a tenant's ({@link TenantRole}), and the platform admin's
 * and the system's that the audit log also names. Here, on the floor both the page shell (web) and the
 * audit pages stand on, so each role is worded once: {@code {rolemsg:message(str:concat('role_', r.name))}}
 * in a template, {@code forms.Words.of(RoleMessages.class)} in Java. French in messages/rolemsg_fr.properties.
 */
@MessageBundle(value = "rolemsg", locale = "en")
public interface RoleMessages {

    @Message("Staff")
    String role_STAFF();

    @Message("Tenant admin")
    String role_TENANT_ADMIN();

    @Message("Auditor")
    String role_AUDITOR();

    @Message("Platform admin")
    String role_PLATFORM_ADMIN();

    @Message("System")
    String role_SYSTEM();
}
