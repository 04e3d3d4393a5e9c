package com.claudioportal.notifications;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.claudioportal.audit.Audited;
import com.claudioportal.audit.AuditTrail;
import com.claudioportal.forms.Words;
import com.claudioportal.tenant.TenantRole;
import com.claudioportal.tenant.TenantRoles;
import com.claudioportal.web.SeeOther;
import com.claudioportal.web.WorkflowMessages;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;

/**
 * "Mail deliveries" for tenant admins: how the tenant's notification mails fare, the ones the
 * portal gave up on (with the mail server's reason) and a way to send one again.
 */
@Path("/t/{tenant}/admin/mail")
@Authenticated
@TenantRoles(TenantRole.TENANT_ADMIN)
@Produces(MediaType.TEXT_HTML)
public class MailDeliveriesResource {

    /** This page, within the tenant. */
    private static final String PAGE = "/admin/mail";

    public record Counts(long pending, long sentThisWeek, long failed) {
    }

    @CheckedTemplate(basePath = "notifications")
    static class Templates {
        static native TemplateInstance deliveries(Counts counts, List<OutboxMail> failed, List<OutboxMail> retrying, boolean mailEnabled);
    }

    @Inject
    MailContent content;

    @Inject
    AuditTrail audit;

    @Inject
    SeeOther answer;

    @Inject
    MailWakeUp wakeUp;

    @GET
    @Transactional
    public TemplateInstance page() {
        Counts counts = new Counts(OutboxMail.count("status", OutboxMail.Status.PENDING),
                OutboxMail.count("status = ?1 and sentAt >= ?2", OutboxMail.Status.SENT, Instant.now().minusSeconds(7 * 86400)),
                OutboxMail.count("status", OutboxMail.Status.FAILED));
        return Templates.deliveries(counts,
                OutboxMail.find("status = ?1 order by createdAt desc", OutboxMail.Status.FAILED).page(0, 50).list(),
                OutboxMail.find("status = ?1 and attempts > 0 order by createdAt desc", OutboxMail.Status.PENDING).page(0, 50).list(),
                content.mailEnabled());
    }

    /** Gives a failed mail another set of tries. */
    @POST
    @Path("{mailId}/retry")
    @Transactional
    @Audited(value = "mail.retried", target = "mail", id = "mailId")
    public Response retry(@PathParam("mailId") long mailId) {
        OutboxMail m = OutboxMail.<OutboxMail> findByIdOptional(mailId).orElseThrow(NotFoundException::new);
        if (m.status == OutboxMail.Status.FAILED) {
            m.status = OutboxMail.Status.PENDING;
            m.attempts = 0;
            m.nextAttemptAt = Instant.now();
            audit.record("mail.retried", "mail", m.id, Map.of("recipient", m.recipient));
            wakeUp.mailWritten();
            return answer.success(PAGE, Words.of(WorkflowMessages.class).mail_will_retry(m.recipient));
        }
        return answer.to(PAGE);
    }
}
