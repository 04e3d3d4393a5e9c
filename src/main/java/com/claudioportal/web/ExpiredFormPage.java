package com.claudioportal.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;

/**
 * The CSRF filter refuses a form whose token does not match (typically a page left open past the
 * token's lifetime) with an empty 400. Turn that into a page that says what happened and what to
 * do, like every other error.
 */
public class ExpiredFormPage {

    @Location("web/error.html")
    Template error;

    @ServerResponseFilter
    public void explain(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getStatus() != 400 || response.hasEntity() || "GET".equals(request.getMethod())) {
            return;
        }
        boolean wantsHtml = request.getAcceptableMediaTypes().stream().anyMatch(t -> t.isCompatible(MediaType.TEXT_HTML_TYPE)
                && !t.isWildcardType());
        if (wantsHtml) {
            response.setEntity(error.data("status", 400).data("title", "This form has expired")
                    .data("message", "For your security, forms stop working after a while or when you sign in again. "
                            + "Nothing was saved. Go back, reload the page, and submit again.")
                    .data("reference", null).render(), null, MediaType.TEXT_HTML_TYPE);
        } else {
            response.setEntity("{\"error\":\"The page has expired. Reload it and try again; nothing was saved.\"}", null,
                    MediaType.APPLICATION_JSON_TYPE);
        }
    }
}
