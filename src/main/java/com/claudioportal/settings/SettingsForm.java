package com.claudioportal.settings;

import org.jboss.resteasy.reactive.RestForm;

/**
 * The "My settings" form. One section per topic; notifications first (language and time zone are
 * meant to join as further sections of the same form).
 */
public class SettingsForm {

    @RestForm
    public String mailDelivery;

    @RestForm
    public boolean mailCompleted;

    @RestForm
    public boolean mailFailed;

    @RestForm
    public boolean mailAttention;

    @RestForm
    public boolean mailLate;

    /** "en", "fr", or empty for "as my browser asks" (kept in a cookie, see LanguageChoice). */
    @RestForm
    public String language;

    /** An IANA zone ("America/Toronto"), or empty for "as my browser says" (a cookie, see web.TimeZoneChoice). */
    @RestForm
    public String timeZone;

    public static SettingsForm of(UserSettings s) {
        SettingsForm f = new SettingsForm();
        f.mailDelivery = s.mailDelivery.name();
        f.mailCompleted = s.mailCompleted;
        f.mailFailed = s.mailFailed;
        f.mailAttention = s.mailAttention;
        f.mailLate = s.mailLate;
        return f;
    }
}
