package com.claudioportal.notifications;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.claudioportal.tenant.TenantScope;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.scheduler.Scheduled;

/**
 * Sends the outbox: claims due mails ({@link MailClaims}), sends each through Quarkus Mailer
 * (SMTP), marks it sent; a failed try is retried with exponential backoff and jitter, and after
 * {@code max-attempts} the mail is marked failed, which tenant admins see under "Mail deliveries".
 * <p>
 * Exactly once in the portal, at least once on the wire: a mail is marked sent right after the
 * SMTP server accepted it; only a crash in between sends it again after the lease. Its Message-ID
 * is fixed per outbox row, so mail clients show such a repeat once.
 */
@ApplicationScoped
public class MailSender {

    private static final Logger LOG = Logger.getLogger(MailSender.class);

    /** This process's claims; new at every start, like the job engine's owner. */
    final String owner = "mail-" + ManagementFactory.getRuntimeMXBean().getName() + "-" + UUID.randomUUID().toString().substring(0, 8);

    @Inject
    NotificationConfig config;

    @Inject
    MailClaims claims;

    @Inject
    Mailer mailer;

    @Inject
    TenantScope scope;

    /** Runs the sends a wake-up asks for, off the committing thread. */
    private final java.util.concurrent.ExecutorService woken = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "mail-sender");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();

    @Scheduled(every = "${portal.notifications.send-every:5s}", delayed = "3s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = SenderDisabled.class)
    void scheduled() {
        run();
    }

    /** A transaction here wrote mail: send it now (on a worker thread), not at the next look. */
    void wake() {
        if (!config.senderEnabled()) {
            return;
        }
        again.set(true);
        if (!running.get()) {
            woken.execute(this::run);
        }
    }

    private void run() {
        if (!running.compareAndSet(false, true)) {
            again.set(true);
            return;
        }
        try {
            do {
                again.set(false);
                while (sendDue(owner) > 0) {
                    // keep going while there is more
                }
            } while (again.get());
        } catch (RuntimeException e) {
            LOG.errorf(e, "The mail sender could not send; trying again shortly");
        } finally {
            running.set(false);
        }
    }

    /** Claims up to a batch of due mails for {@code owner} and tries each once; returns how many were claimed. */
    public int sendDue(String owner) {
        List<MailClaims.Claim> claimed = claims.claim(owner, config.lease(), config.batch());
        for (MailClaims.Claim claim : claimed) {
            send(claim, owner);
        }
        return claimed.size();
    }

    /** Sends one claimed mail, if it is still {@code owner}'s to send (package-private for tests). */
    void send(MailClaims.Claim claim, String owner) {
        // a batch is sent one mail after another, and its one lease may run out before the last
        // (a slow relay): each mail starts under a fresh lease, or not at all if another instance
        // has taken it over meanwhile, so two instances never send it at the same time
        if (!claims.renew(owner, claim.id(), config.lease())) {
            return;
        }
        Mail mail = scope.call(claim.tenantId(), () -> {
            OutboxMail m = OutboxMail.findById(claim.id());
            if (m == null || m.status != OutboxMail.Status.PENDING || !owner.equals(m.leaseOwner)) {
                return null;
            }
            return Mail.withText(m.recipient, m.subject, m.bodyText).setHtml(m.bodyHtml)
                    .addHeader("Message-ID", "<outbox-" + m.id + "-" + m.tenantId + "@claudio-portal>")
                    .addHeader("Auto-Submitted", "auto-generated");
        });
        if (mail == null) {
            return;
        }
        String error = null;
        try {
            mailer.send(mail);
        } catch (RuntimeException e) {
            error = describe(e);
        }
        String failure = error;
        scope.run(claim.tenantId(), () -> {
            OutboxMail m = OutboxMail.findById(claim.id());
            if (m == null || !owner.equals(m.leaseOwner)) {
                return;
            }
            m.leaseOwner = null;
            m.leaseUntil = null;
            m.attempts++;
            if (failure == null) {
                m.status = OutboxMail.Status.SENT;
                m.sentAt = Instant.now();
                m.nextAttemptAt = null;
                m.lastError = null;
            } else if (m.attempts >= config.maxAttempts()) {
                m.status = OutboxMail.Status.FAILED;
                m.nextAttemptAt = null;
                m.lastError = failure;
                LOG.warnf("Mail %d of tenant %s could not be delivered after %d tries: %s", m.id, m.tenantId, m.attempts, failure);
            } else {
                m.nextAttemptAt = Instant.now().plus(backoff(m.attempts, config.retryBase(), config.retryMax()));
                m.lastError = failure;
                LOG.infof("Mail %d of tenant %s: try %d failed (%s); trying again later", m.id, m.tenantId, m.attempts, failure);
            }
        });
    }

    /** The mail server's complaint, short; it never saw health information (the mails carry none). */
    static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getClass().getSimpleName() + ": " + root.getMessage();
        return message.length() > 500 ? message.substring(0, 500) : message;
    }

    static Duration backoff(int attempts, Duration base, Duration max) {
        long millis = base.toMillis() << Math.min(Math.max(attempts - 1, 0), 16);
        long capped = Math.min(millis, max.toMillis());
        return Duration.ofMillis(capped - ThreadLocalRandom.current().nextLong(capped / 5 + 1));
    }

    @jakarta.annotation.PreDestroy
    void stop() {
        woken.shutdownNow();
    }

    /**
     * Skips the scheduled run where this instance must not send, and once it is stopping: a run that
     * fires during shutdown would create the sender (and its Mailer) after the container has gone,
     * and fail with an error in the log of a portal that stopped cleanly.
     */
    @jakarta.inject.Singleton
    public static class SenderDisabled implements Scheduled.SkipPredicate {
        @Inject
        NotificationConfig config;

        private volatile boolean stopping;

        void stopping(@jakarta.enterprise.event.Observes io.quarkus.runtime.ShutdownEvent event) {
            stopping = true;
        }

        @Override
        public boolean test(io.quarkus.scheduler.ScheduledExecution execution) {
            return stopping || !config.senderEnabled();
        }
    }
}
