package com.claudioportal.audit;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Records refused access: the error pages (package web, which knows nothing of the audit log) turn
 * a refusal into its 403 or 404 page; this filter sees that answer and the exception behind it and
 * hands it to {@link AccessDenials}. A 404 a resource answers itself without a refusal (e.g. a
 * change that failed) is the {@link AuditedInterceptor}'s, so it is not counted twice.
 */
public class RefusedAccessFilter {

    @Inject
    AccessDenials denials;

    @ServerResponseFilter
    public void recordRefusal(ContainerResponseContext response, UriInfo uri, ResourceInfo resource, Throwable thrown) {
        int status = response.getStatus();
        if (thrown != null && (status == 403 || status == 404) && AccessDenials.isDenial(thrown)) {
            denials.refused(status, uri, resource);
        }
    }
}
