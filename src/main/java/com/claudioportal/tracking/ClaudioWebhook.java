package com.claudioportal.tracking;

import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.claudioportal.credentials.WebhookTokens;
import com.claudioportal.job.Job;
import com.claudioportal.job.JobEvent;
import com.claudioportal.job.JobState;
import com.claudioportal.job.JobSubmission;
import com.claudioportal.tenant.TenantScope;

import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * Receives Claudio's completion notifications at {@code /webhooks/claudio/<token>}. Claudio
 * documents neither the payload nor a signature, so the unguessable token in the address
 * identifies the tenant, the body is read leniently for a job reference (JSON, form or query),
 * and the notice is only a hint: the job is polled at once, and only the poll changes its state.
 * A plain Vert.x route: machine callbacks carry no CSRF token and need no sign-in.
 */
@ApplicationScoped
public class ClaudioWebhook {

    private static final Logger LOG = Logger.getLogger(ClaudioWebhook.class);
    private static final String[] REFERENCE_KEYS = { "job_reference_id", "jobReferenceId", "reference_id", "job_id", "reference" };

    @Inject
    WebhookTokens tokens;

    @Inject
    TenantScope scope;

    @Inject
    Event<JobSubmission.Submitted> wake;

    void routes(@Observes Router router) {
        String path = WebhookTokens.PATH + ":token";
        // after the security handlers, before Quarkus' own body handling and JAX-RS
        int order = RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1;
        router.route(HttpMethod.POST, path).order(order).handler(BodyHandler.create(false).setBodyLimit(64 * 1024));
        router.route(HttpMethod.POST, path).order(order).blockingHandler(this::receive, false);
        router.route(HttpMethod.GET, path).order(order).blockingHandler(this::receive, false);
    }

    void receive(RoutingContext rc) {
        scope.platform(() -> {
            handle(rc);
            return null;
        });
    }

    private void handle(RoutingContext rc) {
        Optional<String> tenant = tokens.tenantOf(rc.pathParam("token"));
        if (tenant.isEmpty()) {
            rc.response().setStatusCode(404).putHeader("Content-Type", "application/json").end("{\"error\":\"unknown webhook address\"}");
            return;
        }
        String reference = referenceIn(rc);
        boolean known = reference != null && scope.call(tenant.get(), () -> {
            Job job = Job.find("claudioReference", reference).firstResult();
            if (job == null) {
                return false;
            }
            if (job.status == JobState.SUBMITTED) {
                job.nextAttemptAt = Instant.now();
                job.updatedAt = Instant.now();
                JobEvent.record(job, "Claudio sent a notification; the portal is checking the job.", "claudio");
                wake.fire(new JobSubmission.Submitted(tenant.get(), job.id));
            }
            return true;
        });
        LOG.debugf("Webhook for tenant %s, reference %s, %s", tenant.get(), reference, known ? "known" : "unknown");
        rc.response().setStatusCode(200).putHeader("Content-Type", "application/json").end("{\"received\":true}");
    }

    /** The job reference, wherever the notification put it. */
    static String referenceIn(RoutingContext rc) {
        for (String key : REFERENCE_KEYS) {
            String value = rc.request().getParam(key);
            if (value != null && !value.isBlank()) {
                return value.trim();
            }
        }
        if (rc.body() != null && rc.body().length() > 0) {
            try {
                JsonObject json = rc.body().asJsonObject();
                String found = referenceIn(json);
                if (found == null && json.getValue("job") instanceof JsonObject nested) {
                    found = referenceIn(nested);
                }
                if (found == null && json.getValue("data") instanceof JsonObject nested) {
                    found = referenceIn(nested);
                }
                return found;
            } catch (RuntimeException e) {
                return null;
            }
        }
        return null;
    }

    private static String referenceIn(JsonObject json) {
        for (String key : REFERENCE_KEYS) {
            Object value = json.getValue(key);
            if (value != null && !String.valueOf(value).isBlank()) {
                return String.valueOf(value).trim();
            }
        }
        return null;
    }
}
