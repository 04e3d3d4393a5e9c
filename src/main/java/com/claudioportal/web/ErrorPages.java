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
        static native TemplateInstance error(int status, String title, String message, String reference);
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return page(404, "Page not found",
                "There is nothing here, or you do not have access to it. Check the address, or go back to your dashboard.");
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
        return page(403, "Access suspended",
                e.tenantName() + " has been disabled by the platform administrator. Contact your administrator if you think this is a mistake.");
    }

    @ServerExceptionMapper
    public Response notAllowed(NotAllowedException e) {
        return page(405, "Not available", "That action cannot be done from this address.");
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
            return page(411, "That request could not be processed",
                    "The form arrived without saying how long it is, which the portal's pages always do. Nothing was saved. "
                            + "Go back, reload the page and send it again.");
        }
        if (status == 413) {
            // a form beyond the outer limits (forms.FormBodyLimit, quarkus.http.limits.*): nothing was read
            return page(413, "This form is too large",
                    "Nothing was saved. Go back: what you typed is still in the form. Shorten the longest text and send it again "
                            + "(one box holds at most 20,000 characters, a pasted profile 256,000).");
        }
        return page(status, status == 400 ? "That request could not be processed" : "Request not possible",
                "Go back, reload the page and try again.");
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        String reference = UUID.randomUUID().toString().substring(0, 8);
        // exception messages can carry anything (a SQL parameter, a field value, a secret): the log
        // line keeps the reference, the exception types and the stack, which is what support needs
        LOG.errorf(WithoutMessages.of(e), "Unexpected error, reference %s: %s", reference, e.getClass().getName());
        return Response.status(500).type(MediaType.TEXT_HTML_TYPE)
                .entity(Templates.error(500, "Something went wrong",
                        "The portal could not finish this request. Nothing you entered has been lost if you go back. "
                                + "If it happens again, give this reference to support.",
                        reference))
                .build();
    }

    private static Response forbiddenPage() {
        return page(403, "Not allowed", "Your role does not include this page. Ask your tenant admin if you need access.");
    }

    private static Response page(int status, String title, String message) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE)
                .entity(Templates.error(status, title, message, null)).build();
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
