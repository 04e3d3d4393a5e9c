package com.claudioportal.sandbox;

import java.net.ConnectException;
import java.util.concurrent.TimeoutException;
import java.util.logging.Logger;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;

/**
 * Notifies a job's webhook once, after completion, as the newest Submit page promises. The body's
 * shape is the sandbox's own (the vendor's is undocumented). A job is claimed before sending, so it
 * is notified at most once, also across restarts; no redirects are followed, no retries made.
 * Failures are logged with the URL's origin only: webhook URLs usually carry a secret in their path.
 */
final class WebhookSender {

    private static final Logger LOG = Logger.getLogger(WebhookSender.class.getName());

    private final HttpClient http;
    private final long timeoutMillis;
    private final SandboxState state;

    WebhookSender(Vertx vertx, long timeoutMillis, SandboxState state) {
        this.timeoutMillis = timeoutMillis;
        this.state = state;
        this.http = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout((int) timeoutMillis).setKeepAlive(false)
                .setMaxPoolSize(50));
    }

    /** Sends the notice if the job has a webhook and nobody claimed it yet. */
    void notifyOnce(Job job) {
        if (job.webhookUrl == null || !job.completed()) {
            return;
        }
        synchronized (job) {
            if (job.webhookClaimed) {
                return;
            }
            job.webhookClaimed = true;
        }
        state.changed();
        Buffer body = Buffer.buffer(Json.bytes(Json.object()
                .put("event", "job.completed")
                .put("job_reference_id", job.reference)
                .put("job_name", job.jobName)
                .put("status", "completed")
                .put("msg", "SUCCESS: Job completed. ")
                .put("completed_at", job.completedAt == null ? null : job.completedAt.toString())));
        RequestOptions request;
        try {
            request = new RequestOptions().setMethod(HttpMethod.POST).setAbsoluteURI(job.webhookUrl).setTimeout(timeoutMillis)
                    .putHeader("Content-Type", "application/json").putHeader("User-Agent", "claudio-sandbox");
        } catch (RuntimeException e) {
            record(job, "failed: " + e.getClass().getSimpleName());
            return;
        }
        http.request(request)
                .compose(r -> r.send(body))
                .compose(response -> response.body().map(ignored -> response.statusCode()))
                .onComplete(done -> {
                    if (done.succeeded()) {
                        int status = done.result();
                        if (status / 100 != 2) {
                            LOG.warning(() -> "Sandbox webhook for job " + job.reference + " to " + SandboxUrls.origin(job.webhookUrl)
                                    + " answered HTTP " + status);
                        }
                        record(job, "HTTP " + status);
                    } else {
                        Throwable cause = done.cause();
                        String kind = cause instanceof ConnectException ? "ConnectException"
                                : cause instanceof TimeoutException || cause.getClass().getSimpleName().contains("Timeout") ? "timeout"
                                        : cause.getClass().getSimpleName();
                        LOG.warning(() -> "Sandbox webhook for job " + job.reference + " to " + SandboxUrls.origin(job.webhookUrl)
                                + " failed: " + kind);
                        record(job, "failed: " + kind);
                    }
                });
    }

    private void record(Job job, String result) {
        job.webhookResult = result;
        state.changed();
    }

    void close() {
        http.close();
    }
}
