package com.claudioportal.claudio;

import java.net.URI;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;

import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.jboss.logging.Logger;

import io.smallrye.faulttolerance.api.Guard;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.file.OpenOptions;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;

/**
 * Everything the portal keeps per tenant base URL: its HTTP connections and its circuit breaker,
 * so one tenant's outage neither uses up another's connections nor opens another's breaker.
 * Submit goes over a connection of its own (never a pooled one): a pooled connection the server
 * has just closed would otherwise make a Submit look lost when it was never received.
 */
final class ClaudioEndpoint implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ClaudioEndpoint.class);

    private final Vertx vertx;
    private final String baseUrl;
    private final URI base;
    private final HttpClient pooled;
    private final HttpClient fresh;
    private final Guard breaker;
    private final ClaudioSettings settings;

    private ClaudioEndpoint(Vertx vertx, String baseUrl, URI base, ClaudioSettings settings) {
        this.vertx = vertx;
        this.baseUrl = baseUrl;
        this.base = base;
        this.settings = settings;
        int connectMillis = (int) Math.min(Integer.MAX_VALUE, settings.timeouts().connect().toMillis());
        this.pooled = client(vertx, new HttpClientOptions()
                .setName("claudio")
                .setConnectTimeout(connectMillis)
                .setKeepAlive(true)
                .setKeepAliveTimeout((int) Math.max(1, settings.keepAliveTimeout().toSeconds()))
                .setMaxPoolSize(settings.maxConnectionsPerBaseUrl()));
        this.fresh = client(vertx, new HttpClientOptions()
                .setName("claudio-submit")
                .setConnectTimeout(connectMillis)
                .setKeepAlive(false)
                .setMaxPoolSize(settings.maxConnectionsPerBaseUrl()));
        ClaudioSettings.Breaker b = settings.breaker();
        this.breaker = Guard.create()
                .withCircuitBreaker()
                .requestVolumeThreshold(b.requestVolumeThreshold())
                .failureRatio(b.failureRatio())
                .delay(b.delay().toMillis(), ChronoUnit.MILLIS)
                .successThreshold(b.successThreshold())
                .failOn(OutageSignal.class)
                .done()
                .build();
    }

    /**
     * The request that used a connection already reports a broken connection as a typed failure;
     * without a handler of its own Vert.x would also log it as an error.
     */
    private static HttpClient client(Vertx vertx, HttpClientOptions options) {
        return vertx.httpClientBuilder().with(options)
                .withConnectHandler(connection -> connection.exceptionHandler(e -> LOG.debugf("Claudio connection failed: %s",
                        e.getClass().getSimpleName())))
                .build();
    }

    /** The endpoint for a base URL, or empty when it is not an absolute http(s) URL. */
    static Optional<ClaudioEndpoint> create(Vertx vertx, String normalizedBaseUrl, ClaudioSettings settings) {
        URI uri = parse(normalizedBaseUrl);
        if (uri == null) {
            return Optional.empty();
        }
        return Optional.of(new ClaudioEndpoint(vertx, normalizedBaseUrl, uri, settings));
    }

    /** The key the portal keeps endpoints under: trimmed, without trailing slashes. */
    static String normalize(String baseUrl) {
        String s = baseUrl == null ? "" : baseUrl.strip();
        while (s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        return s;
    }

    private static URI parse(String url) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || uri.getRawQuery() != null
                    || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
                return null;
            }
            return uri;
        } catch (Exception e) {
            return null;
        }
    }

    /** An absolute http(s) URL as Claudio may return it (with a query, e.g. a pre-signed link). */
    private static URI parseReturned(String url) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null ? uri : null;
        } catch (Exception e) {
            return null;
        }
    }

    /** Scheme, host and port only: what logs may show of a tenant's base URL. */
    String origin() {
        return base.getScheme() + "://" + base.getHost() + (base.getPort() < 0 ? "" : ":" + base.getPort());
    }

    String url(String path) {
        return baseUrl + (path.startsWith("/") ? path : "/" + path);
    }

    /**
     * An address Claudio returned (absolute, or relative to the host or to the base URL) as an
     * absolute URL; empty when absolute on another scheme, host or port, or malformed.
     */
    Optional<String> resolveSameOrigin(String returned) {
        Optional<String> resolved = resolve(returned);
        if (resolved.isEmpty()) {
            return resolved;
        }
        URI uri = parseReturned(resolved.get());
        if (uri == null || !uri.getScheme().equalsIgnoreCase(base.getScheme())
                || !uri.getHost().equalsIgnoreCase(base.getHost()) || port(uri) != port(base)) {
            return Optional.empty();
        }
        return resolved;
    }

    /** Like {@link #resolveSameOrigin} but any host is fine (download links carry no credentials). */
    Optional<String> resolve(String returned) {
        String s = returned == null ? "" : returned.strip();
        if (s.isEmpty() || s.chars().anyMatch(Character::isWhitespace)) {
            return Optional.empty();
        }
        if (s.regionMatches(true, 0, "http://", 0, 7) || s.regionMatches(true, 0, "https://", 0, 8)) {
            return parseReturned(s) == null ? Optional.empty() : Optional.of(s);
        }
        String basePath = base.getRawPath() == null ? "" : base.getRawPath();
        if (s.startsWith("/")) {
            // "/team/jobs/x/poll" already contains the base path; "/jobs/x/poll" is relative to the base URL
            return Optional.of(!basePath.isEmpty() && s.startsWith(basePath + "/") ? origin() + s : baseUrl + s);
        }
        return Optional.of(baseUrl + "/" + s);
    }

    private static int port(URI uri) {
        if (uri.getPort() >= 0) {
            return uri.getPort();
        }
        return uri.getScheme().equalsIgnoreCase("https") ? 443 : 80;
    }

    /** Runs one attempt through this base URL's circuit breaker. */
    <T> Attempt<T> throughBreaker(Supplier<Attempt<T>> work) {
        try {
            return breaker.get(() -> {
                Attempt<T> attempt = work.get();
                if (attempt.countsAsOutage()) {
                    throw new OutageSignal(attempt);
                }
                return attempt;
            }, attemptType());
        } catch (OutageSignal signal) {
            @SuppressWarnings("unchecked")
            Attempt<T> attempt = (Attempt<T>) signal.attempt;
            return attempt;
        } catch (CircuitBreakerOpenException e) {
            return Attempt.notCalled(ClaudioResult.failure(new ClaudioFailure.CircuitOpen()));
        }
    }

    @SuppressWarnings({ "unchecked", "rawtypes" })
    private static <T> Class<Attempt<T>> attemptType() {
        return (Class) Attempt.class;
    }

    Exchange sendJson(HttpMethod method, String url, byte[] json, Duration timeout, boolean ownConnection) {
        Buffer body = Buffer.buffer(json);
        return exchange(ownConnection ? fresh : pooled, options(method, url, timeout), timeout, request -> {
            request.putHeader(HttpHeaders.CONTENT_TYPE, "application/json");
            request.putHeader(HttpHeaders.ACCEPT, "application/json");
            return request.send(body);
        });
    }

    Exchange sendMultipart(HttpMethod method, String url, MultipartUpload upload, Duration timeout) {
        return exchange(pooled, options(method, url, timeout), timeout, request -> {
            request.putHeader(HttpHeaders.CONTENT_TYPE, upload.contentType());
            request.putHeader(HttpHeaders.CONTENT_LENGTH, Long.toString(upload.contentLength()));
            request.putHeader(HttpHeaders.ACCEPT, "application/json");
            Future<HttpClientResponse> response = request.response();
            vertx.fileSystem().open(upload.file().toString(), new OpenOptions().setRead(true).setWrite(false).setCreate(false))
                    .map(file -> file.setReadBufferSize(READ_CHUNK))
                    .compose(file -> request.write(Buffer.buffer(upload.head()))
                            .compose(v -> file.pipe().endOnComplete(false).to(request))
                            .andThen(done -> file.close()))
                    .compose(v -> request.end(Buffer.buffer(upload.tail())))
                    .onFailure(e -> request.reset(0, e));
            return response;
        });
    }

    private RequestOptions options(HttpMethod method, String url, Duration timeout) {
        return new RequestOptions()
                .setMethod(method)
                .setAbsoluteURI(url)
                .setFollowRedirects(false) // a redirect must not carry the key and secret elsewhere
                // waiting for a pooled connection behind other calls to this base URL; the TCP connect
                // itself is bounded by the client's connect timeout
                .setConnectTimeout(settings.timeouts().connect().plus(timeout).toMillis())
                .setIdleTimeout(timeout.toMillis());
    }

    /** Bigger than Vert.x' 8 KB default: fewer, larger writes; still nothing like the file in memory. */
    private static final int READ_CHUNK = 64 * 1024;

    private static final int PENDING = 0;
    private static final int SENDING = 1;
    private static final int ABANDONED = 2;

    private Exchange exchange(HttpClient client, RequestOptions options, Duration timeout,
            Function<HttpClientRequest, Future<HttpClientResponse>> sender) {
        if (io.vertx.core.Context.isOnEventLoopThread()) {
            throw new IllegalStateException("ClaudioClient blocks; call it from a worker thread, not the event loop");
        }
        AtomicInteger state = new AtomicInteger(PENDING);
        AtomicReference<HttpClientRequest> sentRequest = new AtomicReference<>();
        CompletableFuture<Exchange> result = new CompletableFuture<>();
        client.request(options).onComplete(connected -> {
            if (connected.failed()) {
                result.complete(new Exchange.NotSent(Failures.describeConnect(connected.cause())));
                return;
            }
            HttpClientRequest request = connected.result();
            if (!state.compareAndSet(PENDING, SENDING)) {
                request.reset();
                return;
            }
            sentRequest.set(request);
            sender.apply(request)
                    .compose(this::readAnswer)
                    .onComplete(answered -> result.complete(answered.succeeded() ? answered.result()
                            : new Exchange.Lost(Failures.describe(answered.cause()), Failures.isTimeout(answered.cause()))));
        });
        long deadline = 2 * (settings.timeouts().connect().toMillis() + timeout.toMillis()) + 5_000;
        try {
            return result.get(deadline, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            if (state.compareAndSet(PENDING, ABANDONED)) {
                return new Exchange.NotSent("no connection within " + deadline + " ms");
            }
            resetQuietly(sentRequest.get());
            return new Exchange.Lost("no answer within " + timeout.toSeconds() + " s", true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            if (state.compareAndSet(PENDING, ABANDONED)) {
                return new Exchange.NotSent("interrupted before sending");
            }
            resetQuietly(sentRequest.get());
            return new Exchange.Lost("interrupted while waiting for the answer", false);
        } catch (ExecutionException e) {
            return new Exchange.Lost(Failures.describe(e.getCause()), false);
        }
    }

    private static void resetQuietly(HttpClientRequest request) {
        if (request != null) {
            try {
                request.reset();
            } catch (RuntimeException ignored) {
                // already closed
            }
        }
    }

    private Future<Exchange> readAnswer(HttpClientResponse response) {
        Promise<Exchange> answer = Promise.promise();
        Buffer body = Buffer.buffer();
        int limit = settings.maxAnswerBytes();
        response.handler(chunk -> {
            if (body.length() + chunk.length() > limit) {
                if (answer.tryComplete(new Exchange.Answered(response.statusCode(), response.getHeader("Content-Type"), null))) {
                    response.request().reset();
                }
            } else {
                body.appendBuffer(chunk);
            }
        });
        response.exceptionHandler(answer::tryFail);
        response.endHandler(v -> answer.tryComplete(
                new Exchange.Answered(response.statusCode(), response.getHeader("Content-Type"), body.getBytes())));
        return answer.future();
    }

    @Override
    public void close() {
        pooled.close();
        fresh.close();
    }

    /** Thrown inside the breaker only, so that SmallRye counts the attempt as a failure. */
    static final class OutageSignal extends RuntimeException {
        final transient Attempt<?> attempt;

        OutageSignal(Attempt<?> attempt) {
            super(null, null, false, false);
            this.attempt = attempt;
        }
    }
}
