package com.claudioportal.tracking;

import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import com.claudioportal.credentials.ConnectionChanged;

import com.claudioportal.job.JobTransitioned;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Runs this instance's {@link JobDispatcher} and connects it to the others: work that becomes due
 * at once (a new job, a retry, a link, "check now", webhook notices) is announced with PostgreSQL
 * {@code NOTIFY} in the transaction that made it due, and every instance {@code LISTEN}s on a
 * connection of its own, so a notice received by one instance wakes the one that may hold the job.
 * A tenant's Claudio connection saved or removed is announced the same way (its tenant id as the
 * payload), so no instance polls with an account it kept from before the change.
 */
@ApplicationScoped
public class JobEngine {

    private static final Logger LOG = Logger.getLogger(JobEngine.class);

    /** PostgreSQL's channel on which instances tell each other that a tenant's Claudio connection changed. */
    static final String CONNECTION_CHANNEL = "portal_connection_changed";

    /** Identifies this process's claims; unique per start, so a restarted portal never trusts its old leases. */
    final String owner = ManagementFactory.getRuntimeMXBean().getName() + "-" + UUID.randomUUID().toString().substring(0, 8);

    @Inject
    WorkerConfig config;

    @Inject
    JobClaims claims;

    @Inject
    JobWorker worker;

    @Inject
    EngineMetrics metrics;

    @Inject
    EntityManager em;

    @Inject
    PollAccounts accounts;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    @ConfigProperty(name = "quarkus.datasource.username")
    String username;

    @ConfigProperty(name = "quarkus.datasource.password", defaultValue = "")
    String password;

    private volatile JobDispatcher dispatcher;
    private volatile boolean listening;
    private Thread listener;

    void start(@Observes StartupEvent started) {
        JobDispatcher d = dispatcher();
        metrics.inFlight(d::inFlight);
        metrics.applyBacklog(worker::applyBacklog);
        if (config.enabled()) {
            d.start();
            listening = true;
            listener = new Thread(this::listen, "job-due-listener");
            listener.setDaemon(true);
            listener.start();
        }
    }

    void stop(@Observes ShutdownEvent stopping) {
        shutdown();
    }

    @PreDestroy
    void shutdown() {
        listening = false;
        if (dispatcher != null) {
            dispatcher.stop();
        }
    }

    /** This instance's dispatcher (created on first use; its loop runs only when the worker is enabled). */
    public JobDispatcher dispatcher() {
        JobDispatcher d = dispatcher;
        if (d == null) {
            synchronized (this) {
                if (dispatcher == null) {
                    dispatcher = new JobDispatcher(owner, config, claims, worker, metrics);
                }
                d = dispatcher;
            }
        }
        return d;
    }

    /** In the transaction that made the job due: tell every instance once it commits. */
    void announce(@Observes(during = TransactionPhase.IN_PROGRESS) JobTransitioned change) {
        if (change.dueNow()) {
            em.createNativeQuery("select pg_notify(:channel, '')").setParameter("channel", JobClaims.CHANNEL).getSingleResult();
        }
    }

    /** In the transaction that saved or removed a tenant's connection: every instance forgets its copy once it commits. */
    void announce(@Observes(during = TransactionPhase.IN_PROGRESS) ConnectionChanged change) {
        em.createNativeQuery("select pg_notify(:channel, :tenant)").setParameter("channel", CONNECTION_CHANNEL)
                .setParameter("tenant", change.tenantId()).getSingleResult();
    }

    /** And this instance at once, whether or not LISTEN works. */
    void wakeLocally(@Observes(during = TransactionPhase.AFTER_SUCCESS) JobTransitioned change) {
        if (change.dueNow() && config.enabled()) {
            dispatcher().wake();
        }
    }

    /** Waits for other instances' (and our own) announcements on a connection of its own. */
    private void listen() {
        while (listening) {
            try (Connection c = DriverManager.getConnection(jdbcUrl, username, password)) {
                try (Statement s = c.createStatement()) {
                    s.execute("listen " + JobClaims.CHANNEL);
                    s.execute("listen " + CONNECTION_CHANNEL);
                }
                // whatever changed while this connection was not listening is read again
                accounts.forgetAll();
                PGConnection pg = c.unwrap(PGConnection.class);
                while (listening) {
                    PGNotification[] notes = pg.getNotifications(1000);
                    boolean due = false;
                    for (PGNotification note : notes == null ? new PGNotification[0] : notes) {
                        if (CONNECTION_CHANNEL.equals(note.getName())) {
                            accounts.forget(note.getParameter());
                        } else {
                            due = true;
                        }
                    }
                    if (due) {
                        dispatcher().wake();
                    }
                }
            } catch (SQLException e) {
                if (listening) {
                    LOG.warnf("Lost the connection that listens for due jobs (%s); reconnecting", e.getClass().getSimpleName());
                    try {
                        Thread.sleep(2_000);
                    } catch (InterruptedException ie) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
        }
    }
}
