package com.claudioportal.turnaround;

import java.time.Instant;

import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import com.claudioportal.tenant.TenantRole;
import com.claudioportal.tenant.TenantRoles;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;

/** Turnaround at a glance, for tenant admins and auditors: charts drawn on the server (SVG), each with its data table. */
@Path("/t/{tenant}/turnaround")
@Authenticated
@TenantRoles({ TenantRole.TENANT_ADMIN, TenantRole.AUDITOR })
@Produces(MediaType.TEXT_HTML)
public class TurnaroundResource {

    @CheckedTemplate(basePath = "turnaround")
    static class Templates {
        static native TemplateInstance turnaround(TurnaroundReport.Report report);
    }

    @Inject
    TurnaroundReport report;

    @GET
    @Transactional
    public TemplateInstance page() {
        return Templates.turnaround(report.build(Instant.now()));
    }
}
