package com.claudioportal.sandbox;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * {@link SandboxAccounts} over HTTP for demos: {@code <sandbox>/_control/…}, JSON in and out,
 * guarded by {@code Authorization: Bearer <portal.sandbox.control-token>}. Without a configured
 * token a random one is used that nobody knows, so the endpoint stays closed.
 */
@ApplicationScoped
public class SandboxControlEndpoint {

    @Inject
    SandboxConfig config;

    @Inject
    SandboxAccounts accounts;

    @Inject
    ObjectMapper json;

    private byte[] token;

    @PostConstruct
    void init() {
        String configured = config.controlToken().map(String::strip).filter(t -> !t.isEmpty()).orElse(null);
        token = (configured != null ? configured : Credentials.random(48)).getBytes(StandardCharsets.UTF_8);
    }

    void register(Router router, String base, int order) {
        String accountPath = base + "/_control/accounts/:slug";
        router.route(accountPath).order(order).method(HttpMethod.GET)
                .handler(ctx -> guarded(ctx, () -> accounts.find(ctx.pathParam("slug")).map(this::account)
                        .map(a -> SandboxReply.json(200, a)).orElse(problem(404, "No such sandbox account"))));
        router.route(accountPath).order(order).method(HttpMethod.PUT)
                .handler(ctx -> guarded(ctx, () -> {
                    JsonNode body = body(ctx);
                    return SandboxReply.json(200, account(accounts.ensureAccount(ctx.pathParam("slug"),
                            body.path("apiKey").asText(null), body.path("apiSecret").asText(null))));
                }));
        router.route(accountPath).order(order).method(HttpMethod.PATCH)
                .handler(ctx -> guarded(ctx, () -> SandboxReply.json(200, account(change(ctx.pathParam("slug"), body(ctx))))));
        router.route(accountPath + "/rotate-key").order(order).method(HttpMethod.POST)
                .handler(ctx -> guarded(ctx, () -> SandboxReply.json(200,
                        json.createObjectNode().put("apiKey", accounts.rotateKey(ctx.pathParam("slug"))))));
        router.route(base + "/_control/jobs/:reference").order(order).method(HttpMethod.GET)
                .handler(ctx -> guarded(ctx, () -> accounts.job(ctx.pathParam("reference"))
                        .map(job -> SandboxReply.json(200, json.valueToTree(job))).orElse(problem(404, "No such sandbox job"))));
        router.route(base + "/_control/*").order(order).handler(ctx -> SandboxRoutes.write(ctx, problem(404, "Not found")));
    }

    private SandboxAccount change(String slug, JsonNode body) {
        SandboxAccount current = accounts.find(slug).orElseThrow(() -> new IllegalArgumentException("No sandbox account " + slug));
        if (body.has("clearFaults") && body.get("clearFaults").asBoolean()) {
            current = accounts.clearFaults(slug);
        }
        if (body.has("webhookUrl")) {
            current = accounts.setWebhookUrl(slug, body.get("webhookUrl").isNull() ? null : body.get("webhookUrl").asText());
        }
        if (body.has("processingMillis")) {
            current = accounts.setProcessingTime(slug, Duration.ofMillis(body.get("processingMillis").asLong()));
        }
        if (body.has("pollStyle")) {
            current = accounts.setPollStyle(slug, PollStyle.valueOf(body.get("pollStyle").asText().toUpperCase()));
        }
        if (body.has("retention")) {
            current = accounts.setRetention(slug, body.get("retention").asBoolean());
        }
        if (body.has("linkLifetimeMillis")) {
            JsonNode v = body.get("linkLifetimeMillis");
            current = accounts.setLinkLifetime(slug, v.isNull() ? null : Duration.ofMillis(v.asLong()));
        }
        if (body.has("latencyMillis")) {
            current = accounts.setLatency(slug, Duration.ofMillis(body.get("latencyMillis").asLong()));
        }
        if (body.has("dropSubmitResponse")) {
            current = accounts.setDropSubmitResponse(slug, body.get("dropSubmitResponse").asBoolean());
        }
        if (body.has("keyRevoked")) {
            current = accounts.setKeyRevoked(slug, body.get("keyRevoked").asBoolean());
        }
        if (body.path("errorRates").isObject()) {
            for (Map.Entry<String, JsonNode> rate : (Iterable<Map.Entry<String, JsonNode>>) body.get("errorRates")::fields) {
                current = accounts.setErrorRate(slug, SandboxCall.valueOf(rate.getKey().toUpperCase()), rate.getValue().asDouble());
            }
        }
        return current;
    }

    /** The account without anything secret: the webhook URL only as its origin. */
    private ObjectNode account(SandboxAccount a) {
        ObjectNode out = json.createObjectNode();
        out.put("slug", a.slug()).put("baseUrl", a.baseUrl()).put("webhookConfigured", a.webhookUrl() != null)
                .put("webhookOrigin", a.webhookUrl() == null ? null : SandboxUrls.origin(a.webhookUrl()))
                .put("processingMillis", a.processingTime().toMillis()).put("pollStyle", a.pollStyle().name())
                .put("retention", a.retention()).put("linkLifetimeMillis", a.linkLifetime().toMillis());
        ObjectNode faults = out.putObject("faults");
        ObjectNode rates = faults.putObject("errorRates");
        a.faults().errorRates().forEach((call, rate) -> rates.put(call.name(), rate));
        faults.put("latencyMillis", a.faults().latency().toMillis()).put("dropSubmitResponse", a.faults().dropSubmitResponse())
                .put("keyRevoked", a.faults().keyRevoked());
        return out;
    }

    private void guarded(RoutingContext ctx, Callable<SandboxReply> work) {
        String header = ctx.request().getHeader("Authorization");
        String presented = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).strip() : "";
        if (!MessageDigest.isEqual(presented.getBytes(StandardCharsets.UTF_8), token)) {
            ctx.response().putHeader("WWW-Authenticate", "Bearer");
            SandboxRoutes.write(ctx, problem(401, "A valid control token is required"));
            return;
        }
        ctx.vertx().executeBlocking(() -> {
            try {
                return work.call();
            } catch (IllegalArgumentException e) {
                return problem(400, e.getMessage());
            }
        }, false).onComplete(done -> {
            if (done.failed()) {
                ctx.fail(done.cause());
            } else {
                SandboxRoutes.write(ctx, done.result());
            }
        });
    }

    private JsonNode body(RoutingContext ctx) {
        JsonNode node = SandboxService.object(ctx.body() == null || ctx.body().buffer() == null ? null : ctx.body().buffer().getBytes());
        return node == null ? json.createObjectNode() : node;
    }

    private SandboxReply problem(int status, String message) {
        return SandboxReply.json(status, json.createObjectNode().put("error", message));
    }
}
