package com.claudioportal.forms;

import java.util.Locale;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses a form body that is larger than any form the portal serves before anything reads it:
 * the form parsers hold url-encoded and multipart values in memory. Browsers always say how long a
 * form is, so a form without a length is refused too. The answers are the friendly 411 and 413 pages
 * ({@code ErrorPages}); the per-field limits, checked later, answer beside the field instead.
 */
public class FormBodyLimit {

    /** Looked up per request: filters are created before runtime configuration is mapped. */
    @Inject
    Instance<FormsConfig> config;

    @ServerRequestFilter(preMatching = true)
    public void limit(ContainerRequestContext request) {
        String type = request.getHeaderString("Content-Type");
        if (type == null) {
            return;
        }
        String t = type.toLowerCase(Locale.ROOT);
        if (!t.startsWith("application/x-www-form-urlencoded") && !t.startsWith("multipart/form-data")) {
            return;
        }
        String length = request.getHeaderString("Content-Length");
        long declared;
        try {
            declared = length == null ? -1 : Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            declared = -1;
        }
        if (declared < 0) {
            throw new WebApplicationException(411);
        }
        if (declared > config.get().maxBody().asLongValue()) {
            throw new WebApplicationException(413);
        }
    }
}
