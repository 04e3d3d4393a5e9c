package com.claudioportal.claudio;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import jakarta.inject.Inject;

/**
 * Calls made from plain threads (blocking callers, the job engine's workers) against a server that
 * answers at once. Before the exchange was started on a Vert.x context, about 1 call in 150 lost
 * its answer here ("Response already ended": the whole answer arrived before its handlers were set)
 * and was reported as Claudio unreachable; CI met it as a flaky circuit-breaker test.
 */
@QuarkusTest
class FastAnswerFromPlainThreadsTest {
    @Inject
    Vertx vertx;

    @Test
    void everyAnswerIsReadWhenCallersArePlainThreadsAndTheServerAnswersAtOnce() throws Exception {
        HttpServer server = vertx.createHttpServer().requestHandler(r -> r.response().putHeader("Content-Type", "application/json")
                .end("{\"msg\": \"NOTICE: The job is in progress.\", \"media_files\": []}")).listen(0, "127.0.0.1")
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        ClaudioClient client = new ClaudioClient(vertx, TestClaudioConfig.defaults().withoutRetries().build(),
                new SimpleMeterRegistry(), null);
        AtomicInteger failed = new AtomicInteger();
        ConcurrentHashMap<String, Integer> reasons = new ConcurrentHashMap<>();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int team = t;
            Thread th = new Thread(() -> {
                for (int i = 0; i < 750; i++) {
                    var account = new ClaudioAccount("http://127.0.0.1:" + server.actualPort() + "/team" + team + "-" + (i % 50), "k", "s");
                    var r = client.poll(account, "J1", null);
                    if (r.failureOrNull() != null) {
                        failed.incrementAndGet();
                        reasons.merge(r.failureOrNull().toString(), 1, Integer::sum);
                    }
                }
            });
            th.start();
            threads.add(th);
        }
        for (Thread th : threads) {
            th.join();
        }
        client.close();
        server.close();
        assertEquals(0, failed.get(), "calls that lost their answer: " + reasons);
    }
}
