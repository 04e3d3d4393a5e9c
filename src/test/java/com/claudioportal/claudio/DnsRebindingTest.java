package com.claudioportal.claudio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.claudioportal.credentials.BaseUrlPolicy;
import com.claudioportal.credentials.ScriptedDns;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;

/**
 * DNS rebinding against the Claudio client itself. The tenant's host name is answered by a
 * scripted DNS (the policy's only resolver) with a public address first and the cloud metadata
 * address 169.254.169.254 second. Two local servers share one port: 127.0.0.2 stands for the
 * public host, 127.0.0.1 for the metadata service (a test "router" sends each checked address to
 * its stand-in). The host name is {@code localhost}, which the operating system resolves to the
 * metadata stand-in, so a client that resolved the name again, instead of connecting to the
 * checked address, would be caught: the control at the end shows that it would.
 */
@QuarkusTest
class DnsRebindingTest {

    static final String PUBLIC = "198.51.100.7";
    static final String METADATA = "169.254.169.254";

    Vertx vertx;
    HttpServer publicHost;
    HttpServer metadata;
    final List<String> publicHosts = new CopyOnWriteArrayList<>();
    final List<String> metadataCalls = new CopyOnWriteArrayList<>();
    int port;

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        publicHost = vertx.createHttpServer().requestHandler(request -> {
            publicHosts.add(request.getHeader("Host"));
            if (request.path().contains("/jobs/REDIRECT/")) {
                request.response().setStatusCode(302).putHeader("Location", "http://" + METADATA + "/latest/meta-data/").end();
                return;
            }
            request.response().putHeader("Content-Type", "application/json")
                    .end("{\"msg\": \"NOTICE: The job is in progress.\", \"media_files\": []}");
        }).listen(0, "127.0.0.2").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        port = publicHost.actualPort();
        for (String loopback : List.of("127.0.0.1", "::1")) {
            HttpServer server = vertx.createHttpServer().requestHandler(request -> {
                metadataCalls.add(request.method() + " " + request.uri());
                request.response().putHeader("Content-Type", "application/json")
                        .end("{\"msg\": \"NOTICE: The job is in progress.\", \"media_files\": []}");
            });
            try {
                server.listen(port, loopback).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                if (loopback.equals("127.0.0.1")) {
                    throw e;
                } // a machine without IPv6: localhost is 127.0.0.1 only
            }
        }
    }

    @AfterEach
    void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void theSecondAnswerIsNeverUsedAndNoCallReachesTheMetadataAddress() {
        ScriptedDns dns = new ScriptedDns().answer(PUBLIC).answer(METADATA);
        ClaudioClient client = client(dns.policy());
        ClaudioAccount account = new ClaudioAccount("http://localhost:" + port + "/claudio", "k", "s", "rebind");

        ClaudioResult<JobStatus> first = client.poll(account, "ABC", null);
        assertEquals(null, first.failureOrNull());
        assertInstanceOf(JobStatus.InProgress.class, first.value());
        assertEquals(List.of("localhost:" + port), publicHosts, "the checked public address got the call, with the name as Host");
        assertEquals(List.of("localhost"), dns.asked(), "resolved once for the call");

        ClaudioResult<JobStatus> second = client.poll(account, "ABC", null);
        ClaudioFailure failure = second.failureOrNull();
        assertInstanceOf(ClaudioFailure.Unreachable.class, failure);
        assertTrue(((ClaudioFailure.Unreachable) failure).reason().contains("own network"), failure.toString());
        assertEquals(List.of(), metadataCalls, "no connection reached the metadata address");
        assertEquals(1, publicHosts.size());
    }

    @Test
    void aRedirectIsNotFollowed() {
        ScriptedDns dns = new ScriptedDns().answer(PUBLIC).answer(PUBLIC).answer(PUBLIC);
        ClaudioClient client = client(dns.policy());
        ClaudioAccount account = new ClaudioAccount("http://localhost:" + port + "/claudio", "k", "s", "redirect");
        ClaudioResult<JobStatus> answer = client.poll(account, "REDIRECT", null);
        assertTrue(answer.failureOrNull() != null, "a redirect is not an answer");
        assertEquals(List.of(), metadataCalls, "nor followed to where it points");
    }

    @Test
    void controlAClientThatResolvesTheNameItselfWouldReachTheMetadataStandIn() {
        ClaudioClient byName = new ClaudioClient(vertx, settings(), new SimpleMeterRegistry(), null);
        ClaudioAccount account = new ClaudioAccount("http://localhost:" + port + "/claudio", "k", "s", "control");
        byName.poll(account, "ABC", null);
        assertEquals(1, metadataCalls.size(), "the set-up detects a second resolution");
    }

    private ClaudioClient client(BaseUrlPolicy policy) {
        // the "router": each checked address goes to its local stand-in (the port is the URL's)
        AddressCheck routed = url -> {
            InetSocketAddress checked = policy.addressFor(url);
            String ip = checked.getAddress().getHostAddress();
            return new InetSocketAddress(ip.equals(PUBLIC) ? "127.0.0.2" : ip.equals(METADATA) ? "127.0.0.1" : ip, checked.getPort());
        };
        return new ClaudioClient(vertx, settings(), new SimpleMeterRegistry(), routed);
    }

    private static ClaudioConfig settings() {
        return TestClaudioConfig.defaults().withoutRetries().build();
    }
}
