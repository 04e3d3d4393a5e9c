package com.claudioportal.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import com.claudioportal.forms.Words;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.vertx.core.json.JsonObject;

/**
 * The CSRF filter refuses a form whose token does not match (typically a page left open past the
 * token's lifetime) with an empty 400, and {@link SameOrigin} refuses one another site posted.
 * Turn both into a page that says what happened and what to do, like every other error.
 */
public class ExpiredFormPage {

    @Location("web/error.html")
    Template error;

    @ServerResponseFilter
    public void explain(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getStatus() != 400 || response.hasEntity() || "GET".equals(request.getMethod())) {
            return;
        }
        if (wantsHtml(request.getAcceptableMediaTypes())) {
            response.setEntity(page(400, first(request.getAcceptableLanguages())), null, MediaType.TEXT_HTML_TYPE);
        } else {
            response.setEntity(json(), null, MediaType.APPLICATION_JSON_TYPE);
        }
    }

    /**
     * A post another site's page made ({@link SameOrigin}): to the person it looks like any
     * other form that stopped working, and nothing was done.
     */
    @ServerExceptionMapper
    public Response crossSite(SameOrigin.CrossSiteRequest e, HttpHeaders headers) {
        return wantsHtml(headers.getAcceptableMediaTypes()) ? Response.status(403).type(MediaType.TEXT_HTML_TYPE).entity(page(403, first(headers.getAcceptableLanguages()))).build()
                : Response.status(403).type(MediaType.APPLICATION_JSON_TYPE).entity(json()).build();
    }

    /** For the scripts (an upload, htmx), which show {@code error} to the person: in the request's language. */
    private static String json() {
        return new JsonObject().put("error", Words.of(Messages.class).err_expired_json()).encode();
    }

    /** Rendered here, not by Quarkus REST, so the language (settings.LanguageChoice made it Accept-Language) is set by hand. */
    private String page(int status, java.util.Locale language) {
        return error.data("status", status).data("kind", "expired").data("tenant", null).data("reference", null)
                .setLocale(language == null ? java.util.Locale.ENGLISH : language).render();
    }

    private static java.util.Locale first(java.util.List<java.util.Locale> languages) {
        return languages.isEmpty() ? null : languages.get(0);
    }

    private static boolean wantsHtml(java.util.List<MediaType> acceptable) {
        return acceptable.stream().anyMatch(t -> t.isCompatible(MediaType.TEXT_HTML_TYPE) && !t.isWildcardType());
    }
}
