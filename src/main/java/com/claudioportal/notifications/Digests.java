package com.claudioportal.notifications;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;


import com.claudioportal.settings.UserSettings;
import com.claudioportal.tenant.TenantScope;

import io.quarkus.scheduler.Scheduled;

/**
 * The daily digest for people who chose it: once a day (after {@code digest-hour}, UTC) one mail
 * per person and tenant, with counts only ("A transcript is ready: 3"), covering the 24 hours
 * before. A person in two clinics gets one per clinic: each names its clinic, and no tenant's
 * activity appears in another tenant's mail deliveries. Written once per person, tenant and day
 * (the outbox's unique key), whichever instance gets there first.
 */
@ApplicationScoped
public class Digests {

    private static final String RECIPIENTS = """
            select distinct n.tenant_id, n.recipient from notification n
            join user_settings u on u.email = n.recipient
            where u.mail_delivery = 'DIGEST' and n.created_at >= ? and n.created_at < ?""";

    @Inject
    NotificationConfig config;

    @Inject
    DataSource dataSource;

    @Inject
    TenantScope scope;

    @Inject
    MailContent content;

    @Inject
    MailWakeUp wakeUp;

    @Inject
    EntityManager em;

    @Scheduled(every = "5m", delayed = "30s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        // a failure is logged (ERROR) by the scheduler, which runs this again at its next trigger
        ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
        if (now.getHour() >= config.digestHour()) {
            write(now.toLocalDate());
        }
    }

    /** Writes the digests of {@code day} that are missing; returns how many were written. */
    public int write(LocalDate day) {
        if (!content.mailEnabled()) {
            return 0;
        }
        Instant end = day.atTime(config.digestHour(), 0).toInstant(ZoneOffset.UTC);
        Instant start = end.minusSeconds(24 * 3600);
        int written = 0;
        for (String[] r : recipients(start, end)) {
            String tenantId = r[0];
            String recipient = r[1];
            boolean wrote = scope.call(tenantId, () -> {
                em.createNativeQuery("select pg_advisory_xact_lock(hashtext(:key))")
                        .setParameter("key", "digest:" + tenantId + ":" + recipient).getSingleResult();
                UserSettings settings = UserSettings.of(recipient);
                String key = "digest:" + recipient + ":" + day;
                if (settings.mailDelivery != UserSettings.MailDelivery.DIGEST || OutboxMail.count("dedupeKey", key) > 0) {
                    return false;
                }
                List<MailContent.Count> counts = new ArrayList<>();
                for (NotificationKind kind : NotificationKind.values()) {
                    if (kind.wanted(settings)) {
                        long n = Notification.count("recipient = ?1 and kind = ?2 and createdAt >= ?3 and createdAt < ?4",
                                recipient, kind, start, end);
                        if (n > 0) {
                            counts.add(new MailContent.Count(kind, n));
                        }
                    }
                }
                if (counts.isEmpty()) {
                    return false;
                }
                content.digest(tenantId, recipient, day, counts).persist();
                wakeUp.mailWritten();
                return true;
            });
            written += wrote ? 1 : 0;
        }
        return written;
    }

    private List<String[]> recipients(Instant start, Instant end) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(RECIPIENTS)) {
            s.setTimestamp(1, Timestamp.from(start));
            s.setTimestamp(2, Timestamp.from(end));
            List<String[]> found = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    found.add(new String[] { r.getString(1), r.getString(2) });
                }
            }
            return found;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not look for digest recipients", e);
        }
    }
}
