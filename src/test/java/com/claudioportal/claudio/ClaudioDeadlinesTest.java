package com.claudioportal.claudio;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;

/**
 * What keeps a slow or failing Claudio from holding the portal: breakers per owner, hard deadlines
 * that cut a trickled answer, a minimum upload rate, and asynchronous calls that hold no thread.
 */
@QuarkusTest
class ClaudioDeadlinesTest {

    @RegisterExtension
    static final WireMockExtension wiremock = WireMockExtension.newInstance()
            .options(WireMockConfiguration.options().dynamicPort().containerThreads(80)).resetOnEachTest(false).build();

    @Inject
    Vertx vertx;

    @TempDir
    Path dir;

    private ClaudioClient client(java.util.function.UnaryOperator<TestClaudioConfig> change) {
        return new ClaudioClient(vertx, change.apply(TestClaudioConfig.defaults().withoutRetries()).build(), new SimpleMeterRegistry());
    }

    /** Claudio's answer to a poll of a job it is still working on. */
    private static ResponseDefinitionBuilder inProgress() {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(json("NOTICE: The job is in progress."));
    }

    private static String json(String msg) {
        return "{\"msg\":\"" + msg + "\"}";
    }

    @Test
    void oneTenantsFailuresOpenOnlyItsOwnBreakerAtASharedBaseUrl() {
        String base = "http://localhost:" + wiremock.getPort() + "/shared";
        wiremock.stubFor(post("/shared/jobs/BAD/poll").willReturn(aResponse().withStatus(503)));
        wiremock.stubFor(post("/shared/jobs/GOOD/poll").willReturn(inProgress()));
        OwnClient.using(client(s -> s.withBreaker(3, 1.0, Duration.ofSeconds(30), 1)), c -> {
            ClaudioAccount failing = new ClaudioAccount(base, "k1", "s1", "tenant-a");
            ClaudioAccount healthy = new ClaudioAccount(base, "k2", "s2", "tenant-b");
            for (int i = 0; i < 3; i++) {
                assertInstanceOf(ClaudioFailure.VendorError.class, c.poll(failing, "BAD", null).failureOrNull());
            }
            assertInstanceOf(ClaudioFailure.CircuitOpen.class, c.poll(failing, "BAD", null).failureOrNull());
            assertInstanceOf(ClaudioFailure.CircuitOpen.class, c.poll(failing, "GOOD", null).failureOrNull(), "open for tenant A");
            assertInstanceOf(JobStatus.InProgress.class, c.poll(healthy, "GOOD", null).value(), "closed for tenant B, same address");
            wiremock.verify(3, postRequestedFor(urlEqualTo("/shared/jobs/BAD/poll")));
        });
    }

    @Test
    void aTenantsCallsUseAsManyConnectionsAsConfigured() {
        String base = "http://localhost:" + wiremock.getPort() + "/wide";
        wiremock.stubFor(post("/wide/jobs/SLOW/poll").willReturn(inProgress().withFixedDelay(4_000)));
        // more than Vert.x's default pool of 5, which the client once kept whatever was configured
        OwnClient.using(client(s -> s.set("max-connections-per-base-url", 8).withAllTimeouts(Duration.ofSeconds(20))), c -> {
            ClaudioAccount account = new ClaudioAccount(base, "k", "s", "tenant-wide");
            List<CompletableFuture<ClaudioResult<JobStatus>>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                calls.add(c.pollAsync(account, "SLOW", null).toCompletableFuture());
            }
            long deadline = System.currentTimeMillis() + 3_000;
            int received = 0;
            while (System.currentTimeMillis() < deadline && received < 8) {
                received = wiremock.findAll(postRequestedFor(urlEqualTo("/wide/jobs/SLOW/poll"))).size();
            }
            assertTrue(received == 8, "all 8 calls reached Claudio before the first answer (4 s), on 8 connections: " + received);
            calls.forEach(f -> assertInstanceOf(JobStatus.InProgress.class, f.join().value()));
        });
    }

    @Test
    void oneTenantsSlowAnswersHoldOnlyItsOwnConnectionsAtASharedBaseUrl() {
        String base = "http://localhost:" + wiremock.getPort() + "/pool";
        wiremock.stubFor(post("/pool/jobs/SLOW/poll").willReturn(inProgress().withFixedDelay(10_000)));
        wiremock.stubFor(post("/pool/jobs/QUICK/poll").willReturn(inProgress()));
        OwnClient.using(client(s -> s.set("max-connections-per-base-url", 2).withAllTimeouts(Duration.ofSeconds(20))), c -> {
            ClaudioAccount slow = new ClaudioAccount(base, "k1", "s1", "tenant-a");
            ClaudioAccount quick = new ClaudioAccount(base, "k2", "s2", "tenant-b");
            // tenant A's two calls take both of its connections for 10 s (a third of A's would wait for one)
            List<CompletableFuture<ClaudioResult<JobStatus>>> held = List.of(c.pollAsync(slow, "SLOW", null).toCompletableFuture(),
                    c.pollAsync(slow, "SLOW", null).toCompletableFuture());
            wiremock.verify(0, postRequestedFor(urlEqualTo("/pool/jobs/QUICK/poll")));
            long started = System.nanoTime();
            assertInstanceOf(JobStatus.InProgress.class, c.poll(quick, "QUICK", null).value(), "tenant B, same address");
            long took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            // not a speed target: waiting for one of A's connections would take the rest of A's 10 s
            assertTrue(took < 5_000, "B waited " + took + " ms for connections A's slow calls held");
            held.forEach(f -> assertInstanceOf(JobStatus.InProgress.class, f.join().value()));
        });
    }

    @Test
    void anAnswerThatTricklesIsCutOffAtTheDeadline() {
        wiremock.stubFor(post("/trickle/jobs/J/poll").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(json("NOTICE: The job is in progress. " + "x".repeat(2000)))
                .withChunkedDribbleDelay(40, 8_000)));
        OwnClient.using(client(s -> s.withAllTimeouts(Duration.ofMillis(1_000))), c -> {
            long started = System.nanoTime();
            var result = c.poll(new ClaudioAccount("http://localhost:" + wiremock.getPort() + "/trickle", "k", "s"), "J", null);
            long took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            assertInstanceOf(ClaudioFailure.Timeout.class, result.failureOrNull());
            assertTrue(took < 3_000, "gave up after " + took + " ms although bytes kept coming");
        });
    }

    @Test
    void anUploadSlowerThanTheMinimumRateIsAbortedLongBeforeItsDeadline() throws Exception {
        Path big = dir.resolve("big.wav");
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(64_000_000L);
        }
        try (ServerSocket server = new ServerSocket()) {
            server.setReceiveBufferSize(4096);
            server.bind(new InetSocketAddress("127.0.0.1", 0));
            List<Socket> held = new ArrayList<>();
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        held.add(server.accept()); // accepts, never reads: the upload stalls
                    }
                } catch (IOException e) {
                    // closed
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            ClaudioClient c = client(s -> s.set("timeouts.connect", Duration.ofSeconds(5)).set("timeouts.poll", Duration.ofSeconds(60))
                    .set("timeouts.details", Duration.ofSeconds(60)).set("timeouts.submit", Duration.ofSeconds(60))
                    .set("timeouts.upload", Duration.ofSeconds(120)).set("timeouts.check", Duration.ofSeconds(60))
                    .set("upload-min-rate", 1_000_000).set("upload-rate-window", Duration.ofSeconds(2)));
            try {
                long started = System.nanoTime();
                var result = c.uploadAudio(new ClaudioAccount("http://127.0.0.1:" + server.getLocalPort() + "/stall", "k", "s"), big, "big.wav");
                long took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
                assertInstanceOf(ClaudioFailure.Timeout.class, result.failureOrNull());
                assertTrue(took < 20_000, "aborted after " + took + " ms, the deadline was 120 s + 64 s");
            } finally {
                c.close();
                for (Socket s : held) {
                    s.close();
                }
            }
        }
    }

    @Test
    void manyCallsWaitingForClaudioHoldNoThreads() {
        wiremock.stubFor(post(com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching("/many/jobs/.*/poll"))
                .willReturn(inProgress().withFixedDelay(1_500)));
        OwnClient.using(client(s -> s), c -> {
            ClaudioAccount account = new ClaudioAccount("http://localhost:" + wiremock.getPort() + "/many", "k", "s", "tenant-many");
            int threadsBefore = Thread.activeCount();
            List<CompletableFuture<ClaudioResult<JobStatus>>> calls = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                calls.add(c.pollAsync(account, "J" + i, null).toCompletableFuture());
            }
            int threadsDuring = Thread.activeCount();
            CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).join();
            assertTrue(calls.stream().allMatch(f -> f.join().isSuccess()));
            assertTrue(threadsDuring - threadsBefore < 10, "threads went from " + threadsBefore + " to " + threadsDuring);
        });
    }
}
