package com.claudioportal.web;

import java.util.UUID;

import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.claudioportal.tenant.TenantDisabledException;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The one place that turns failures into pages. Pages never show a stack trace or an exception
 * message; unexpected errors get a reference that matches the server log line.
 */
public class ErrorPages {

    private static final Logger LOG = Logger.getLogger(ErrorPages.class);

    @CheckedTemplate(basePath = "web")
    static class Templates {
        /** kind: the messages err_&lt;kind&gt;_title and err_&lt;kind&gt;_text of {@link Messages}, in the page's language. */
        static native TemplateInstance error(int status, String kind, String tenant, String reference);
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return page(404, "not_found");
    }

    @ServerExceptionMapper
    public Response forbidden(jakarta.ws.rs.ForbiddenException e) {
        return forbiddenPage();
    }

    @ServerExceptionMapper
    public Response forbidden(io.quarkus.security.ForbiddenException e) {
        return forbiddenPage();
    }

    @ServerExceptionMapper
    public Response tenantDisabled(TenantDisabledException e) {
        return Response.status(403).type(MediaType.TEXT_HTML_TYPE)
                .entity(Templates.error(403, "suspended", e.tenantName(), null)).build();
    }

    @ServerExceptionMapper
    public Response notAllowed(NotAllowedException e) {
        return page(405, "not_allowed");
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e);
        }
        if (status == 401) {
            return e.getResponse();
        }
        if (status == 411) {
            // forms.FormBodyLimit: browsers always say how long a form is
            return page(411, "no_length");
        }
        if (status == 413) {
            // a form beyond the outer limits (forms.FormBodyLimit, quarkus.http.limits.*): nothing was read
            return page(413, "too_large");
        }
        return page(status, status == 400 ? "bad_request" : "other");
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        String reference = UUID.randomUUID().toString().substring(0, 8);
        // exception messages can carry anything (a SQL parameter, a field value, a secret): the log
        // line keeps the reference, the exception types and the stack, which is what support needs
        LOG.errorf(WithoutMessages.of(e), "Unexpected error, reference %s: %s", reference, e.getClass().getName());
        return Response.status(500).type(MediaType.TEXT_HTML_TYPE)
                .entity(Templates.error(500, "unexpected", null, reference))
                .build();
    }

    private static Response forbiddenPage() {
        return page(403, "forbidden");
    }

    private static Response page(int status, String kind) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE)
                .entity(Templates.error(status, kind, null, null)).build();
    }

    /**
     * A copy of an exception chain with the classes and stack frames of the original but none of
     * the messages, for logging.
     */
    static final class WithoutMessages extends RuntimeException {

        private final String type;

        private WithoutMessages(Throwable original, WithoutMessages cause) {
            super(null, cause, true, true);
            this.type = original.getClass().getName();
            setStackTrace(original.getStackTrace());
        }

        static WithoutMessages of(Throwable e) {
            return copy(e, java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>()));
        }

        private static WithoutMessages copy(Throwable e, java.util.Set<Throwable> seen) {
            seen.add(e);
            Throwable cause = e.getCause();
            WithoutMessages copy = new WithoutMessages(e, cause == null || seen.contains(cause) ? null : copy(cause, seen));
            for (Throwable suppressed : e.getSuppressed()) {
                if (!seen.contains(suppressed)) {
                    copy.addSuppressed(copy(suppressed, seen));
                }
            }
            return copy;
        }

        @Override
        public String toString() {
            return type;
        }
    }
}
