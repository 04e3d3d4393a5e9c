package com.claudioportal.notifications;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import com.claudioportal.job.Job;
import com.claudioportal.job.JobTransitioned;
import com.claudioportal.settings.UserSettings;
import com.claudioportal.tenant.Membership;
import com.claudioportal.tenant.TenantRole;

/**
 * Turns job events into notifications, exactly once: it observes {@link JobTransitioned} inside
 * the transaction that changes the job, so the notification rows (and the mails for people who
 * want them at once) commit or roll back with the change itself. A retried transaction writes them
 * again only if the first one rolled back; the unique (event, recipient) key refuses anything else.
 * <p>
 * Who hears about what: the submitter about their job's completion, failure or need for
 * attention; the submitter and the tenant admins when a job passes its due time ({@link LateAlerts}).
 * Only current members are notified.
 */
@ApplicationScoped
public class Notifier {

    @Inject
    MailContent content;

    @Inject
    MailWakeUp wakeUp;

    /** In the job's transaction: a notification per recipient for the states people hear about. */
    void onTransition(@Observes(during = TransactionPhase.IN_PROGRESS) JobTransitioned change) {
        if (change.from() == change.to()) {
            return;
        }
        NotificationKind kind = NotificationKind.of(change.to());
        if (kind == null) {
            return;
        }
        // the managed entity of this very transaction: its version names this transition
        Job job = Job.findById(change.jobId());
        if (job == null) {
            return;
        }
        String eventKey = job.id + ":" + kind.name() + ":" + job.version;
        notify(job, kind, eventKey, Instant.now(), recipients(job, false));
    }

    /** A job's due time passed without a transcript: the submitter and the tenant admins, once per due time. */
    boolean late(Job job) {
        String eventKey = job.id + ":LATE:" + job.dueAt.getEpochSecond();
        return notify(job, NotificationKind.LATE, eventKey, job.dueAt, recipients(job, true)) > 0;
    }

    /** Writes what is missing of this event's notifications (and at-once mails); returns how many were new. */
    int notify(Job job, NotificationKind kind, String eventKey, Instant eventAt, Set<String> recipients) {
        int written = 0;
        for (String recipient : recipients) {
            if (Notification.count("eventKey = ?1 and recipient = ?2", eventKey, recipient) > 0) {
                continue;
            }
            Notification n = new Notification();
            n.recipient = recipient;
            n.kind = kind;
            n.jobId = job.id;
            n.eventKey = eventKey;
            n.eventAt = eventAt;
            n.persist();
            written++;
            UserSettings settings = UserSettings.of(recipient);
            if (content.mailEnabled() && settings.mailDelivery == UserSettings.MailDelivery.INSTANT && kind.wanted(settings)) {
                OutboxMail mail = content.instant(n, job.tenantId);
                mail.persist();
                wakeUp.mailWritten();
            }
        }
        return written;
    }

    private static Set<String> recipients(Job job, boolean withAdmins) {
        Set<String> to = new LinkedHashSet<>();
        List<Membership> members = withAdmins
                ? Membership.list("revoked = false and (email = ?1 or role = ?2)", job.submittedBy, TenantRole.TENANT_ADMIN)
                : Membership.list("revoked = false and email = ?1", job.submittedBy);
        // the submitter first, then the admins, each once
        members.stream().filter(m -> m.email.equals(job.submittedBy)).forEach(m -> to.add(m.email));
        members.forEach(m -> to.add(m.email));
        return to;
    }
}
