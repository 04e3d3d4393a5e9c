package com.claudioportal.web;

import java.net.URI;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

import com.claudioportal.forms.Flash;
import com.claudioportal.forms.Result;
import com.claudioportal.tenant.TenantContext;

/**
 * How a form post of a tenant page is answered once it is handled: a 303 to a page of the active tenant
 * (post/redirect/get, so a reload does not post again), with the flash saying what happened. Paths are
 * within the tenant: {@code to("/admin/members")} goes to {@code /t/{tenant}/admin/members}.
 */
@RequestScoped
public class SeeOther {

    @Inject
    Flash flash;

    @Inject
    TenantContext tenant;

    /** 303 to a page of the active tenant, without a message. */
    public Response to(String pathInTenant) {
        return Response.seeOther(URI.create(tenant.address(pathInTenant))).build();
    }

    /** 303 to a page of the active tenant, confirming what was done. */
    public Response success(String pathInTenant, String words) {
        flash.success(words);
        return to(pathInTenant);
    }

    /** 303 to a page of the active tenant, saying why what was asked did not happen (audited as failed). */
    public Response problem(String pathInTenant, String problem) {
        flash.problem(problem);
        return to(pathInTenant);
    }

    /** 303 to a page of the active tenant with the success words, or the problem when the outcome failed. */
    public Response done(String pathInTenant, Result<?> outcome, String success) {
        return outcome.ok() ? success(pathInTenant, success) : problem(pathInTenant, outcome.problem());
    }
}
