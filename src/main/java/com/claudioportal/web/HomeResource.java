package com.claudioportal.web;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.claudioportal.tenant.CurrentUser;
import com.claudioportal.tenant.TenantContext;
import com.claudioportal.tenant.TenantDirectory;
import com.claudioportal.tenant.TenantSummary;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;

/** The front door: sign-in for visitors, the tenant chooser for people in several tenants. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class HomeResource {

    @CheckedTemplate(basePath = "web")
    static class Templates {
        static native TemplateInstance welcome();

        static native TemplateInstance chooseTenant(List<TenantSummary> tenants, boolean emailMissing);
    }

    @Inject
    CurrentUser user;

    @Inject
    TenantDirectory directory;

    @GET
    @PermitAll
    public Response home() {
        if (!user.isAuthenticated()) {
            return Response.ok(Templates.welcome()).build();
        }
        List<TenantSummary> tenants = directory.tenantsOf(user.person());
        if (tenants.size() == 1 && !user.isPlatformAdmin()) {
            return Response.seeOther(URI.create(TenantContext.address(tenants.get(0).id(), ""))).build();
        }
        return Response.ok(Templates.chooseTenant(tenants, !user.hasEmail())).build();
    }

    /** Target of the "Sign in" button: being authenticated is the point; then go home. */
    @GET
    @Path("login")
    @Authenticated
    public Response login() {
        return Response.seeOther(URI.create("/")).build();
    }
}
