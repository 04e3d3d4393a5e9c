package com.claudioportal.settings;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A person's own settings, whichever tenant they work in. Platform-level (a person may belong to
 * several tenants), keyed by the verified e-mail address like memberships; a person without a row
 * has the defaults ({@link #defaults}).
 */
@Entity
@Table(name = "user_settings")
public class UserSettings extends PanacheEntityBase {

    /** How the notification e-mails reach the person; its words are web.Messages' {@code delivery_*}. */
    public enum MailDelivery {
        INSTANT, DIGEST, NONE
    }

    @Id
    public String email;

    @Enumerated(EnumType.STRING)
    @Column(name = "mail_delivery")
    public MailDelivery mailDelivery = MailDelivery.INSTANT;

    @Column(name = "mail_completed")
    public boolean mailCompleted = true;

    @Column(name = "mail_failed")
    public boolean mailFailed = true;

    @Column(name = "mail_attention")
    public boolean mailAttention = true;

    @Column(name = "mail_late")
    public boolean mailLate = true;

    @Column(name = "updated_at")
    public Instant updatedAt = Instant.now();

    /** The person's settings, or the defaults (not saved) when they never changed them. */
    public static UserSettings of(String email) {
        UserSettings s = email == null ? null : findById(email);
        return s != null ? s : defaults(email);
    }

    public static UserSettings defaults(String email) {
        UserSettings s = new UserSettings();
        s.email = email;
        return s;
    }
}
