package com.claudioportal.claudio;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;

/**
 * The portal's client for the Claudio API. Every tenant brings its own base URL, key and secret
 * ({@link ClaudioAccount}); connections are kept per base URL, circuit breakers per owner and
 * base URL. Every call exists twice: {@code …Async} returns a {@link CompletionStage} and holds no
 * thread while Claudio thinks (retries wait on SmallRye Fault Tolerance's timer); the plain method blocks for
 * interactive paths (call it from a worker thread). Neither throws for anything Claudio or the
 * network does: the result is a {@link ClaudioResult}. They throw only for the caller's own
 * mistakes (a missing file, a malformed HH:MM:SS time, a blank job reference).
 *
 * <p>Every attempt has a hard deadline; safe calls (Poll, Details, uploads) are retried with
 * exponential backoff on outages while the call is younger than the retry budget; Submit is
 * retried only when the connection failed before anything was sent, because Claudio has no
 * idempotency key (docs/claudio.md, "Retries"). {@link Attempt} decides what a failure means,
 * {@link TenantGuards} retries and breaks circuits with it, {@link BaseUrl} builds addresses.
 */
@ApplicationScoped
public class ClaudioClient {

    private static final Logger LOG = Logger.getLogger(ClaudioClient.class);

    /** The made-up job reference the connection check polls. */
    static final String CHECK_JOB_REFERENCE = "portal-connection-check";

    private final Vertx vertx;
    private final ClaudioConfig config;
    private final MeterRegistry meters;
    private final ConcurrentMap<String, ClaudioEndpoint> endpoints = new ConcurrentHashMap<>();
    private final TenantGuards guards;
    private final AddressCheck addresses;

    /**
     * A client with its own configuration, connections and breakers (tests build one with short
     * timeouts) that lets the HTTP client resolve host names itself: for tests of the client
     * alone, never in the portal, whose bean always connects through {@link AddressCheck}.
     */
    ClaudioClient(Vertx vertx, ClaudioConfig config, MeterRegistry meters) {
        this(vertx, config, meters, null);
    }

    /** A client that connects only where {@code addresses} says ({@code null}: by name, tests only). */
    @Inject
    ClaudioClient(Vertx vertx, ClaudioConfig config, MeterRegistry meters, AddressCheck addresses) {
        this.vertx = vertx;
        this.config = config;
        this.meters = meters;
        this.addresses = addresses;
        this.guards = new TenantGuards(config.breaker(), config.retry());
        for (CircuitBreakerState state : CircuitBreakerState.values()) {
            Gauge.builder("claudio.client.breakers", guards, g -> g.count(state))
                    .description("Circuit breakers (one per tenant and base URL) in each state")
                    .tag("state", state.name().toLowerCase(Locale.ROOT)).register(meters);
        }
    }

    public ClaudioResult<UploadedFile> uploadAudio(ClaudioAccount account, Path file, String originalFilename) {
        return join(uploadAudioAsync(account, file, originalFilename));
    }

    public ClaudioResult<UploadedFile> uploadDocument(ClaudioAccount account, Path file, String originalFilename) {
        return join(uploadDocumentAsync(account, file, originalFilename));
    }

    public ClaudioResult<SubmittedJob> submit(ClaudioAccount account, SubmitRequest request) {
        return join(submitAsync(account, request));
    }

    /**
     * Polls the documented {@code <base>/jobs/<id>/poll}. {@code pollEndpoint} (as Submit returned
     * it, may be null) is used instead only when {@code portal.claudio.poll-endpoint-source=RETURNED}
     * and it is on the base URL's own scheme, host and port.
     */
    public ClaudioResult<JobStatus> poll(ClaudioAccount account, String jobReferenceId, String pollEndpoint) {
        return join(pollAsync(account, jobReferenceId, pollEndpoint));
    }

    public ClaudioResult<JobDetails> details(ClaudioAccount account, String jobReferenceId) {
        return join(detailsAsync(account, jobReferenceId));
    }

    public CompletionStage<ClaudioResult<UploadedFile>> uploadAudioAsync(ClaudioAccount account, Path file, String originalFilename) {
        return upload(ClaudioOperation.UPLOAD_AUDIO, account, file, originalFilename);
    }

    public CompletionStage<ClaudioResult<UploadedFile>> uploadDocumentAsync(ClaudioAccount account, Path file, String originalFilename) {
        return upload(ClaudioOperation.UPLOAD_DOCUMENT, account, file, originalFilename);
    }

    public CompletionStage<ClaudioResult<SubmittedJob>> submitAsync(ClaudioAccount account, SubmitRequest request) {
        Objects.requireNonNull(request, "request");
        byte[] body = SubmitBody.json(account, request);
        Duration timeout = config.timeouts().submit();
        return call(ClaudioOperation.SUBMIT, account, timeout, endpoint -> {
            String url = endpoint.baseUrl().url(config.paths().submit());
            return deadline -> endpoint.sendJson(method(config.methods().submit()), url, body, deadline, true);
        }, reader -> reader::submit);
    }

    /** See {@link #poll}. */
    public CompletionStage<ClaudioResult<JobStatus>> pollAsync(ClaudioAccount account, String jobReferenceId, String pollEndpoint) {
        String id = requireId(jobReferenceId);
        byte[] body = credentials(account);
        return call(ClaudioOperation.POLL, account, config.timeouts().poll(), endpoint -> {
            String url = pollUrl(endpoint, id, pollEndpoint);
            return deadline -> endpoint.sendJson(method(config.methods().poll()), url, body, deadline, false);
        }, reader -> reader::poll);
    }

    public CompletionStage<ClaudioResult<JobDetails>> detailsAsync(ClaudioAccount account, String jobReferenceId) {
        String id = requireId(jobReferenceId);
        byte[] body = credentials(account);
        return call(ClaudioOperation.DETAILS, account, config.timeouts().details(), endpoint -> {
            String url = endpoint.baseUrl().url("/jobs/" + segment(id) + "/details");
            return deadline -> endpoint.sendJson(method(config.methods().details()), url, body, deadline, false);
        }, reader -> answer -> reader.details(answer, id));
    }

    /**
     * A harmless real call for the "Test connection" button: Poll of a made-up job reference. A 401
     * means the key or secret is wrong; any Claudio-shaped JSON answer (200, 400 or 404) means the
     * base URL answers and the credentials were accepted. Not retried and not subject to the
     * circuit breaker, because an admin asks for the real answer right now.
     */
    public ClaudioResult<ConnectionCheck> checkConnection(ClaudioAccount account) {
        byte[] body = credentials(account);
        Redactor redactor = Redactor.of(account);
        Optional<ClaudioEndpoint> endpoint = endpoint(account);
        if (endpoint.isEmpty()) {
            return record(ClaudioOperation.CHECK, null, invalidBaseUrl());
        }
        ClaudioEndpoint e = endpoint.get();
        AnswerReader reader = new AnswerReader(redactor, link -> e.baseUrl().resolve(link).orElse(link));
        return join(e.sendJson(method(config.methods().poll()), e.baseUrl().url("/jobs/" + CHECK_JOB_REFERENCE + "/poll"), body,
                config.timeouts().check(), false).toCompletionStage()
                .thenApply(exchange -> record(ClaudioOperation.CHECK, e,
                        Attempt.of(ClaudioOperation.CHECK, exchange, reader::check, redactor).result())));
    }

    private CompletionStage<ClaudioResult<UploadedFile>> upload(ClaudioOperation op, ClaudioAccount account, Path file,
            String originalFilename) {
        Objects.requireNonNull(file, "file");
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the file to upload", e);
        }
        boolean audio = op == ClaudioOperation.UPLOAD_AUDIO;
        long limit = audio ? config.maxAudioBytes() : config.maxDocumentBytes();
        if (size > limit) {
            return CompletableFuture.completedFuture(record(op, null, ClaudioResult.failure(new ClaudioFailure.TooLarge(size, limit))));
        }
        String filename = PartNames.filename(originalFilename, file);
        ClaudioConfig.Multipart names = config.multipart();
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put(names.keyField(), account.apiKey());
        fields.put(names.secretField(), account.apiSecret());
        MultipartUpload body = new MultipartUpload(fields, audio ? names.audioFileField() : names.documentFileField(),
                filename, PartNames.mediaType(filename), file, size);
        String path = audio ? config.paths().uploadAudio() : config.paths().uploadDocument();
        HttpMethod method = method(audio ? config.methods().uploadAudio() : config.methods().uploadDocument());
        return call(op, account, uploadDeadline(body.contentLength()), endpoint -> {
            String url = endpoint.baseUrl().url(path);
            return deadline -> endpoint.sendMultipart(method, url, body, deadline, config.uploadMinRate(), config.uploadRateWindow());
        }, reader -> answer -> reader.upload(answer, audio));
    }

    /** The deadline of one upload attempt of {@code size} bytes: {@code timeouts.upload} plus the size at the minimum rate. */
    private Duration uploadDeadline(long size) {
        Duration base = config.timeouts().upload();
        long rate = config.uploadMinRate();
        return rate <= 0 ? base : base.plusMillis(Math.multiplyExact(size, 1000L) / rate);
    }

    /**
     * One logical call: attempts through the owner's guard for this base URL (circuit breaker and
     * retries, {@link TenantGuards}).
     */
    private <T> CompletionStage<ClaudioResult<T>> call(ClaudioOperation op, ClaudioAccount account, Duration attemptTimeout,
            Function<ClaudioEndpoint, Function<Duration, Future<Exchange>>> request,
            Function<AnswerReader, Function<Exchange.Answered, ClaudioResult<T>>> reading) {
        Objects.requireNonNull(account, "account");
        Optional<ClaudioEndpoint> found = endpoint(account);
        if (found.isEmpty()) {
            return CompletableFuture.completedFuture(record(op, null, invalidBaseUrl()));
        }
        ClaudioEndpoint endpoint = found.get();
        Redactor redactor = Redactor.of(account);
        AnswerReader reader = new AnswerReader(redactor, link -> endpoint.baseUrl().resolve(link).orElse(link));
        Function<Duration, Future<Exchange>> send = request.apply(endpoint);
        Function<Exchange.Answered, ClaudioResult<T>> read = reading.apply(reader);
        return guards.<T> run(account.owner(), endpoint.baseUrl(), op,
                () -> send.apply(attemptTimeout).toCompletionStage().thenApply(exchange -> Attempt.of(op, exchange, read, redactor)))
                .thenApply(last -> record(op, endpoint, last.result()));
    }

    /** The blocking form of a call, for interactive paths; never on an event loop. */
    private static <T> T join(CompletionStage<T> stage) {
        if (io.vertx.core.Context.isOnEventLoopThread()) {
            throw new IllegalStateException("This ClaudioClient method blocks; call it from a worker thread, or use the …Async variant");
        }
        try {
            return stage.toCompletableFuture().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for Claudio", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new CompletionException(e.getCause());
        }
    }

    private <T> ClaudioResult<T> record(ClaudioOperation op, ClaudioEndpoint endpoint, ClaudioResult<T> result) {
        ClaudioFailure failure = result.failureOrNull();
        String outcome = failure == null ? "success" : failure.getClass().getSimpleName().toLowerCase(Locale.ROOT);
        meters.counter("claudio.client.calls", "operation", op.metricName, "outcome", outcome).increment();
        if (failure instanceof ClaudioFailure.CircuitOpen && endpoint != null) {
            LOG.debugf("Claudio %s at %s not attempted: circuit open", op.label, endpoint.baseUrl().origin());
        }
        return result;
    }

    /**
     * The account owner's connections to its base URL, or empty when it is not one. Kept per owner and
     * normalised base URL, like the breakers: tenants that share Claudio's address each have their own
     * pool, so one tenant's slow answers never hold the connections another tenant's calls wait for
     * (and the pool bounds one tenant's calls, not every tenant's together).
     */
    private Optional<ClaudioEndpoint> endpoint(ClaudioAccount account) {
        String normalized = BaseUrl.normalize(account.baseUrl());
        String key = account.owner() + "\u0000" + normalized;
        ClaudioEndpoint existing = endpoints.get(key);
        if (existing != null) {
            return Optional.of(existing);
        }
        return BaseUrl.parse(normalized).map(base -> endpoints.computeIfAbsent(account.owner() + "\u0000" + base.value(),
                k -> ClaudioEndpoint.create(vertx, base, config, addresses)));
    }

    private static <T> ClaudioResult<T> invalidBaseUrl() {
        return ClaudioResult.failure(new ClaudioFailure.Unreachable("the base URL is not an absolute http(s) address"));
    }

    private String pollUrl(ClaudioEndpoint endpoint, String id, String pollEndpoint) {
        String template = endpoint.baseUrl().url("/jobs/" + segment(id) + "/poll");
        if (config.pollEndpointSource() != PollEndpointSource.RETURNED || pollEndpoint == null || pollEndpoint.isBlank()) {
            return template;
        }
        Optional<String> returned = endpoint.baseUrl().resolveSameOrigin(pollEndpoint);
        if (returned.isEmpty()) {
            LOG.warnf("Ignoring a poll_endpoint that is not on %s; polling the documented address", endpoint.baseUrl().origin());
            return template;
        }
        return returned.get();
    }

    private static byte[] credentials(ClaudioAccount account) {
        Objects.requireNonNull(account, "account");
        var body = TolerantJson.MAPPER.createObjectNode();
        body.put("key", account.apiKey() == null ? "" : account.apiKey());
        body.put("secret", account.apiSecret() == null ? "" : account.apiSecret());
        return body.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String requireId(String jobReferenceId) {
        if (jobReferenceId == null || jobReferenceId.isBlank()) {
            throw new IllegalArgumentException("jobReferenceId is required");
        }
        return jobReferenceId.strip();
    }

    /** A job reference as one path segment: unreserved characters as they are, the rest percent-encoded. */
    static String segment(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (Character.isLetterOrDigit(c) && c < 128 || c == '-' || c == '.' || c == '_' || c == '~') {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return out.toString();
    }

    private static HttpMethod method(String name) {
        return HttpMethod.valueOf(name.strip().toUpperCase(Locale.ROOT));
    }

    @PreDestroy
    void close() {
        endpoints.values().forEach(ClaudioEndpoint::close);
        endpoints.clear();
    }
}
