package com.claudioportal.sandbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

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

    @Scheduled(every = "${portal.sandbox.scan-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scan() {
        if (!config.enabled()) {
            return;
        }
        for (Long jobId : completion.dueJobIds(20)) {
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
