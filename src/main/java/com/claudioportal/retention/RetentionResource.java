package com.claudioportal.retention;

import java.util.HashMap;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;

import com.claudioportal.forms.Words;
import com.claudioportal.web.SeeOther;
import com.claudioportal.web.WorkflowMessages;
import com.claudioportal.audit.Audited;
import com.claudioportal.audit.AuditTrail;
import com.claudioportal.forms.FormErrors;
import com.claudioportal.tenant.Tenant;
import com.claudioportal.tenant.TenantContext;
import com.claudioportal.tenant.TenantRole;
import com.claudioportal.tenant.TenantRoles;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;

/** A tenant admin chooses how long the portal keeps finished jobs' content (within the platform's bounds). */
@Path("/t/{tenant}/admin/retention")
@Authenticated
@TenantRoles(TenantRole.TENANT_ADMIN)
@Produces(MediaType.TEXT_HTML)
public class RetentionResource {

    @CheckedTemplate(basePath = "retention")
    static class Templates {
        static native TemplateInstance retention(String keep, String days, int minDays, int maxDays, FormErrors errors);
    }

    @Inject
    TenantContext tenant;

    @Inject
    RetentionConfig config;

    @Inject
    AuditTrail audit;

    @Inject
    SeeOther answer;

    @GET
    @Transactional
    public TemplateInstance page() {
        Tenant t = Tenant.findById(tenant.tenantId());
        return Templates.retention(t.retentionDays == null ? "forever" : "days", t.retentionDays == null ? "" : String.valueOf(t.retentionDays),
                config.minDays(), config.maxDays(), FormErrors.none());
    }

    /** {@code keep}: "forever" or "days" (then {@code days}). */
    @POST
    @Transactional
    @Audited(value = "tenant.retention-changed", target = "tenant")
    public Response save(@RestForm String keep, @RestForm String days) {
        FormErrors errors = FormErrors.none();
        WorkflowMessages words = Words.of(WorkflowMessages.class);
        Integer chosen = null;
        if ("days".equals(keep)) {
            try {
                chosen = Integer.parseInt(days == null ? "" : days.trim());
            } catch (NumberFormatException e) {
                errors.add("days", words.ret_err_number());
            }
            if (chosen != null && (chosen < config.minDays() || chosen > config.maxDays())) {
                errors.add("days", words.ret_err_bounds(config.minDays(), config.maxDays()));
            }
        } else if (!"forever".equals(keep)) {
            errors.add("keep", words.ret_err_keep(), null, "keep-forever");
        }
        if (errors.any()) {
            // a choice off the list (a crafted post) shows as the default, forever, like a fresh page
            String shown = "days".equals(keep) ? "days" : "forever";
            return Response.status(400).entity(Templates.retention(shown, days, config.minDays(), config.maxDays(), errors)).build();
        }
        Tenant t = Tenant.findById(tenant.tenantId());
        if (!java.util.Objects.equals(t.retentionDays, chosen)) {
            Map<String, Object> details = new HashMap<>();
            details.put("retentionDays", chosen == null ? "keep" : chosen);
            details.put("previous", t.retentionDays == null ? "keep" : t.retentionDays);
            t.retentionDays = chosen;
            t.updatedAt = java.time.Instant.now();
            audit.record("tenant.retention-changed", "tenant", t.id, details);
        }
        return answer.success("/admin/retention", chosen == null ? words.ret_saved_forever() : words.ret_saved_days(chosen));
    }
}
