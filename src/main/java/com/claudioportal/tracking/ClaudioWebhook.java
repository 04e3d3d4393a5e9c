package com.claudioportal.tracking;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.claudioportal.audit.AuditActor;
import com.claudioportal.audit.AuditAggregates;
import com.claudioportal.audit.AuditEntry;
import com.claudioportal.audit.AuditOutcome;
import com.claudioportal.audit.AuditSource;
import com.claudioportal.audit.AuditTrail;
import com.claudioportal.credentials.WebhookTokens;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.vertx.http.runtime.security.SecurityHandlerPriorities;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * Receives Claudio's completion notifications at {@code /webhooks/claudio/<token>}. Claudio
 * documents neither the payload nor a signature, so the unguessable token in the address
 * identifies the tenant, the body is read leniently for a job reference (JSON, form or query),
 * and the notice is only a hint: the job is polled at once in the priority lane, and only the poll
 * changes its state. A plain Vert.x route: machine callbacks carry no CSRF token and need no sign-in.
 * <p>
 * Built for floods: it runs on the event loop; requests are limited per client address and per
 * webhook address (429 in JSON); token lookups are cached (unknown tokens too, for a short while),
 * so an unknown token costs at most one indexed lookup without a transaction; notices are written
 * in batches ({@link NoticeWriter}) and answered 200 once committed.
 */
@ApplicationScoped
public class ClaudioWebhook {

    private static final Logger LOG = Logger.getLogger(ClaudioWebhook.class);
    static final String RECEIVED = "webhook.received";
    static final String REFUSED = "webhook.refused";
    private static final String[] REFERENCE_KEYS = { "job_reference_id", "jobReferenceId", "reference_id", "job_id", "reference" };

    @Inject
    WebhookTokens tokens;

    @Inject
    NoticeWriter notices;

    @Inject
    WorkerConfig config;

    @Inject
    Vertx vertx;

    @Inject
    MeterRegistry meters;

    @Inject
    AuditAggregates audit;

    /** One counter per outcome, looked up once rather than per notice. */
    private final ConcurrentMap<String, Counter> outcomes = new ConcurrentHashMap<>();
    private Cache<String, String> knownTokens;
    private Cache<String, Boolean> unknownTokens;
    private RateLimits perAddress;
    private RateLimits perToken;

    @PostConstruct
    void init() {
        WorkerConfig.Webhook w = config.webhook();
        knownTokens = Caffeine.newBuilder().maximumSize(50_000).expireAfterWrite(w.tokenCacheTtl()).build();
        unknownTokens = Caffeine.newBuilder().maximumSize(100_000).expireAfterWrite(w.unknownTokenTtl()).build();
        perAddress = new RateLimits(w.perAddressRate(), w.burstSeconds(), 100_000);
        perToken = new RateLimits(w.perTokenRate(), w.burstSeconds(), 50_000);
    }

    void routes(@Observes Router router) {
        String path = WebhookTokens.PATH + ":token";
        // before Quarkus' authentication (a machine callback signs in to nothing: the token is the
        // credential, checked here), so a notice costs no security pipeline; after the request id
        // and the headers every answer carries
        int order = -SecurityHandlerPriorities.AUTHENTICATION - 1;
        router.route(HttpMethod.POST, path).order(order).handler(BodyHandler.create(false).setBodyLimit(64 * 1024));
        router.route(HttpMethod.POST, path).order(order).handler(this::receive);
        router.route(HttpMethod.GET, path).order(order).handler(this::receive);
    }

    void receive(RoutingContext rc) {
        String address = rc.request().remoteAddress() == null ? "unknown" : rc.request().remoteAddress().host();
        if (!perAddress.allow(address)) {
            // the tenant is not looked up for a flood: the platform's log counts these
            trace(rc, REFUSED, AuditTrail.PLATFORM, AuditOutcome.DENIED, "client-address");
            tooMany(rc, "address");
            return;
        }
        String token = rc.pathParam("token");
        Context context = Vertx.currentContext();
        tenantOf(token).whenComplete((tenant, error) -> onContext(context, () -> {
            if (error != null) {
                trace(rc, RECEIVED, AuditTrail.PLATFORM, AuditOutcome.FAILURE, null);
                answer(rc, 503, "{\"error\":\"try again later\"}", "error");
            } else if (tenant.isEmpty()) {
                // all unknown addresses together: counting each guessed token would let a flood write a row per guess
                trace(rc, REFUSED, AuditTrail.PLATFORM, AuditOutcome.DENIED, "unknown-address");
                answer(rc, 404, "{\"error\":\"unknown webhook address\"}", "unknown_address");
            } else if (!perToken.allow(tenant.get())) {
                trace(rc, REFUSED, tenant.get(), AuditOutcome.DENIED, "webhook-address");
                tooMany(rc, "token");
            } else {
                accept(rc, tenant.get(), context);
            }
        }));
    }

    /** Runs {@code action} on the request's context: at once when already there (a known token), else as a task on it. */
    private static void onContext(Context context, Runnable action) {
        if (Vertx.currentContext() == context) {
            action.run();
        } else {
            context.runOnContext(v -> action.run());
        }
    }

    private void accept(RoutingContext rc, String tenant, Context context) {
        String reference = referenceIn(rc);
        if (reference == null || reference.length() > 200) {
            LOG.debugf("Webhook for tenant %s without a job reference", tenant);
            trace(rc, RECEIVED, tenant, AuditOutcome.SUCCESS, null);
            answer(rc, 200, "{\"received\":true}", "no_reference");
            return;
        }
        // an accepted notice is counted once committed, per job (NoticeWriter)
        notices.record(tenant, reference, AuditSource.of(rc)).whenComplete((v, error) -> onContext(context, () -> {
            if (error != null) {
                trace(rc, RECEIVED, tenant, AuditOutcome.FAILURE, null);
                answer(rc, 503, "{\"error\":\"try again later\"}", "error");
            } else {
                answer(rc, 200, "{\"received\":true}", "accepted");
            }
        }));
    }

    /** The tenant of a webhook address: from memory when known (or known to be unknown), else one lookup. */
    private CompletionStage<Optional<String>> tenantOf(String token) {
        String known = knownTokens.getIfPresent(token);
        if (known != null) {
            return CompletableFuture.completedFuture(Optional.of(known));
        }
        if (token == null || unknownTokens.getIfPresent(token) != null) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        return vertx.<Optional<String>> executeBlocking(() -> tokens.tenantOf(token), false).toCompletionStage()
                .thenApply(found -> {
                    if (found.isPresent()) {
                        knownTokens.put(token, found.get());
                    } else {
                        unknownTokens.put(token, Boolean.TRUE);
                    }
                    return found;
                });
    }

    /** A replaced address stops working here at once (other instances forget it within the cache's time). */
    void regenerated(@Observes(during = jakarta.enterprise.event.TransactionPhase.AFTER_SUCCESS) WebhookTokens.Regenerated change) {
        knownTokens.asMap().values().removeIf(change.tenantId()::equals);
        unknownTokens.invalidateAll();
    }

    /**
     * Leaves the delivery's trace in the audit log: counted per chain, action, outcome, target and
     * minute ({@link AuditAggregates}), so 41,000 deliveries become a few events with their counts.
     * {@code limit} names what refused it; no part of the token, reference or body is kept.
     */
    private void trace(RoutingContext rc, String action, String chain, AuditOutcome outcome, String limit) {
        audit.count(AuditEntry.of(action).chain(chain).target("webhook", limit).outcome(outcome).actor(AuditActor.CLAUDIO)
                .source(AuditSource.of(rc)));
    }

    private void tooMany(RoutingContext rc, String which) {
        rc.response().putHeader("Retry-After", "1");
        answer(rc, 429, "{\"error\":\"too many notifications\",\"retry_after\":1}", "limited_" + which);
    }

    private void answer(RoutingContext rc, int status, String json, String outcome) {
        outcomes.computeIfAbsent(outcome, o -> meters.counter("portal.webhook.notices", "outcome", o)).increment();
        if (!rc.response().ended()) {
            rc.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(json);
        }
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
