package com.claudioportal.notifications;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import com.claudioportal.tenant.TenantOwnedEntity;

/**
 * A mail to send, written in the transaction of its event (or by the daily digest) and sent by
 * {@link MailSender}. Its text is fixed when it is written and never holds health information.
 */
@Entity
@Table(name = "mail_outbox")
public class OutboxMail extends TenantOwnedEntity {

    /** Waiting to be sent (or tried again), sent, or given up after the configured tries. */
    public enum Status {
        PENDING, SENT, FAILED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** "notification:&lt;id&gt;" or "digest:&lt;recipient&gt;:&lt;date&gt;": one mail per event or day. */
    @Column(name = "dedupe_key")
    public String dedupeKey;

    public String recipient;

    public String subject;

    @Column(name = "body_text")
    public String bodyText;

    @Column(name = "body_html")
    public String bodyHtml;

    @Enumerated(EnumType.STRING)
    public Status status = Status.PENDING;

    public int attempts;

    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt = Instant.now();

    @Column(name = "lease_owner")
    public String leaseOwner;

    @Column(name = "lease_until")
    public Instant leaseUntil;

    /** Why the last try failed, in the mail server's words (it never saw health information). */
    @Column(name = "last_error")
    public String lastError;

    @Column(name = "created_at")
    public Instant createdAt = Instant.now();

    @Column(name = "sent_at")
    public Instant sentAt;
}
