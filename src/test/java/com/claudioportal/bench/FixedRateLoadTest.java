package com.claudioportal.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntUnaryOperator;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;

/**
 * The intake figure is only as honest as its load generator: it must keep sending at the rate
 * given when the server falls behind, and count the wait for a connection in the latency.
 */
class FixedRateLoadTest {

    private final Vertx vertx = Vertx.vertx();

    @AfterEach
    void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void aSlowServerDoesNotSlowTheSendingAndItsQueueShowsInTheLatency() throws Exception {
        // one connection, answers after 50 ms: a closed loop would send 20 a second and see 50 ms each
        URI url = answeringAfter(n -> 50, 202);

        FixedRateLoad.Result result = FixedRateLoad.run(url, "{}", 100, 1, Duration.ofMillis(200), Duration.ofSeconds(1));

        assertEquals(100, result.sent(), "every request due in the measured second was sent");
        assertEquals(100, result.answered2xx() + result.otherStatus() + result.failed(), "every one was counted once");
        assertEquals(100, result.answered2xx(), "the server's 202s count as answered: " + result.line());
        // at 100/s onto one 50-ms connection the queue grows by ~5 requests every 100 ms: the later ones wait for seconds
        assertTrue(result.ms(99) > 1_000, "the wait for the connection counts in the latency: " + result.line());
    }

    @Test
    void inAJvmOfItsOwnItReportsTheSameFigures() throws Exception {
        URI url = answeringAfter(n -> 0, 200);

        String line = FixedRateLoad.inOwnProcess(url, "{}", 100, 4, Duration.ofMillis(200), Duration.ofSeconds(1));

        assertTrue(line.startsWith("sent 100 in 1 s (100/s), 100 answered 2xx, 0 other status, 0 failed; latency from due time p50 "), line);
    }

    @Test
    void theWarmUpsBacklogIsAnsweredBeforeTheMeasuredPartBegins() throws Exception {
        // slow for the warm-up's 10 requests (2 s of backlog on one connection), instant after
        URI url = answeringAfter(n -> n <= 10 ? 200 : 0, 200);

        FixedRateLoad.Result result = FixedRateLoad.run(url, "{}", 20, 1, Duration.ofMillis(500), Duration.ofSeconds(1));

        assertEquals(20, result.answered2xx(), result.line());
        // on one schedule the first measured requests would wait ~1.5 s behind the warm-up's
        assertTrue(result.ms(99) < 500, "the measured part starts with no backlog: " + result.line());
    }

    /** A local server that answers its n-th request (from 1) with {@code status} after {@code delayMillis.applyAsInt(n)} ms. */
    private URI answeringAfter(IntUnaryOperator delayMillis, int status) throws Exception {
        AtomicInteger seen = new AtomicInteger();
        HttpServer server = vertx.createHttpServer()
                .requestHandler(request -> request.body().onSuccess(body -> {
                    int delay = delayMillis.applyAsInt(seen.incrementAndGet());
                    if (delay == 0) {
                        request.response().setStatusCode(status).end();
                    } else {
                        vertx.setTimer(delay, t -> request.response().setStatusCode(status).end());
                    }
                }))
                .listen(0).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        return URI.create("http://localhost:" + server.actualPort() + "/notice");
    }
}
