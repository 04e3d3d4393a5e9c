package com.claudioportal.claudio;

import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import org.jboss.logging.Logger;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.file.OpenOptions;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;

/**
 * The HTTP connections the portal keeps per base URL, so one tenant's outage does not use up
 * another's connections (circuit breakers are kept per tenant and base URL, in {@link TenantGuards}).
 * Submit goes over a connection of its own (never a pooled one): a pooled connection the server
 * has just closed would otherwise make a Submit look lost when it was never received.
 *
 * <p>Every exchange is asynchronous and has a hard deadline covering everything: waiting for a
 * connection, sending, and reading the whole answer, so a server that trickles its answer cannot
 * hold a call longer than that. Uploads are also aborted when they move slower than the configured
 * minimum rate over a sliding window.
 */
final class ClaudioEndpoint implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ClaudioEndpoint.class);

    private final Vertx vertx;
    private final BaseUrl baseUrl;
    private final HttpClient pooled;
    private final HttpClient fresh;
    private final ClaudioConfig config;
    private final AddressCheck addresses;

    private ClaudioEndpoint(Vertx vertx, BaseUrl baseUrl, ClaudioConfig config, AddressCheck addresses) {
        this.vertx = vertx;
        this.baseUrl = baseUrl;
        this.config = config;
        this.addresses = addresses;
        int connectMillis = (int) Math.min(Integer.MAX_VALUE, config.timeouts().connect().toMillis());
        this.pooled = client(vertx, new HttpClientOptions()
                .setName("claudio")
                .setConnectTimeout(connectMillis)
                .setKeepAlive(true)
                .setKeepAliveTimeout((int) Math.max(1, config.keepAliveTimeout().toSeconds())), config.maxConnectionsPerBaseUrl());
        this.fresh = client(vertx, new HttpClientOptions()
                .setName("claudio-submit")
                .setConnectTimeout(connectMillis)
                .setKeepAlive(false), config.maxConnectionsPerBaseUrl());
    }

    /**
     * The request that used a connection already reports a broken connection as a typed failure;
     * without a handler of its own Vert.x would also log it as an error. The pool's size goes in
     * {@link PoolOptions}: the builder ignores {@code HttpClientOptions.setMaxPoolSize} and would
     * keep Vert.x's default of 5 connections (found in the engine benchmark, where 5 per tenant
     * capped two portals at ~120 polls a second whatever their slots).
     */
    private static HttpClient client(Vertx vertx, HttpClientOptions options, int connections) {
        return vertx.httpClientBuilder().with(options).with(new PoolOptions().setHttp1MaxSize(connections))
                .withConnectHandler(connection -> connection.exceptionHandler(e -> LOG.debugf("Claudio connection failed: %s",
                        e.getClass().getSimpleName())))
                .build();
    }

    /** The endpoint for a tenant's base URL. */
    static ClaudioEndpoint create(Vertx vertx, BaseUrl baseUrl, ClaudioConfig config, AddressCheck addresses) {
        return new ClaudioEndpoint(vertx, baseUrl, config, addresses);
    }

    /** The base URL this endpoint serves: call URLs and the addresses Claudio returns are built on it. */
    BaseUrl baseUrl() {
        return baseUrl;
    }

    Future<Exchange> sendJson(HttpMethod method, String url, byte[] json, Duration deadline, boolean ownConnection) {
        Buffer body = Buffer.buffer(json);
        return exchange(ownConnection ? fresh : pooled, url, options(method, url, deadline), deadline, (request, aborted) -> {
            request.putHeader(HttpHeaders.CONTENT_TYPE, "application/json");
            request.putHeader(HttpHeaders.ACCEPT, "application/json");
            return request.send(body);
        });
    }

    /**
     * Streams the file with back-pressure. Besides the deadline, a watchdog compares the bytes
     * handed to the connection over the last {@code window} with the minimum rate and aborts a
     * trickling upload as a timeout.
     */
    Future<Exchange> sendMultipart(HttpMethod method, String url, MultipartUpload upload, Duration deadline,
            long minBytesPerSecond, Duration window) {
        return exchange(pooled, url, options(method, url, deadline), deadline, (request, aborted) -> {
            request.putHeader(HttpHeaders.CONTENT_TYPE, upload.contentType());
            request.putHeader(HttpHeaders.CONTENT_LENGTH, Long.toString(upload.contentLength()));
            request.putHeader(HttpHeaders.ACCEPT, "application/json");
            Future<HttpClientResponse> response = request.response();
            AtomicLong written = new AtomicLong();
            AtomicInteger done = new AtomicInteger();
            long watchdog = minBytesPerSecond <= 0 ? -1 : watchRate(request, written, done, minBytesPerSecond, window, aborted);
            vertx.fileSystem().open(upload.file().toString(), new OpenOptions().setRead(true).setWrite(false).setCreate(false))
                    .map(file -> file.setReadBufferSize(READ_CHUNK))
                    .compose(file -> request.write(Buffer.buffer(upload.head()))
                            .compose(v -> file.pipe().endOnComplete(false).to(new CountingStream(request, written)))
                            .andThen(closed -> file.close()))
                    .compose(v -> request.end(Buffer.buffer(upload.tail())))
                    .onComplete(sent -> {
                        done.set(1);
                        if (watchdog >= 0) {
                            vertx.cancelTimer(watchdog);
                        }
                    })
                    .onFailure(e -> request.reset(0, e));
            return response;
        });
    }

    /** Checks once a second that the last {@code window} moved at least {@code minRate} bytes per second. */
    private long watchRate(HttpClientRequest request, AtomicLong written, AtomicInteger done, long minRate, Duration window,
            Runnable aborted) {
        long windowMillis = Math.max(1000, window.toMillis());
        int slots = (int) Math.max(1, windowMillis / 1000);
        long[] history = new long[slots + 1];
        long[] ticks = { 0 };
        return vertx.setPeriodic(1000, id -> {
            if (done.get() != 0) {
                vertx.cancelTimer(id);
                return;
            }
            long now = written.get();
            int slot = (int) (ticks[0] % history.length);
            ticks[0]++;
            long then = history[(int) (ticks[0] % history.length)];
            history[slot] = now;
            if (ticks[0] > slots && now - then < minRate * slots) {
                vertx.cancelTimer(id);
                aborted.run();
                request.reset(0, new UploadTooSlowException());
            }
        });
    }

    /** Marks an upload aborted for moving too slowly; reported as a timeout. */
    static final class UploadTooSlowException extends java.util.concurrent.TimeoutException {
        UploadTooSlowException() {
            super("the upload moved slower than the minimum rate");
        }
    }

    private RequestOptions options(HttpMethod method, String url, Duration deadline) {
        return new RequestOptions()
                .setMethod(method)
                .setAbsoluteURI(url)
                .setFollowRedirects(false) // a redirect must not carry the key and secret elsewhere
                // waiting for a pooled connection behind other calls to this base URL counts against the
                // deadline; the TCP connect itself is bounded by the client's connect timeout
                .setConnectTimeout(deadline.toMillis())
                .setIdleTimeout(deadline.toMillis());
    }

    /** Bigger than Vert.x' 8 KB default: fewer, larger writes; still nothing like the file in memory. */
    private static final int READ_CHUNK = 64 * 1024;

    private static final int PENDING = 0;
    private static final int SENDING = 1;
    private static final int ABANDONED = 2;
    private static final int DONE = 3;

    /** Writes a request body. {@code aborted} is run by a watchdog that gives up on the request. */
    interface Sender {
        Future<HttpClientResponse> send(HttpClientRequest request, Runnable aborted);
    }

    /**
     * One exchange with a hard deadline. Before a connection is had, the deadline gives
     * {@link Exchange.NotSent} (nothing left the portal); after, {@link Exchange.Lost} with
     * {@code timedOut}.
     */
    private Future<Exchange> exchange(HttpClient client, String url, RequestOptions options, Duration deadline, Sender sender) {
        // Started on a Vert.x context, never on the caller's thread: the answer's handlers are then set
        // in the same context task that sends the request, before the answer can be delivered. Started
        // from a plain thread (a test, a blocking caller), a fast server's whole answer could arrive
        // before the handlers were set, and Vert.x refuses a handler on an ended response.
        Promise<Exchange> started = Promise.promise();
        vertx.getOrCreateContext().runOnContext(v -> exchangeOnContext(client, url, options, deadline, sender).onComplete(started));
        return started.future();
    }

    private Future<Exchange> exchangeOnContext(HttpClient client, String url, RequestOptions options, Duration deadline,
            Sender sender) {
        AtomicInteger state = new AtomicInteger(PENDING);
        AtomicReference<HttpClientRequest> sentRequest = new AtomicReference<>();
        AtomicInteger tooSlow = new AtomicInteger();
        Promise<Exchange> result = Promise.promise();
        long timer = vertx.setTimer(Math.max(1, deadline.toMillis()), id -> {
            if (state.compareAndSet(PENDING, ABANDONED)) {
                result.tryComplete(new Exchange.NotSent("no connection within " + deadline.toMillis() + " ms"));
            } else if (state.compareAndSet(SENDING, DONE)) {
                resetQuietly(sentRequest.get());
                result.tryComplete(new Exchange.Lost("no complete answer within " + deadline.toSeconds() + " s", true));
            }
        });
        checkedAddress(url).compose(server -> client.request(server == null ? options
                : new RequestOptions(options).setServer(server))).onComplete(connected -> {
            if (connected.failed()) {
                if (state.compareAndSet(PENDING, DONE)) {
                    vertx.cancelTimer(timer);
                    result.tryComplete(new Exchange.NotSent(Failures.describeConnect(connected.cause())));
                }
                return;
            }
            HttpClientRequest request = connected.result();
            if (!state.compareAndSet(PENDING, SENDING)) {
                request.reset();
                return;
            }
            sentRequest.set(request);
            sender.send(request, () -> tooSlow.set(1))
                    .compose(this::readAnswer)
                    .onComplete(answered -> {
                        if (!state.compareAndSet(SENDING, DONE)) {
                            return;
                        }
                        vertx.cancelTimer(timer);
                        if (answered.succeeded()) {
                            result.tryComplete(answered.result());
                        } else if (tooSlow.get() != 0) {
                            result.tryComplete(new Exchange.Lost("the upload moved slower than the minimum rate", true));
                        } else {
                            result.tryComplete(new Exchange.Lost(Failures.describe(answered.cause()), Failures.isTimeout(answered.cause())));
                        }
                    });
        });
        return result.future();
    }

    /**
     * The address this request may connect to, resolved and checked once by {@link AddressCheck}
     * on a worker thread; null when this endpoint has no check (tests of the client alone). With
     * {@code setServer} Vert.x connects there without resolving the name again, and keeps the
     * URL's host for the Host header, SNI and the certificate check.
     */
    private Future<SocketAddress> checkedAddress(String url) {
        if (addresses == null) {
            return Future.succeededFuture(null);
        }
        return vertx.executeBlocking(() -> {
            InetSocketAddress address;
            try {
                address = addresses.addressFor(URI.create(url));
            } catch (java.net.ConnectException refused) {
                throw new Refused(refused.getMessage());
            }
            return SocketAddress.inetSocketAddress(address.getPort(), address.getAddress().getHostAddress());
        }, false);
    }

    /** The outbound policy refused the address; the message says why, in words. */
    static final class Refused extends Exception {
        Refused(String reason) {
            super(reason, null, false, false);
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
        int limit = config.maxAnswerBytes();
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

}
