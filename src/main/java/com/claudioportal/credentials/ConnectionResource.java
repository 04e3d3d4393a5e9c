package com.claudioportal.credentials;


import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;

import com.claudioportal.audit.Audited;
import com.claudioportal.tenant.TenantRole;
import com.claudioportal.tenant.TenantRoles;
import com.claudioportal.forms.FormErrors;
import com.claudioportal.forms.Result;
import com.claudioportal.forms.PortalUrls;
import com.claudioportal.forms.Words;
import com.claudioportal.web.AdminMessages;
import com.claudioportal.web.SeeOther;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;

/** The tenant admin's Claudio connection (base URL, key, secret) and webhook address. */
@Path("/t/{tenant}/admin/connection")
@Authenticated
@TenantRoles(TenantRole.TENANT_ADMIN)
@Produces(MediaType.TEXT_HTML)
public class ConnectionResource {

    public static class ConnectionForm {
        @RestForm
        public String baseUrl;

        /** Never pre-filled: secrets are not rendered back. */
        @RestForm
        public String apiKey;

        @RestForm
        public String apiSecret;
    }

    @CheckedTemplate(basePath = "credentials")
    static class Templates {
        static native TemplateInstance connection(ClaudioConnection connection, ConnectionForm form, FormErrors errors,
                WebhookToken webhook, String newWebhookUrl, String webhookBase, ConnectionTester.Verdict verdict);

        /** The test's result alone, for the page's script (htmx) to put under the button. */
        static native TemplateInstance testResult(ConnectionTester.Verdict verdict, FormErrors errors);
    }

    @Inject
    ConnectionService connections;

    @Inject
    WebhookTokens webhooks;

    @Inject
    ConnectionTester tester;

    @Inject
    SeeOther answer;

    @Inject
    PortalUrls urls;

    @GET
    public TemplateInstance show() {
        ConnectionForm form = new ConnectionForm();
        ClaudioConnection c = ClaudioConnection.current();
        form.baseUrl = c == null ? "" : c.baseUrl;
        return page(form, FormErrors.none(), null);
    }

    @POST
    @Audited(value = "connection.updated", target = "connection")
    public Response save(@BeanParam ConnectionForm form) {
        boolean existed = ClaudioConnection.current() != null;
        Result<Void> saved = connections.save(form.baseUrl, form.apiKey, form.apiSecret);
        if (!saved.ok()) {
            form.apiKey = null;
            form.apiSecret = null;
            return Response.status(400).entity(page(form, saved.errors(), null)).build();
        }
        boolean rotated = existed && form.apiKey != null && !form.apiKey.isBlank();
        AdminMessages words = Words.of(AdminMessages.class);
        return back(!existed ? words.conn_saved_first() : rotated ? words.conn_saved_rotated() : words.conn_saved());
    }

    /**
     * Tests what is on the form, without saving it: a new address or a new key can be tried before
     * it replaces one that works (rotated credentials apply at once, also to jobs in progress).
     * Fields left empty mean the saved values. Typed secrets are never rendered back.
     */
    @POST
    @Path("test")
    @Audited(value = "connection.tested", target = "connection")
    public Response test(@BeanParam ConnectionForm form, @HeaderParam("HX-Request") String htmx) {
        Result<ConnectionService.TestRequest> request = connections.testRequest(form.baseUrl, form.apiKey, form.apiSecret);
        ConnectionTester.Verdict verdict = null;
        if (request.ok()) {
            verdict = tester.test(request.value().account());
            connections.recordTest(verdict, request.value().account().baseUrl(), request.value().saved());
        }
        if ("true".equals(htmx)) {
            return Response.ok(Templates.testResult(verdict, request.errors())).build();
        }
        form.apiKey = null;
        form.apiSecret = null;
        return Response.status(request.ok() ? 200 : 400)
                .entity(Templates.connection(ClaudioConnection.current(), form, request.errors(), WebhookToken.current(), null,
                        webhookBase(), verdict))
                .build();
    }

    @POST
    @Path("remove")
    @Audited(value = "connection.removed", target = "connection")
    public Response remove() {
        Result<Void> removed = connections.remove();
        if (!removed.ok()) {
            ConnectionForm form = new ConnectionForm();
            ClaudioConnection c = ClaudioConnection.current();
            form.baseUrl = c == null ? "" : c.baseUrl;
            return Response.status(409).entity(page(form, removed.errors(), null)).build();
        }
        return back(Words.of(AdminMessages.class).conn_removed());
    }

    /** Shows the new address once, on this response only: it cannot be shown again later. */
    @POST
    @Path("webhook")
    @Audited(value = "webhook.regenerated", target = "webhook")
    public TemplateInstance regenerateWebhook() {
        String token = webhooks.regenerate();
        ConnectionForm form = new ConnectionForm();
        ClaudioConnection c = ClaudioConnection.current();
        form.baseUrl = c == null ? "" : c.baseUrl;
        return page(form, FormErrors.none(), webhookBase() + token);
    }

    private TemplateInstance page(ConnectionForm form, FormErrors errors, String newWebhookUrl) {
        return Templates.connection(ClaudioConnection.current(), form, errors, WebhookToken.current(), newWebhookUrl, webhookBase(),
                null);
    }

    private String webhookBase() {
        return urls.publicUrl() + WebhookTokens.PATH;
    }

    private Response back(String done) {
        return answer.success("/admin/connection", done);
    }
}
