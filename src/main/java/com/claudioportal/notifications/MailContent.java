package com.claudioportal.notifications;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.claudioportal.forms.PortalUrls;
import com.claudioportal.tenant.Tenant;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * What the mails say. By design they carry no health information: no job name, field value, file
 * name or transcript text, only the tenant's name, what happened and a link to sign in and look
 * ("A job in Maple Clinic is ready"). Templates in templates/notifications (text and HTML).
 */
@ApplicationScoped
public class MailContent {

    /** One line of a digest: how many events of a kind. */
    public record Count(NotificationKind kind, long count) {
    }

    @CheckedTemplate(basePath = "notifications")
    static class Templates {
        static native TemplateInstance instantText(String tenantName, NotificationKind kind, String jobUrl, String settingsUrl);

        static native TemplateInstance instantHtml(String tenantName, NotificationKind kind, String jobUrl, String settingsUrl);

        static native TemplateInstance digestText(String tenantName, LocalDate day, List<Count> counts, String inboxUrl, String settingsUrl);

        static native TemplateInstance digestHtml(String tenantName, LocalDate day, List<Count> counts, String inboxUrl, String settingsUrl);
    }

    @Inject
    PortalUrls urls;

    @ConfigProperty(name = "portal.mail.host")
    Optional<String> smtpHost;

    /** Mail goes out only where an SMTP server is configured (SMTP_HOST); the bell works regardless. */
    public boolean mailEnabled() {
        return smtpHost.map(String::isBlank).map(blank -> !blank).orElse(false);
    }

    /** The mail for one notification, at once. */
    OutboxMail instant(Notification n, String tenantId) {
        String tenantName = tenantName(tenantId);
        String jobUrl = urls.publicUrl() + "/t/" + tenantId + "/jobs/" + n.jobId;
        String settingsUrl = urls.publicUrl() + "/settings";
        OutboxMail mail = new OutboxMail();
        mail.dedupeKey = "notification:" + n.id;
        mail.recipient = n.recipient;
        mail.subject = subject(tenantName, n.kind);
        mail.bodyText = Templates.instantText(tenantName, n.kind, jobUrl, settingsUrl).render();
        mail.bodyHtml = Templates.instantHtml(tenantName, n.kind, jobUrl, settingsUrl).render();
        return mail;
    }

    /** The day's summary for one person in one tenant: counts only. */
    OutboxMail digest(String tenantId, String recipient, LocalDate day, List<Count> counts) {
        String tenantName = tenantName(tenantId);
        String inboxUrl = urls.publicUrl() + "/t/" + tenantId + "/notifications";
        String settingsUrl = urls.publicUrl() + "/settings";
        long total = counts.stream().mapToLong(Count::count).sum();
        OutboxMail mail = new OutboxMail();
        mail.dedupeKey = "digest:" + recipient + ":" + day;
        mail.recipient = recipient;
        mail.subject = total + (total == 1 ? " update" : " updates") + " from " + tenantName + " on " + day;
        mail.bodyText = Templates.digestText(tenantName, day, counts, inboxUrl, settingsUrl).render();
        mail.bodyHtml = Templates.digestHtml(tenantName, day, counts, inboxUrl, settingsUrl).render();
        return mail;
    }

    static String subject(String tenantName, NotificationKind kind) {
        return "A job in " + tenantName + " " + kind.verb();
    }

    private static String tenantName(String tenantId) {
        Tenant t = Tenant.findById(tenantId);
        return t == null ? tenantId : t.name;
    }
}
