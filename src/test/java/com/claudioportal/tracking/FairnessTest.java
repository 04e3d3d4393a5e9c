package com.claudioportal.tracking;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.claudioportal.infra.ClaudioTenants;
import com.claudioportal.infra.Fixtures;
import com.claudioportal.infra.TenantTestBase;
import com.claudioportal.job.JobState;
import com.claudioportal.infra.SandboxControl;
import com.claudioportal.infra.TestSandbox;
import com.claudioportal.tenant.TenantScope;
import com.claudioportal.job.Job;
import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Tenant A's Claudio answers every call after 30 s and A has 50 jobs due; tenant B's jobs are
 * not held up by it: a new job of B's completes within 5 s of B's own Claudio turnaround, and a
 * webhook notice for B is served in the priority lane even while the normal lane is full.
 */
@QuarkusTest
@TestProfile(EngineRunning.class)
class FairnessTest extends TenantTestBase {

    private static WireMockServer slow;

    @Inject
    EngineKit kit;

    @Inject
    ClaudioTenants claudio;

    final SandboxControl sandbox = TestSandbox.control();

    @Inject
    WorkerConfig config;

    @BeforeAll
    static void start() {
        slow = EngineKit.stillWorking(80, any(urlPathMatching("/.*")), 30_000);
    }

    @AfterAll
    static void stop() {
        io.quarkus.arc.Arc.container().instance(TenantScope.class).get().platform(() -> QuarkusTransaction.requiringNew()
                .call(() -> io.quarkus.arc.Arc.container().instance(EntityManager.class).get()
                        .createNativeQuery("update job set next_attempt_at = now() + interval '1 day' where name like 'Engine job %'")
                        .executeUpdate()));
        slow.stop();
    }

    @Test
    void aSlowTenantWithABacklogDelaysNoOtherTenant() {
        var a = kit.tenant("Slow Clinic", "http://localhost:" + slow.port() + "/slow");
        for (int i = 0; i < 50; i++) {
            kit.submittedJob(a, "SLOW-" + i);
        }
        // A fills its share of the dispatcher with calls that take 30 s
        await().atMost(Duration.ofSeconds(20)).until(() -> inFlight(a.id()) >= config.maxInFlightPerTenant());

        var b = claudio.tenant("Quick Clinic", Fixtures.email("admin"));
        Duration turnaround = Duration.ofMillis(300).plus(config.pollInterval()); // the sandbox's processing time, then the next poll
        long jobId = claudio.submitJob(b, "Not held up", false, 1);
        Instant saved = kit.job(b.tenant(), jobId).createdAt;
        await().atMost(turnaround.plusSeconds(5)).pollInterval(Duration.ofMillis(100))
                .until(() -> kit.job(b.tenant(), jobId).status == JobState.COMPLETED);
        Duration took = Duration.between(saved, kit.job(b.tenant(), jobId).completedAt);
        assertTrue(took.compareTo(turnaround.plusSeconds(5)) <= 0, "B's job took " + took);
        assertEquals(config.maxInFlightPerTenant(), inFlight(a.id()), "A never has more than its share of calls in flight");
    }

    /** The tenant's jobs claimed (their calls in flight) right now. */
    private long inFlight(String tenant) {
        return scope.call(tenant, () -> Job.count("leaseOwner is not null"));
    }

    @Test
    void aWebhookNoticeIsServedWithinSecondsWhilePollingIsSaturated() {
        // four slow tenants fill the whole normal lane (4 × 8 = 32 − the 4 kept for the priority lane)
        List<String> saturating = new java.util.ArrayList<>();
        for (int t = 0; t < 4; t++) {
            var slowTenant = kit.tenant("Saturating Clinic " + t, "http://localhost:" + slow.port() + "/sat" + t);
            saturating.add(slowTenant.id());
            for (int i = 0; i < 20; i++) {
                kit.submittedJob(slowTenant, "SAT-" + t + "-" + i);
            }
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> saturating.stream().mapToLong(this::inFlight).sum()
                >= config.maxInFlight() - config.priorityReserve() - config.maxInFlightPerTenant());

        var b = claudio.tenant("Notified Clinic", Fixtures.email("admin"));
        String token = fixtures.newWebhookAddress(b.tenant());
        long jobId = claudio.submitJob(b, "Notified", false, 1);
        await().atMost(Duration.ofSeconds(40)).until(() -> kit.job(b.tenant(), jobId).status == JobState.SUBMITTED);
        String reference = kit.job(b.tenant(), jobId).claudioReference;
        await().atMost(Duration.ofSeconds(10)).until(() -> sandbox.job(reference).map(j -> j.completedAt() != null).orElse(false));
        kit.set(b.tenant(), jobId, j -> j.nextAttemptAt = Instant.now().plus(Duration.ofHours(1)));

        // the test's own HTTP client (REST Assured loads Groovy on its first request: seconds on a busy machine) and the
        // token lookup warm up on a notice about a job nobody has, so that what is timed is the portal serving a notice
        ClaudioNotices.post(token, ClaudioNotices.about("NO-SUCH-JOB")).then().statusCode(200);
        Instant noticed = Instant.now();
        ClaudioNotices.post(token, ClaudioNotices.about(reference)).then().statusCode(200);
        Duration answered = Duration.between(noticed, Instant.now());
        await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(50))
                .until(() -> kit.job(b.tenant(), jobId).status == JobState.COMPLETED);
        var done = kit.job(b.tenant(), jobId);
        Duration took = Duration.between(noticed, done.completedAt);
        assertTrue(took.toMillis() <= 2_000, "from the notice to completed took " + took + " (the notice was answered after " + answered
                + ", written after " + Duration.between(noticed, done.lastNoticeAt) + ")");
    }
}
