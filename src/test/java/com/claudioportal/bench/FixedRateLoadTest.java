package com.claudioportal.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;

/**
 * The intake figure is only as honest as its load generator: it must keep sending at the rate
 * given when the server falls behind, and count the wait for a connection in the latency.
 */
class FixedRateLoadTest {

    @Test
    void aSlowServerDoesNotSlowTheSendingAndItsQueueShowsInTheLatency() throws Exception {
        Vertx vertx = Vertx.vertx();
        try {
            // one connection, answers after 50 ms: a closed loop would send 20 a second and see 50 ms each
            HttpServer server = vertx.createHttpServer()
                    .requestHandler(request -> request.body().onSuccess(body -> vertx.setTimer(50, t -> request.response().setStatusCode(202).end())))
                    .listen(0).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            URI url = URI.create("http://localhost:" + server.actualPort() + "/notice");

            FixedRateLoad.Result result = FixedRateLoad.run(url, "{}", 100, 1, Duration.ofMillis(200), Duration.ofSeconds(1));

            assertEquals(100, result.sent(), "every request due in the measured second was sent");
            assertEquals(100, result.answered2xx() + result.otherStatus() + result.failed(), "every one was counted once");
            assertEquals(100, result.answered2xx(), "the server's 202s count as answered: " + result.line());
            // at 100/s onto one 50-ms connection the queue grows by ~5 requests every 100 ms: the later ones wait for seconds
            assertTrue(result.ms(99) > 1_000, "the wait for the connection counts in the latency: " + result.line());
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void inAJvmOfItsOwnItReportsTheSameFigures() throws Exception {
        Vertx vertx = Vertx.vertx();
        try {
            HttpServer server = vertx.createHttpServer()
                    .requestHandler(request -> request.body().onSuccess(body -> request.response().setStatusCode(200).end()))
                    .listen(0).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            URI url = URI.create("http://localhost:" + server.actualPort() + "/notice");

            String line = FixedRateLoad.inOwnProcess(url, "{}", 100, 4, Duration.ofMillis(200), Duration.ofSeconds(1));

            assertTrue(line.startsWith("sent 100 in 1 s (100/s), 100 answered 2xx, 0 other status, 0 failed; latency from due time p50 "), line);
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void theWarmUpsBacklogIsAnsweredBeforeTheMeasuredPartBegins() throws Exception {
        Vertx vertx = Vertx.vertx();
        try {
            // slow for the warm-up's 10 requests (2 s of backlog on one connection), instant after
            java.util.concurrent.atomic.AtomicInteger seen = new java.util.concurrent.atomic.AtomicInteger();
            HttpServer server = vertx.createHttpServer()
                    .requestHandler(request -> request.body().onSuccess(body -> vertx.setTimer(seen.incrementAndGet() <= 10 ? 200 : 1,
                            t -> request.response().setStatusCode(200).end())))
                    .listen(0).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            URI url = URI.create("http://localhost:" + server.actualPort() + "/notice");

            FixedRateLoad.Result result = FixedRateLoad.run(url, "{}", 20, 1, Duration.ofMillis(500), Duration.ofSeconds(1));

            assertEquals(20, result.answered2xx(), result.line());
            // on one schedule the first measured requests would wait ~1.5 s behind the warm-up's
            assertTrue(result.ms(99) < 500, "the measured part starts with no backlog: " + result.line());
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }
}
