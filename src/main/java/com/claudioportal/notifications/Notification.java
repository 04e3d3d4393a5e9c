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
 * One event for one person: the bell's count and the notifications page. Unique per
 * (event, recipient): {@code eventKey} names the event, so nothing can write it twice.
 */
@Entity
@Table(name = "notification")
public class Notification extends TenantOwnedEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String recipient;

    @Enumerated(EnumType.STRING)
    public NotificationKind kind;

    @Column(name = "job_id")
    public Long jobId;

    @Column(name = "event_key")
    public String eventKey;

    /** When the event happened (for a late alert: the due time that passed). */
    @Column(name = "event_at")
    public Instant eventAt;

    @Column(name = "created_at")
    public Instant createdAt = Instant.now();

    @Column(name = "read_at")
    public Instant readAt;

    public boolean isUnread() {
        return readAt == null;
    }
}
