package com.claudioportal.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A small client of the Claudio sandbox's control API (docs/claudio.md, "Control API"): what
 * tests use to create accounts, shape their behaviour, inject faults and look at what the sandbox
 * received. It talks HTTP only, so it works the same against a sandbox in this JVM or in another
 * process.
 */
public final class SandboxControl {

    public record Account(String slug, String baseUrl, long processingMillis, String pollStyle, boolean retention,
            long linkLifetimeMillis, boolean keyRevoked, boolean webhookConfigured, String webhookOrigin, JsonNode faults) {
    }

    /** A job as the sandbox received and processed it. */
    public record Job(String jobReferenceId, String accountSlug, String jobName, String profileId, String profileName, String formId,
            boolean raw, boolean synthetic, String status, String submittedAt, String completesAt, String completedAt,
            List<Map<String, String>> jobData, List<Input> inputs, List<Output> outputs, String rawText, String webhookResult, long polls,
            long details) {

        public boolean completed() {
            return "COMPLETED".equals(status);
        }

        /** A file the job referenced, with its trim range (audio) or document type (attachments). */
        public record Input(String role, String filename, String uploadedFilename, long sizeBytes, String audioStart, String audioEnd,
                String docType) {
        }

        /** A generated transcript or processed media file; {@code detail} says how it was made. */
        public record Output(String role, String filename, String contentType, long sizeBytes, String detail) {
        }
    }

    public record Upload(String id, String role, String filename, String contentType, long sizeBytes, String uploadedAt) {
    }

    /** What callers did to an account: requests per call, names of the files stored and of the jobs submitted. */
    public record Counters(String slug, Map<String, Long> requests, int uploads, List<String> uploadedFilenames, int submits,
            List<String> submittedJobNames, long jobs) {
    }

    private static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final String url;
    private final String token;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

    public SandboxControl(String url, String token) {
        this.url = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        this.token = token;
    }

    String token() {
        return token;
    }

    /** The sandbox's address, e.g. http://localhost:41234. */
    public String url() {
        return url;
    }

    public String baseUrl(String slug) {
        return url + "/claudio/" + slug;
    }

    // ---- accounts ----------------------------------------------------------------------------

    /** Creates the account or gives it these credentials (idempotent). */
    public Account ensureAccount(String slug, String apiKey, String apiSecret) {
        return account(call("PUT", "/control/accounts/" + slug, JSON.createObjectNode().put("apiKey", apiKey).put("apiSecret", apiSecret)));
    }

    public Optional<Account> find(String slug) {
        Response r = send("GET", "/control/accounts/" + slug, null);
        return r.status() == 404 ? Optional.empty() : Optional.of(account(r.json()));
    }

    /** Any fields of the account (docs/claudio.md): {@code {"processingMillis": 500, "faults": {"POLL": {"status": 500}}}}. */
    public Account patch(String slug, String json) {
        return account(call("PATCH", "/control/accounts/" + slug, parse(json)));
    }

    public Account patch(String slug, ObjectNode body) {
        return account(call("PATCH", "/control/accounts/" + slug, body));
    }

    public Account setProcessingTime(String slug, Duration time) {
        return patch(slug, JSON.createObjectNode().put("processingMillis", time.toMillis()));
    }

    public Account setPollStyle(String slug, String style) {
        return patch(slug, JSON.createObjectNode().put("pollStyle", style));
    }

    public Account setWebhookUrl(String slug, String webhookUrl) {
        return patch(slug, JSON.createObjectNode().put("webhookUrl", webhookUrl));
    }

    public Account setRetention(String slug, boolean on) {
        return patch(slug, JSON.createObjectNode().put("retention", on));
    }

    public Account setLinkLifetime(String slug, Duration lifetime) {
        return patch(slug, JSON.createObjectNode().put("linkLifetimeMillis", lifetime.toMillis()));
    }

    public Account setKeyRevoked(String slug, boolean revoked) {
        return patch(slug, JSON.createObjectNode().put("keyRevoked", revoked));
    }

    /** One call's fault ({@code call} = UPLOAD_AUDIO, …, DOWNLOAD, or ALL); null removes it. */
    public Account setFault(String slug, String call, String faultJson) {
        ObjectNode body = JSON.createObjectNode();
        body.putObject("faults").set(call, faultJson == null ? JSON.nullNode() : parse(faultJson));
        return patch(slug, body);
    }

    /** That share of the call's requests answered with a simulated 500 before anything changes. */
    public Account setErrorRate(String slug, String call, double rate) {
        return setFault(slug, call, rate == 0 ? null : "{\"status\": 500, \"probability\": " + rate + "}");
    }

    /** Every call of the account waits this long before anything else happens. */
    public Account setLatency(String slug, Duration latency) {
        return setFault(slug, "ALL", latency.isZero() ? null : "{\"delayMillis\": " + latency.toMillis() + "}");
    }

    /** Submit stores the job, then closes the connection without answering. */
    public Account setDropSubmitResponse(String slug, boolean drop) {
        return setFault(slug, "SUBMIT", drop ? "{\"drop\": \"AFTER\"}" : null);
    }

    /** No faults, key valid again. */
    public Account clearFaults(String slug) {
        return patch(slug, JSON.createObjectNode().put("clearFaults", true));
    }

    /** A new key (the secret stays); the old one is refused from now on. */
    public String rotateKey(String slug) {
        return call("POST", "/control/accounts/" + slug + "/rotate-key", null).path("apiKey").asText();
    }

    public Counters counters(String slug) {
        return convert(call("GET", "/control/accounts/" + slug + "/counters", null), Counters.class);
    }

    public List<Upload> uploads(String slug) {
        return list(call("GET", "/control/accounts/" + slug + "/uploads", null).path("uploads"), Upload.class);
    }

    /** Deletes the account's uploads, files included (large test files need not wait for the end of the run). */
    public void deleteUploads(String slug) {
        send("DELETE", "/control/accounts/" + slug + "/uploads", null).expect(204);
    }

    // ---- jobs --------------------------------------------------------------------------------

    public Optional<Job> job(String jobReferenceId) {
        Response r = send("GET", "/control/jobs/" + jobReferenceId, null);
        return r.status() == 404 ? Optional.empty() : Optional.of(convert(r.json(), Job.class));
    }

    public List<Job> jobs(String slug) {
        return list(call("GET", "/control/accounts/" + slug + "/jobs", null).path("jobs"), Job.class);
    }

    public List<Job> jobsNamed(String slug, String jobName) {
        return list(call("GET", "/control/accounts/" + slug + "/jobs?jobName=" + URLEncoder.encode(jobName, StandardCharsets.UTF_8), null)
                .path("jobs"), Job.class);
    }

    public long jobCount(String slug) {
        return counters(slug).jobs();
    }

    /** Completes the job now, whatever its processing time; returns it with its outputs. */
    public Job complete(String jobReferenceId) {
        return convert(call("POST", "/control/jobs/" + jobReferenceId + "/complete", null), Job.class);
    }

    /** {@code count} jobs as if submitted already (benchmarks); answers their references. */
    public List<String> bulkJobs(String slug, int count, Duration processingMin, Duration processingMax) {
        ObjectNode body = JSON.createObjectNode().put("count", count).put("processingMillis", processingMin.toMillis())
                .put("processingMillisMax", processingMax.toMillis());
        return list(call("POST", "/control/accounts/" + slug + "/jobs", body).path("jobReferenceIds"), String.class);
    }

    // ---- HTTP ----------------------------------------------------------------------------------

    record Response(int status, String body) {
        JsonNode json() {
            return parse(body);
        }

        Response expect(int expected) {
            if (status != expected) {
                throw new IllegalStateException("Sandbox control call answered HTTP " + status + ": " + body);
            }
            return this;
        }
    }

    private JsonNode call(String method, String path, JsonNode body) {
        return send(method, path, body).expect(200).json();
    }

    Response send(String method, String path, JsonNode body) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                    .build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("The sandbox's control API at " + url + " did not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Account account(JsonNode node) {
        return convert(node, Account.class);
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("Not JSON: " + json, e);
        }
    }

    private static <T> T convert(JsonNode node, Class<T> type) {
        return JSON.convertValue(node, type);
    }

    private static <T> List<T> list(JsonNode node, Class<T> type) {
        return JSON.convertValue(node, JSON.getTypeFactory().constructCollectionType(List.class, type));
    }
}
