package com.claudioportal.notifications;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.claudioportal.forms.PortalUrls;
import com.claudioportal.tenant.Tenant;
import com.claudioportal.tenant.TenantContext;
import com.claudioportal.web.Messages;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

/**
 * What the mails say. By design they carry no health information: no job name, field value, file
 * name or transcript text, only the tenant's name, what happened and a link to sign in and look
 * ("A job in Maple Clinic is ready"). Templates in templates/notifications (text and HTML), words in
 * web.Messages; every mail is in English, then French (the language is each browser's choice, not
 * kept per person, and Canadian clinics expect both).
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

        static native TemplateInstance mailHtml(String english, String french);
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
        String jobUrl = urls.publicUrl() + TenantContext.address(tenantId, "/jobs/" + n.jobId);
        String settingsUrl = urls.publicUrl() + "/settings";
        OutboxMail mail = new OutboxMail();
        mail.dedupeKey = "notification:" + n.id;
        mail.recipient = n.recipient;
        mail.subject = subject(tenantName, n.kind);
        mail.bodyText = bothText(l -> Templates.instantText(tenantName, n.kind, jobUrl, settingsUrl).setLocale(l).render());
        mail.bodyHtml = bothHtml(l -> Templates.instantHtml(tenantName, n.kind, jobUrl, settingsUrl).setLocale(l).render());
        return mail;
    }

    /** The day's summary for one person in one tenant: counts only. */
    OutboxMail digest(String tenantId, String recipient, LocalDate day, List<Count> counts) {
        String tenantName = tenantName(tenantId);
        String inboxUrl = urls.publicUrl() + TenantContext.address(tenantId, "/notifications");
        String settingsUrl = urls.publicUrl() + "/settings";
        long total = counts.stream().mapToLong(Count::count).sum();
        OutboxMail mail = new OutboxMail();
        mail.dedupeKey = "digest:" + recipient + ":" + day;
        mail.recipient = recipient;
        mail.subject = words("en").mail_digest_subject(total, tenantName, day.toString()) + " / "
                + words("fr").mail_digest_subject(total, tenantName, day.toString());
        mail.bodyText = bothText(l -> Templates.digestText(tenantName, day, counts, inboxUrl, settingsUrl).setLocale(l).render());
        mail.bodyHtml = bothHtml(l -> Templates.digestHtml(tenantName, day, counts, inboxUrl, settingsUrl).setLocale(l).render());
        return mail;
    }

    /** "A job in Maple Clinic is ready / Un travail de Maple Clinic est prêt". */
    static String subject(String tenantName, NotificationKind kind) {
        return sentence(words("en").mail_event(kind.name(), tenantName)) + " / " + sentence(words("fr").mail_event(kind.name(), tenantName));
    }

    private static Messages words(String language) {
        return MessageBundles.get(Messages.class, Localized.Literal.of(language));
    }
    private static final Locale EN = Locale.ENGLISH;
    private static final Locale FR = Locale.FRENCH;

    private static String sentence(String s) {
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    private static String bothText(Function<Locale, String> render) {
        return render.apply(EN).strip() + "\n\n---------- Français ----------\n\n" + render.apply(FR).strip() + "\n";
    }

    private static String bothHtml(Function<Locale, String> render) {
        return Templates.mailHtml(render.apply(EN), render.apply(FR)).render();
    }

    private static String tenantName(String tenantId) {
        Tenant t = Tenant.findById(tenantId);
        return t == null ? tenantId : t.name;
    }
}
