package com.claudioportal.sandbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;

/**
 * Every second (portal.sandbox.scan-interval): finish jobs whose processing time is over, then
 * notify webhooks. State lives in the database, so work due during a restart happens after it.
 */
@ApplicationScoped
public class SandboxScheduler {

    private static final Logger LOG = Logger.getLogger(SandboxScheduler.class);

    @Inject
    SandboxConfig config;

    @Inject
    JobCompletion completion;

    @Inject
    WebhookSender webhooks;

    private volatile boolean stopping;

    /** A scan that starts while the application stops would find the database already closed. */
    void stopping(@Observes ShutdownEvent event) {
        stopping = true;
    }

    @Scheduled(every = "${portal.sandbox.scan-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scan() {
        if (!config.enabled() || stopping) {
            return;
        }
        for (Long jobId : completion.dueJobIds(20)) {
            if (stopping) {
                return;
            }
            try {
                completion.completeIfDue(jobId);
            } catch (RuntimeException e) {
                LOG.errorf(e, "Sandbox job %d could not be completed", jobId);
            }
        }
        for (Long jobId : webhooks.dueJobIds(20)) {
            webhooks.notify(jobId);
        }
    }
}
