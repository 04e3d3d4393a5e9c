package com.claudioportal.tenant;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import com.claudioportal.audit.AuditEvent;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;

/** A tenant's home page. */
@Path("/t/{tenant}")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class DashboardResource {

    @CheckedTemplate(basePath = "tenant")
    static class Templates {
        static native TemplateInstance dashboard(long members, List<AuditEvent> recentActivity);
    }

    @Inject
    TenantContext tenant;

    @GET
    @TenantRoles({ TenantRole.STAFF, TenantRole.AUDITOR })
    public TemplateInstance dashboard() {
        long members = Membership.count("revoked = false");
        List<AuditEvent> recent = tenant.can(TenantRole.AUDITOR)
                ? AuditEvent.find("order by seq desc").page(0, 5).list()
                : List.of();
        return Templates.dashboard(members, recent);
    }
}
