package com.claudioportal.settings;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.claudioportal.audit.AuditExempt;
import com.claudioportal.forms.Flash;
import com.claudioportal.forms.FormErrors;
import com.claudioportal.tenant.CurrentUser;
import com.claudioportal.forms.TimeZoneChoice;
import com.claudioportal.forms.Words;
import com.claudioportal.web.Messages;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.vertx.core.http.HttpServerRequest;

/**
 * "My settings": what a person chooses for themselves, whichever tenant they are in: which
 * notification e-mails they get and how (at once or a daily digest), and the pages' language.
 */
@Path("/settings")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class SettingsResource {

    @CheckedTemplate(basePath = "settings")
    static class Templates {
        static native TemplateInstance settings(SettingsForm form, List<UserSettings.MailDelivery> deliveries, boolean hasEmail,
                List<String> zones, String browserZone, FormErrors errors);
    }

    @Inject
    CurrentUser user;

    @Inject
    Flash flash;

    @Inject
    TimeZoneChoice timeZone;

    @Inject
    HttpServerRequest http;

    /** Every IANA region the JDK knows ("Africa/Abidjan" … "Pacific/Wallis"), for the picker. */
    static final List<String> ZONES = ZoneId.getAvailableZoneIds().stream().filter(z -> z.contains("/") && !z.startsWith("Etc/")
            && !z.startsWith("SystemV/")).sorted().toList();

    @GET
    @Transactional
    public TemplateInstance page(@jakarta.ws.rs.CookieParam(LanguageChoice.COOKIE) String language) {
        SettingsForm form = SettingsForm.of(UserSettings.of(user.email()));
        form.language = LanguageChoice.chosen(language);
        form.timeZone = timeZone.chosen() == null ? "" : timeZone.chosen().getId();
        return page(form, FormErrors.none());
    }

    private TemplateInstance page(SettingsForm form, FormErrors errors) {
        ZoneId browser = timeZone.browser();
        return Templates.settings(form, List.of(UserSettings.MailDelivery.values()), user.hasEmail(), ZONES,
                browser == null ? null : browser.getId(), errors);
    }

    @POST
    @AuditExempt("a person's own notification, language and time zone settings: nobody else's data, no health information")
    @Transactional
    public Response save(@BeanParam SettingsForm form) {
        UserSettings.MailDelivery delivery = parse(form.mailDelivery);
        boolean zoneKnown = form.timeZone == null || form.timeZone.isBlank() || TimeZoneChoice.parse(form.timeZone) != null;
        Messages words = Words.of(Messages.class);
        if (!user.hasEmail() || delivery == null || !zoneKnown) {
            FormErrors errors = FormErrors.none();
            if (!user.hasEmail()) {
                errors.add("form", words.settings_no_email());
            } else if (delivery == null) {
                errors.add("mailDelivery", words.settings_choose_delivery());
            }
            if (!zoneKnown) {
                errors.add("timeZone", words.settings_choose_zone());
            }
            return Response.status(400).entity(page(form, errors)).build();
        }
        UserSettings s = UserSettings.findById(user.email());
        if (s == null) {
            s = UserSettings.defaults(user.email());
            s.persist();
        }
        s.mailDelivery = delivery;
        s.mailCompleted = form.mailCompleted;
        s.mailFailed = form.mailFailed;
        s.mailAttention = form.mailAttention;
        s.mailLate = form.mailLate;
        s.updatedAt = Instant.now();
        flash.success(words.settings_saved());
        // the language and the time zone are this browser's (cookies): an unknown language means "as my browser asks"
        ZoneId zone = TimeZoneChoice.parse(form.timeZone);
        return Response.seeOther(URI.create("/settings"))
                .cookie(LanguageChoice.cookie(LanguageChoice.chosen(form.language), http.isSSL()),
                        LanguageChoice.remembered(TimeZoneChoice.CHOSEN, zone == null ? null : zone.getId(), http.isSSL()))
                .build();
    }

    private static UserSettings.MailDelivery parse(String value) {
        try {
            return value == null ? null : UserSettings.MailDelivery.valueOf(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
