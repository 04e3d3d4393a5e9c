package com.claudioportal.sandbox;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * The control API under {@code /control}: accounts and their behaviour and faults, counters of
 * what callers did, jobs (also made in bulk), completing a job now, reset. JSON in and out, guarded
 * by {@code Authorization: Bearer <control token>}; documented in docs/claudio.md. It is the only
 * way tests, the demo and benchmarks shape the sandbox.
 */
final class ControlApi {

    private final Vertx vertx;
    private final SandboxState state;
    private final SandboxUrls urls;
    private final ClaudioApi api;
    private final Storage storage;
    private final byte[] token;

    ControlApi(Vertx vertx, SandboxState state, SandboxUrls urls, ClaudioApi api, Storage storage, String token) {
        this.vertx = vertx;
        this.state = state;
        this.urls = urls;
        this.api = api;
        this.storage = storage;
        this.token = token == null ? null : token.getBytes(StandardCharsets.UTF_8);
    }

    void register(Router router) {
        // the token first, so nobody without it gets a body read; then the body (two routes: Vert.x wants body handlers first on a route)
        router.route("/control/*").handler(this::authorize);
        router.route("/control/*").handler(BodyHandler.create(false).setBodyLimit(64L << 20));
        route(router, HttpMethod.GET, "/control/accounts", ctx -> accountsList());
        route(router, HttpMethod.POST, "/control/accounts", this::bulkAccounts);
        route(router, HttpMethod.GET, "/control/accounts/:slug", ctx -> withAccount(ctx, a -> ok(view(a))));
        route(router, HttpMethod.PUT, "/control/accounts/:slug", ctx -> {
            JsonNode body = body(ctx);
            return ok(view(put(ctx.pathParam("slug"), body)));
        });
        route(router, HttpMethod.PATCH, "/control/accounts/:slug", ctx -> withAccount(ctx, a -> ok(view(change(a, body(ctx))))));
        route(router, HttpMethod.DELETE, "/control/accounts/:slug", ctx -> withAccount(ctx, this::delete));
        route(router, HttpMethod.POST, "/control/accounts/:slug/rotate-key", ctx -> withAccount(ctx, a -> {
            String key = Credentials.newKey();
            a.keyHash = Credentials.hash(key);
            a.settings = a.settings.withKeyRevoked(false);
            state.changed();
            return ok(Json.object().put("apiKey", key));
        }));
        route(router, HttpMethod.GET, "/control/accounts/:slug/counters", ctx -> withAccount(ctx, a -> ok(counters(a))));
        route(router, HttpMethod.GET, "/control/accounts/:slug/uploads", ctx -> withAccount(ctx, a -> ok(uploads(a))));
        route(router, HttpMethod.DELETE, "/control/accounts/:slug/uploads", ctx -> withAccount(ctx, this::deleteUploads));
        route(router, HttpMethod.GET, "/control/accounts/:slug/jobs", ctx -> withAccount(ctx, a -> ok(jobs(a, ctx))));
        route(router, HttpMethod.POST, "/control/accounts/:slug/jobs", ctx -> withAccount(ctx, a -> ok(bulkJobs(a, body(ctx)))));
        route(router, HttpMethod.GET, "/control/jobs/:reference", ctx -> withJob(ctx, j -> ok(view(j))));
        route(router, HttpMethod.POST, "/control/jobs/:reference/complete",
                ctx -> withJob(ctx, j -> api.complete(j).map(v -> Reply.json(200, view(j)))));
        route(router, HttpMethod.POST, "/control/reset", ctx -> reset());
        router.route("/control/*").handler(ctx -> Responder.write(ctx, problem(404, "No such control call")));
    }

    private interface Call {
        Future<Reply> handle(RoutingContext ctx);
    }

    private void route(Router router, HttpMethod method, String path, Call call) {
        router.route(path).method(method).handler(ctx -> {
            Future<Reply> reply;
            try {
                reply = call.handle(ctx);
            } catch (IllegalArgumentException e) {
                reply = Future.succeededFuture(problem(400, e.getMessage()));
            }
            reply.onComplete(done -> {
                if (done.failed()) {
                    ctx.fail(done.cause());
                } else {
                    Responder.write(ctx, done.result());
                }
            });
        });
    }

    private void authorize(RoutingContext ctx) {
        String header = ctx.request().getHeader("Authorization");
        String presented = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).strip() : "";
        if (!MessageDigest.isEqual(presented.getBytes(StandardCharsets.UTF_8), token)) {
            ctx.response().putHeader("WWW-Authenticate", "Bearer");
            Responder.write(ctx, problem(401, "A valid control token is required"));
            return;
        }
        ctx.next();
    }

    // ---- accounts ---------------------------------------------------------------------------

    private Future<Reply> accountsList() {
        ArrayNode list = Json.MAPPER.createArrayNode();
        state.accounts.values().stream().sorted(java.util.Comparator.comparing(a -> a.slug)).forEach(a -> list.add(view(a)));
        ObjectNode out = Json.object();
        out.set("accounts", list);
        return ok(out);
    }

    /** {@code {"accounts": [{"slug", "apiKey", "apiSecret", …settings}, …]}}: many accounts in one call. */
    private Future<Reply> bulkAccounts(RoutingContext ctx) {
        JsonNode body = body(ctx);
        JsonNode list = body.path("accounts");
        if (!list.isArray()) {
            throw new IllegalArgumentException("Expected {\"accounts\": [ … ]}");
        }
        ArrayNode out = Json.MAPPER.createArrayNode();
        for (JsonNode entry : list) {
            out.add(view(put(entry.path("slug").asText(null), entry)));
        }
        ObjectNode answer = Json.object();
        answer.set("accounts", out);
        return ok(answer);
    }

    /** Creates the account (or gives it these credentials) and applies the other fields of the body. */
    Account put(String slug, JsonNode body) {
        String key = body.path("apiKey").asText(null);
        String secret = body.path("apiSecret").asText(null);
        Account existing = state.accounts.get(slug);
        if (existing != null && key == null && secret == null) {
            return change(existing, body);
        }
        // everything is checked before the account is created or its credentials replaced
        settings(existing == null ? new Account.Settings(null, 0, PollStyle.NEWER, false, null, false) : existing.settings, body);
        faults(body);
        return change(state.ensureAccount(slug, key, secret), body);
    }

    /** Applies every field present; all are checked before any takes effect. */
    Account change(Account account, JsonNode body) {
        Account.Settings settings = settings(account.settings, body);
        Map<String, Fault> faults = faults(body);
        if (body.path("clearFaults").asBoolean(false)) {
            account.faults.clear();
            settings = settings.withKeyRevoked(body.has("keyRevoked") && body.get("keyRevoked").asBoolean());
        }
        faults.forEach((call, fault) -> {
            if (fault == null) {
                account.faults.remove(call);
            } else {
                account.faults.put(call, fault);
            }
        });
        account.settings = settings;
        state.changed();
        return account;
    }

    /** {@code s} with what {@code body} gives (a setting it leaves out stays as it is). */
    private static Account.Settings settings(Account.Settings s, JsonNode body) {
        long processingMillis = s.processingMillis();
        if (body.has("processingMillis")) {
            processingMillis = body.get("processingMillis").asLong(-1);
            if (processingMillis < 0) {
                throw new IllegalArgumentException("processingMillis is 0 or more");
            }
        }
        PollStyle pollStyle = s.pollStyle();
        if (body.has("pollStyle")) {
            try {
                pollStyle = PollStyle.valueOf(body.get("pollStyle").asText().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("pollStyle is NEWER or OLDER");
            }
        }
        boolean retention = body.has("retention") ? body.get("retention").asBoolean() : s.retention();
        boolean keyRevoked = body.has("keyRevoked") ? body.get("keyRevoked").asBoolean() : s.keyRevoked();
        Long linkLifetimeMillis = s.linkLifetimeMillis();
        if (body.has("linkLifetimeMillis")) {
            JsonNode v = body.get("linkLifetimeMillis");
            if (!v.isNull() && v.asLong(0) <= 0) {
                throw new IllegalArgumentException("linkLifetimeMillis is positive (null: the sandbox's default)");
            }
            linkLifetimeMillis = v.isNull() ? null : v.asLong();
        }
        String webhookUrl = s.webhookUrl();
        if (body.has("webhookUrl")) {
            JsonNode v = body.get("webhookUrl");
            webhookUrl = v.isNull() || v.asText().isBlank() ? null : v.asText().strip();
            if (webhookUrl != null && !webhookUrl.matches("(?i)https?://\\S+")) {
                throw new IllegalArgumentException("A webhook URL is an absolute http(s) URL");
            }
        }
        return new Account.Settings(webhookUrl, processingMillis, pollStyle, retention, linkLifetimeMillis, keyRevoked);
    }

    /** {@code "faults": {"POLL": {…}, "ALL": {…}, "SUBMIT": null}}: null removes a call's fault. */
    private static Map<String, Fault> faults(JsonNode body) {
        Map<String, Fault> out = new HashMap<>();
        JsonNode faults = body.path("faults");
        if (faults.isMissingNode() || faults.isNull()) {
            return out;
        }
        if (!faults.isObject()) {
            throw new IllegalArgumentException("faults is an object keyed by call (" + List.of(SandboxCall.values()) + " or ALL)");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = faults.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            String call = e.getKey().toUpperCase(Locale.ROOT);
            if (!call.equals(Account.ALL)) {
                try {
                    SandboxCall.valueOf(call);
                } catch (IllegalArgumentException x) {
                    throw new IllegalArgumentException("Unknown call " + e.getKey() + " in faults; known: " + List.of(SandboxCall.values()) + ", ALL");
                }
            }
            out.put(call, e.getValue().isNull() ? null : Fault.parse(e.getValue()));
        }
        return out;
    }

    /** The account, its jobs and every file of it, from memory and disk. */
    private Future<Reply> delete(Account account) {
        state.accounts.remove(account.slug, account);
        state.jobs.values().removeIf(j -> {
            if (j.accountSlug.equals(account.slug) && j.timerId >= 0) {
                vertx.cancelTimer(j.timerId);
            }
            return j.accountSlug.equals(account.slug);
        });
        return deleteFiles(f -> f.accountSlug().equals(account.slug));
    }

    /** The account's uploads (files and entries); jobs that referenced them lose their inputs' bytes. */
    private Future<Reply> deleteUploads(Account account) {
        return deleteFiles(f -> f.accountSlug().equals(account.slug) && f.upload());
    }

    private Future<Reply> deleteFiles(java.util.function.Predicate<StoredFile> which) {
        List<StoredFile> gone = state.files.values().stream().filter(which).toList();
        gone.forEach(f -> state.files.remove(f.id()));
        state.changed();
        return vertx.executeBlocking(() -> {
            for (StoredFile f : gone) {
                if (f.storagePath() != null && (f.upload() || !f.storagePath().startsWith("files"))) {
                    java.nio.file.Files.deleteIfExists(storage.resolve(f.storagePath()));
                }
            }
            return new Reply(204, "application/json", new byte[0], null, null);
        }, false);
    }

    /** The account without anything secret: no key or secret, the webhook only as its origin. */
    ObjectNode view(Account a) {
        Account.Settings s = a.settings;
        ObjectNode out = Json.object();
        out.put("slug", a.slug).put("baseUrl", urls.baseUrl(a.slug)).put("webhookConfigured", s.webhookUrl() != null)
                .put("webhookOrigin", s.webhookUrl() == null ? null : SandboxUrls.origin(s.webhookUrl()))
                .put("processingMillis", s.processingMillis()).put("pollStyle", s.pollStyle().name())
                .put("retention", s.retention()).put("linkLifetimeMillis", state.linkLifetime(a).toMillis())
                .put("keyRevoked", s.keyRevoked());
        ObjectNode faults = out.putObject("faults");
        a.faults.forEach((call, fault) -> faults.set(call, fault.toJson()));
        return out;
    }

    private ObjectNode counters(Account a) {
        ObjectNode out = Json.object().put("slug", a.slug);
        ObjectNode requests = out.putObject("requests");
        a.counters.requests.forEach((call, n) -> requests.put(call.name(), n.get()));
        synchronized (a.counters.uploadedFilenames) {
            out.put("uploads", a.counters.uploadedFilenames.size());
            out.set("uploadedFilenames", Json.MAPPER.valueToTree(a.counters.uploadedFilenames));
        }
        synchronized (a.counters.submittedJobNames) {
            out.put("submits", a.counters.submittedJobNames.size());
            out.set("submittedJobNames", Json.MAPPER.valueToTree(a.counters.submittedJobNames));
        }
        out.put("jobs", state.jobs.values().stream().filter(j -> j.accountSlug.equals(a.slug)).count());
        return out;
    }

    private ObjectNode uploads(Account a) {
        ArrayNode list = Json.MAPPER.createArrayNode();
        for (StoredFile f : state.uploadsOf(a.slug)) {
            list.addObject().put("id", f.id()).put("role", f.role()).put("filename", f.filename()).put("contentType", f.contentType())
                    .put("sizeBytes", f.sizeBytes()).put("uploadedAt", f.createdAt().toString());
        }
        ObjectNode out = Json.object();
        out.set("uploads", list);
        return out;
    }

    /** {@code ?jobName=…} keeps the jobs of that name; {@code ?limit=} the first that many. */
    private ObjectNode jobs(Account a, RoutingContext ctx) {
        String name = ctx.queryParams().get("jobName");
        int limit = Integer.parseInt(ctx.queryParams().contains("limit") ? ctx.queryParams().get("limit") : "10000");
        ArrayNode list = Json.MAPPER.createArrayNode();
        state.jobsOf(a.slug).stream().filter(j -> name == null || name.equals(j.jobName)).limit(limit).forEach(j -> list.add(view(j)));
        ObjectNode out = Json.object();
        out.set("jobs", list);
        return out;
    }

    /**
     * Jobs as if submitted already, for benchmarks: {@code {"jobs": [{"jobReferenceId"?, "jobName"?,
     * "processingMillis"?, "raw"?}, …]}} and/or {@code {"count": N, "jobNamePrefix"?, "processingMillis"?,
     * "processingMillisMax"?}} (uniform between the two). No input files; each completes with one
     * transcript. Answers the references in order.
     */
    private ObjectNode bulkJobs(Account a, JsonNode body) {
        List<JsonNode> specs = new ArrayList<>();
        body.path("jobs").forEach(specs::add);
        int count = body.path("count").asInt(0);
        if (count < 0 || count > 1_000_000 || specs.isEmpty() && count == 0) {
            throw new IllegalArgumentException("Give \"jobs\": [ … ] and/or \"count\" (1 to 1,000,000)");
        }
        long defaultMin = body.has("processingMillis") ? body.get("processingMillis").asLong() : a.settings.processingMillis();
        long defaultMax = body.has("processingMillisMax") ? body.get("processingMillisMax").asLong() : defaultMin;
        if (defaultMin < 0 || defaultMax < defaultMin) {
            throw new IllegalArgumentException("processingMillis is 0 or more and processingMillisMax not below it");
        }
        String prefix = body.path("jobNamePrefix").asText("Bulk job ");
        for (JsonNode spec : specs) {
            String reference = spec.path("jobReferenceId").asText("");
            if (!reference.isEmpty() && (!reference.matches("[A-Za-z0-9_-]{1,64}") || state.jobs.containsKey(reference))) {
                throw new IllegalArgumentException("jobReferenceId " + reference + " is taken or not 1-64 letters, digits, _ or -");
            }
        }
        ArrayNode references = Json.MAPPER.createArrayNode();
        Instant now = Instant.now();
        int n = 0;
        for (int i = 0; i < specs.size() + count; i++) {
            JsonNode spec = i < specs.size() ? specs.get(i) : Json.object();
            String reference = spec.path("jobReferenceId").asText("");
            if (reference.isEmpty()) {
                reference = api.newReference();
            }
            long ms = spec.has("processingMillis") ? Math.max(0, spec.get("processingMillis").asLong())
                    : defaultMax > defaultMin ? ThreadLocalRandom.current().nextLong(defaultMin, defaultMax + 1) : defaultMin;
            String jobName = spec.has("jobName") ? spec.get("jobName").asText() : prefix + (++n);
            Job job = new Job(state.nextSequence(), reference, a.slug, jobName, spec.path("profileId").asText(""),
                    spec.path("profileName").asText("Bulk profile"), spec.path("formId").asText(""), spec.path("raw").asBoolean(false), "{}",
                    now, now.plusMillis(ms), List.of(), a.settings.webhookUrl(), true);
            api.add(job);
            references.add(reference);
        }
        ObjectNode out = Json.object().put("created", references.size());
        out.set("jobReferenceIds", references);
        return out;
    }

    // ---- jobs --------------------------------------------------------------------------------

    /** A job as the sandbox received and processed it, with how often it was polled. */
    ObjectNode view(Job j) {
        ObjectNode out = Json.object();
        out.put("jobReferenceId", j.reference).put("accountSlug", j.accountSlug).put("jobName", j.jobName).put("profileId", j.profileId)
                .put("profileName", j.profileName).put("formId", j.formId).put("raw", j.raw).put("synthetic", j.synthetic)
                .put("status", j.status).put("submittedAt", j.submittedAt.toString()).put("completesAt", j.completesAt.toString())
                .put("completedAt", j.completed() && j.completedAt != null ? j.completedAt.toString() : null);
        out.set("jobData", Json.MAPPER.valueToTree(JobCompletion.jobData(j.requestJson)));
        ArrayNode inputs = out.putArray("inputs");
        List<Job.Input> sorted = new ArrayList<>(j.inputs);
        sorted.sort(java.util.Comparator.comparing(Job.Input::role).thenComparingInt(Job.Input::position));
        for (Job.Input in : sorted) {
            StoredFile file = state.files.get(in.fileId());
            inputs.addObject().put("role", in.role()).put("filename", in.filename())
                    .put("uploadedFilename", file == null ? null : file.filename()).put("sizeBytes", file == null ? 0 : file.sizeBytes())
                    .put("audioStart", in.audioStart()).put("audioEnd", in.audioEnd()).put("docType", in.docType());
        }
        ArrayNode outputs = out.putArray("outputs");
        if (j.completed()) {
            for (StoredFile f : state.outputsOf(j)) {
                outputs.addObject().put("role", f.role()).put("filename", f.filename()).put("contentType", f.contentType())
                        .put("sizeBytes", f.sizeBytes()).put("detail", f.detail());
            }
        }
        out.put("rawText", j.completed() ? j.rawText : null).put("webhookResult", j.webhookResult)
                .put("polls", j.polls.get()).put("details", j.details.get());
        return out;
    }

    private Future<Reply> reset() {
        state.jobs.values().forEach(j -> {
            if (j.timerId >= 0) {
                vertx.cancelTimer(j.timerId);
            }
        });
        state.clear();
        return vertx.executeBlocking(() -> {
            storage.clear();
            return new Reply(204, "application/json", new byte[0], null, null);
        }, false);
    }

    // ---- helpers ---------------------------------------------------------------------------------

    private Future<Reply> withAccount(RoutingContext ctx, Function<Account, Future<Reply>> work) {
        Account account = state.accounts.get(ctx.pathParam("slug"));
        return account == null ? Future.succeededFuture(problem(404, "No such sandbox account")) : work.apply(account);
    }

    private Future<Reply> withJob(RoutingContext ctx, Function<Job, Future<Reply>> work) {
        Job job = state.jobs.get(ctx.pathParam("reference"));
        return job == null ? Future.succeededFuture(problem(404, "No such sandbox job")) : work.apply(job);
    }

    private static Future<Reply> ok(JsonNode body) {
        return Future.succeededFuture(Reply.json(200, body));
    }

    private static JsonNode body(RoutingContext ctx) {
        byte[] bytes = ctx.body() == null || ctx.body().buffer() == null ? new byte[0] : ctx.body().buffer().getBytes();
        if (bytes.length == 0) {
            return Json.object();
        }
        JsonNode node = Json.objectOrNull(bytes);
        if (node == null) {
            throw new IllegalArgumentException("The body is not a JSON object");
        }
        return node;
    }

    static Reply problem(int status, String message) {
        return Reply.json(status, Json.object().put("error", message));
    }
}
