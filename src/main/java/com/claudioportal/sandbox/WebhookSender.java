package com.claudioportal.sandbox;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Notifies an account's webhook once per job, after completion, as the newest Submit page
 * promises. The body's shape is the sandbox's own (the vendor's is undocumented). A job is
 * claimed in the database before sending, so it is notified at most once even across restarts
 * and several portal instances; failures are logged without the URL's path or query, which
 * usually carry a secret.
 */
@ApplicationScoped
@ActivateRequestContext
public class WebhookSender {

    private static final Logger LOG = Logger.getLogger(WebhookSender.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    SandboxConfig config;

    @Inject
    EntityManager em;

    private HttpClient http;

    @PostConstruct
    void init() {
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(config.webhookTimeout()).build();
    }

    List<Long> dueJobIds(int limit) {
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select j.id from SandboxJobEntity j where j.status = :s and j.webhookUrl is not null and j.webhookClaimedAt is null"
                        + " order by j.completedAt", Long.class)
                .setParameter("s", SandboxJobEntity.COMPLETED).setMaxResults(limit).getResultList());
    }

    void notify(long jobId) {
        SandboxJobEntity job = QuarkusTransaction.requiringNew().call(() -> {
            int claimed = em.createQuery("update SandboxJobEntity j set j.webhookClaimedAt = :now where j.id = :id and j.webhookClaimedAt is null")
                    .setParameter("now", Instant.now()).setParameter("id", jobId).executeUpdate();
            return claimed == 1 ? SandboxJobEntity.<SandboxJobEntity> findById(jobId) : null;
        });
        if (job == null) {
            return;
        }
        String result = send(job);
        QuarkusTransaction.requiringNew().run(() -> em.createQuery("update SandboxJobEntity j set j.webhookResult = :r where j.id = :id")
                .setParameter("r", result).setParameter("id", jobId).executeUpdate());
    }

    private String send(SandboxJobEntity job) {
        var body = JSON.createObjectNode()
                .put("event", "job.completed")
                .put("job_reference_id", job.jobReferenceId)
                .put("job_name", job.jobName)
                .put("status", "completed")
                .put("msg", "SUCCESS: Job completed. ")
                .put("completed_at", job.completedAt == null ? null : job.completedAt.toString());
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(job.webhookUrl))
                    .timeout(config.webhookTimeout())
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "claudio-sandbox")
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                    .build();
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status / 100 != 2) {
                LOG.warnf("Sandbox webhook for job %s to %s answered HTTP %d", job.jobReferenceId, SandboxUrls.origin(job.webhookUrl), status);
            }
            return "HTTP " + status;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        } catch (Exception e) {
            LOG.warnf("Sandbox webhook for job %s to %s failed: %s", job.jobReferenceId, SandboxUrls.origin(job.webhookUrl),
                    e.getClass().getSimpleName());
            return "failed: " + e.getClass().getSimpleName();
        }
    }
}
