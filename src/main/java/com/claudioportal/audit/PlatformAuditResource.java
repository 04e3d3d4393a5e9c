package com.claudioportal.audit;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;

import com.claudioportal.forms.Flash;
import com.claudioportal.forms.Result;
import com.claudioportal.tenant.CurrentUser;
import com.claudioportal.tenant.Tenant;
import com.claudioportal.forms.Words;

import io.quarkus.panache.common.Sort;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The platform admin's audit pages: the platform's own events, every tenant's retention and last
 * verification, and any tenant's log. Opening a tenant's log is recorded in that tenant's log.
 */
@Path("/platform/audit")
@RolesAllowed(CurrentUser.PLATFORM_ADMIN_ROLE)
@Produces(MediaType.TEXT_HTML)
public class PlatformAuditResource {

    /** A tenant on the overview: retention and the last verification of its log. */
    public record TenantRow(Tenant tenant, int retentionYears, AuditVerifier.Checkpoint lastVerification) {
    }

    @CheckedTemplate(basePath = "audit")
    static class Templates {
        static native TemplateInstance platform(List<TenantRow> tenants, AuditProtection.Status protection, String activeKey,
                List<String> keys, int defaultYears, AuditVerifier.Checkpoint platformVerification);
    }

    @Inject
    AuditPages pages;

    @Inject
    AuditRetention retention;

    @Inject
    AuditVerifier verifier;

    @Inject
    AuditProtection protection;

    @Inject
    AuditKeys keys;

    @Inject
    AuditConfig config;

    @Inject
    Flash flash;

    @GET
    public TemplateInstance overview() {
        List<TenantRow> rows = new ArrayList<>();
        for (Tenant t : Tenant.<Tenant> listAll(Sort.by("name"))) {
            rows.add(new TenantRow(t, retention.yearsOf(t.id), verifier.last(t.id).orElse(null)));
        }
        return Templates.platform(rows, protection.status(), keys.activeKeyId(), List.copyOf(keys.keyIds()), config.retentionYears(),
                verifier.last(AuditTrail.PLATFORM).orElse(null));
    }

    @GET
    @Path("platform")
    @Audited(value = "audit.viewed", target = "audit-log", coalesce = true)
    public Response platformLog(@BeanParam AuditFilter filter, @QueryParam("before") String before, @QueryParam("after") String after) {
        return pages.log(platformPlace(), filter, before, after);
    }

    @GET
    @Path("platform/event")
    @Audited(value = "audit.viewed", target = "audit-log", coalesce = true)
    public Response platformEvent(@QueryParam("id") Long id) {
        return pages.event(platformPlace(), id);
    }

    @GET
    @Path("platform/export")
    @Produces("text/csv")
    @Audited(value = "audit.exported", target = "audit-log")
    public Response platformExport(@BeanParam AuditFilter filter) {
        return pages.export(platformPlace(), filter);
    }

    @POST
    @Path("platform/verify")
    @Audited(value = "audit.verified", target = "audit-log")
    public Response platformVerify(@RestForm String mode) {
        return pages.verify(platformPlace(), mode);
    }

    @GET
    @Path("tenants/{id}")
    @Audited(value = "audit.viewed", target = "audit-log", id = "id", chainParam = "id", coalesce = true)
    public Response tenantLog(@RestPath("id") String tenantId, @BeanParam AuditFilter filter, @QueryParam("before") String before,
            @QueryParam("after") String after) {
        return pages.log(tenantPlace(tenantId), filter, before, after);
    }

    @GET
    @Path("tenants/{id}/event")
    @Audited(value = "audit.viewed", target = "audit-log", id = "id", chainParam = "id", coalesce = true)
    public Response tenantEvent(@RestPath("id") String tenantId, @QueryParam("id") Long id) {
        return pages.event(tenantPlace(tenantId), id);
    }

    @GET
    @Path("tenants/{id}/export")
    @Produces("text/csv")
    @Audited(value = "audit.exported", target = "audit-log", id = "id", chainParam = "id")
    public Response tenantExport(@RestPath("id") String tenantId, @BeanParam AuditFilter filter) {
        return pages.export(tenantPlace(tenantId), filter);
    }

    @POST
    @Path("tenants/{id}/verify")
    @Audited(value = "audit.verified", target = "audit-log", id = "id", chainParam = "id")
    public Response tenantVerify(@RestPath("id") String tenantId, @RestForm String mode) {
        return pages.verify(tenantPlace(tenantId), mode);
    }

    /** Years to keep the tenant's events; the change is recorded in the tenant's log. */
    @POST
    @Path("tenants/{id}/retention")
    @Audited(value = "audit.retention-changed", target = "audit-log", id = "id", chainParam = "id")
    public Response setRetention(@RestPath("id") String tenantId, @RestForm String years) {
        Tenant t = tenant(tenantId);
        Result<Integer> set = retention.setYears(t.id, years);
        if (set.ok()) {
            flash.success(Words.of(AuditMessages.class).msg_retention_saved(t.name, String.valueOf(set.value())));
        } else {
            flash.problem(set.problem());
        }
        return Response.seeOther(URI.create("/platform/audit")).build();
    }

    private AuditPages.Place platformPlace() {
        // no heading: the pages name the platform in the reader's language
        return new AuditPages.Place(AuditTrail.PLATFORM, null, "/platform/audit/platform", null);
    }

    private AuditPages.Place tenantPlace(String tenantId) {
        Tenant t = tenant(tenantId);
        return new AuditPages.Place(t.id, t.name, "/platform/audit/tenants/" + t.id, null);
    }

    private static Tenant tenant(String id) {
        return Tenant.<Tenant> findByIdOptional(id).orElseThrow(NotFoundException::new);
    }
}
