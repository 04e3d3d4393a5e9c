package com.claudioportal.audit;

import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;

import com.claudioportal.tenant.TenantContext;
import com.claudioportal.tenant.TenantRole;
import com.claudioportal.tenant.TenantRoles;

import io.quarkus.security.Authenticated;

/** Auditors and tenant admins review the tenant's audit log, export it and have it verified. */
@Path("/t/{tenant}/audit")
@Authenticated
@TenantRoles(TenantRole.AUDITOR)
@Produces(MediaType.TEXT_HTML)
public class AuditResource {

    @Inject
    AuditPages pages;

    @Inject
    TenantContext tenant;

    /** Newest first, {@value AuditQuery#PAGE_SIZE} at a time; {@code before}/{@code after} are sequence numbers. */
    @GET
    @Audited(value = "audit.viewed", target = "audit-log", id = "tenant", coalesce = true)
    public Response log(@RestPath String tenant, @BeanParam AuditFilter filter, @QueryParam("before") String before,
            @QueryParam("after") String after) {
        return pages.log(place(), filter, before, after);
    }

    @GET
    @Path("event")
    @Audited(value = "audit.viewed", target = "audit-log", id = "tenant", coalesce = true)
    public Response event(@RestPath String tenant, @QueryParam("id") Long id) {
        return pages.event(place(), id);
    }

    @GET
    @Path("export")
    @Produces("text/csv")
    @Audited(value = "audit.exported", target = "audit-log", id = "tenant")
    public Response export(@RestPath String tenant, @BeanParam AuditFilter filter) {
        return pages.export(place(), filter);
    }

    @POST
    @Path("verify")
    @Audited(value = "audit.verified", target = "audit-log", id = "tenant")
    public Response verify(@RestPath String tenant, @RestForm String mode) {
        return pages.verify(place(), mode);
    }

    private AuditPages.Place place() {
        return new AuditPages.Place(tenant.tenantId(), tenant.tenantName(), tenant.address("/audit"), tenant.address("/jobs"));
    }
}
