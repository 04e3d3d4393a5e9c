package com.claudioportal.tracking;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.claudioportal.job.JobState;
import com.claudioportal.tenant.TenantScope;
import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Claims and leases: two dispatchers with different owners (as two instances) never process the
 * same job, a dead owner's claim is taken over once its lease has run out, heartbeats renew every
 * step an instance holds (also one waiting longer than a lease) and nothing else, no instance can
 * take a job while its holder applies an answer, and claims go round-robin across tenants.
 */
@QuarkusTest
@TestProfile(ManualWorker.class)
class JobClaimsTest {

    private static WireMockServer claudio;

    @Inject
    EngineKit kit;

    @Inject
    JobClaims claims;

    @Inject
    JobWorker worker;

    @Inject
    WorkerConfig config;

    @Inject
    EngineMetrics metrics;

    @Inject
    TenantScope scope;

    @Inject
    EntityManager em;

    @BeforeAll
    static void start() {
        // every poll: still in progress, after a moment
        claudio = EngineKit.stillWorking(60, post(urlPathMatching("/.*/jobs/.*/poll")), 300);
    }

    @AfterAll
    static void stop() {
        quiet();
        claudio.stop();
    }

    private String base(String team) {
        return "http://localhost:" + claudio.port() + "/" + team;
    }

    private JobDispatcher dispatcher(String owner) {
        return new JobDispatcher(owner, config, claims, worker, metrics);
    }

    @Test
    void twoInstancesNeverPollTheSameJobTwice() throws Exception {
        List<String> refs = new ArrayList<>();
        for (int t = 0; t < 3; t++) {
            var tenant = kit.tenant("Claims Clinic " + t, base("claims" + t));
            for (int i = 0; i < 15; i++) {
                String ref = "C" + t + "-" + i + "-" + System.nanoTime();
                kit.submittedJob(tenant, ref);
                refs.add("/claims" + t + "/jobs/" + ref + "/poll");
            }
        }
        JobDispatcher a = dispatcher("instance-a");
        JobDispatcher b = dispatcher("instance-b");
        try {
            CompletableFuture<Void> ra = CompletableFuture.runAsync(a::runOnce);
            CompletableFuture<Void> rb = CompletableFuture.runAsync(b::runOnce);
            CompletableFuture.allOf(ra, rb).join();
        } finally {
            a.stop();
            b.stop();
        }
        for (String path : refs) {
            claudio.verify(1, postRequestedFor(urlEqualTo(path)));
        }
    }

    @Test
    void aDeadInstancesClaimIsTakenOverOnlyAfterItsLease() {
        var tenant = kit.tenant("Dead Owner Clinic", base("dead"));
        String ref = "DEAD-" + System.nanoTime();
        long jobId = kit.submittedJob(tenant, ref);
        // a claim by an instance that died a moment ago
        kit.set(tenant.id(), jobId, j -> {
            j.leaseOwner = "dead-instance";
            j.leaseUntil = Instant.now().plusSeconds(2);
        });
        JobDispatcher alive = dispatcher("alive-instance");
        try {
            alive.runOnce();
            claudio.verify(0, postRequestedFor(urlEqualTo("/dead/jobs/" + ref + "/poll")));
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).until(() -> {
                alive.runOnce();
                return claudio.countRequestsMatching(postRequestedFor(urlEqualTo("/dead/jobs/" + ref + "/poll")).build()).getCount() == 1;
            });
        } finally {
            alive.stop();
        }
        var job = kit.job(tenant.id(), jobId);
        assertEquals(JobState.SUBMITTED, job.status);
        assertEquals(null, job.leaseOwner, "released after the poll");
        assertTrue(job.nextAttemptAt.isAfter(Instant.now()));
    }

    @Test
    void aStepHeldLongerThanItsLeaseKeepsItsClaimUntilItsInstanceStops() throws Exception {
        var tenant = kit.tenant("Held Step Clinic", base("held"));
        String ref = "HELD-" + System.nanoTime();
        long jobId = kit.submittedJob(tenant, ref);
        String path = "/held/jobs/" + ref + "/poll";
        JobDispatcher holder = dispatcher("holding-instance");
        JobDispatcher other = dispatcher("other-instance");
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch go = new CountDownLatch(1);
        // the poll's answer waits for an apply thread (as behind a long apply queue) for longer than a lease
        CrashingCheckpoints.when(WorkerCheckpoints.POLL_ANSWERED, jobId, () -> {
            held.countDown();
            awaitQuietly(go);
        });
        CompletableFuture<Void> round = CompletableFuture.runAsync(holder::runOnce);
        try {
            held.await();
            Instant firstLease = kit.job(tenant.id(), jobId).leaseUntil;
            await().atMost(Duration.ofSeconds(30)).until(() -> Instant.now().isAfter(firstLease.plusSeconds(1))
                    && kit.job(tenant.id(), jobId).leaseUntil.isAfter(firstLease));
            other.runOnce();
            claudio.verify(1, postRequestedFor(urlEqualTo(path)));
            assertEquals("holding-instance", kit.job(tenant.id(), jobId).leaseOwner, "still held by the live instance");

            // the holder dies (no more heartbeats) with the step still waiting: after the lease the other instance takes it
            holder.stop();
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
                other.runOnce();
                return claudio.countRequestsMatching(postRequestedFor(urlEqualTo(path)).build()).getCount() >= 2;
            });
            long version = kit.job(tenant.id(), jobId).version;
            go.countDown();
            round.join();
            assertEquals(version, kit.job(tenant.id(), jobId).version, "the dead holder's late answer changed nothing");
        } finally {
            go.countDown();
            holder.stop();
            other.stop();
            CrashingCheckpoints.disarm();
        }
    }

    @Test
    void noInstanceCanTakeAJobWhileItsHolderIsApplyingAnAnswer() {
        var tenant = kit.tenant("Takeover Clinic", base("takeover"));
        String ref = "TAKE-" + System.nanoTime();
        long jobId = kit.submittedJob(tenant, ref);
        JobDispatcher holder = dispatcher("applying-instance");
        List<JobClaims.Claim> takenMeanwhile = new ArrayList<>();
        // the poll answered, and then the holder looked dead for a whole lease (no heartbeat): its claim ran out ...
        CrashingCheckpoints.when(WorkerCheckpoints.POLL_ANSWERED, jobId, () -> {
            holder.stop();
            kit.set(tenant.id(), jobId, j -> j.leaseUntil = Instant.now().minusSeconds(1));
            // ... and another instance claims due work while the holder has read the job to apply the answer
            CrashingCheckpoints.when(WorkerCheckpoints.APPLYING, jobId, () -> takenMeanwhile.addAll(CompletableFuture
                    .supplyAsync(() -> claims.claim(false, "taking-instance", Duration.ofSeconds(30), 50, 50, Map.of())).join()));
        });
        try {
            holder.runOnce();
        } finally {
            holder.stop();
            CrashingCheckpoints.disarm();
            claims.release("taking-instance", takenMeanwhile.stream().map(JobClaims.Claim::jobId).toList(), null);
        }
        assertEquals(List.of(), takenMeanwhile.stream().filter(c -> c.jobId() == jobId).toList(),
                "the job was claimed by a second instance while its holder was applying (it would poll it again)");
        var job = kit.job(tenant.id(), jobId);
        assertEquals(JobState.SUBMITTED, job.status);
        assertTrue(job.lastPolledAt != null, "the holder's answer was applied");
        claudio.verify(1, postRequestedFor(urlEqualTo("/takeover/jobs/" + ref + "/poll")));
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void heartbeatsRenewOnlyTheJobsWhoseCallsAreInFlight() {
        var tenant = kit.tenant("Heartbeat Clinic", base("heartbeat"));
        String slow = "SLOW-" + System.nanoTime();
        claudio.stubFor(post("/heartbeat/jobs/" + slow + "/poll").willReturn(aResponse().withStatus(200).withFixedDelay(5_000)
                .withHeader("Content-Type", "application/json").withBody("{\"msg\":\"NOTICE: The job is in progress.\"}")));
        long inFlight = kit.submittedJob(tenant, slow);
        long idle = kit.submittedJob(tenant, "IDLE-" + System.nanoTime());
        kit.set(tenant.id(), idle, j -> j.nextAttemptAt = Instant.now().plusSeconds(3600));
        JobDispatcher d = dispatcher("heartbeat-instance");
        try {
            CompletableFuture<Void> round = CompletableFuture.runAsync(d::runOnce);
            await().atMost(Duration.ofSeconds(5)).until(() -> kit.job(tenant.id(), inFlight).leaseOwner != null);
            // a job this owner holds but is not working on (as after a step that ended without release)
            kit.set(tenant.id(), idle, j -> {
                j.leaseOwner = "heartbeat-instance";
                j.leaseUntil = Instant.now().plusSeconds(2);
            });
            Instant idleUntil = kit.job(tenant.id(), idle).leaseUntil;
            Instant first = kit.job(tenant.id(), inFlight).leaseUntil;
            await().atMost(Duration.ofSeconds(4)).until(() -> kit.job(tenant.id(), inFlight).leaseUntil.isAfter(first.plusMillis(500)));
            assertEquals(idleUntil, kit.job(tenant.id(), idle).leaseUntil, "not renewed: nothing is in flight for it");
            round.join();
            assertEquals(null, kit.job(tenant.id(), inFlight).leaseOwner, "released when the call ended");
        } finally {
            d.stop();
        }
    }

    @Test
    void claimsGoRoundRobinAcrossTenantsAndRespectThePerTenantLimit() {
        var busy = kit.tenant("Busy Clinic", base("busy"));
        var quiet = kit.tenant("Quiet Clinic", base("quiet"));
        for (int i = 0; i < 30; i++) {
            kit.submittedJob(busy, "B-" + i + "-" + System.nanoTime());
        }
        long q1 = kit.submittedJob(quiet, "Q1-" + System.nanoTime());
        long q2 = kit.submittedJob(quiet, "Q2-" + System.nanoTime());
        // only these two tenants have due work now
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update job set next_attempt_at = now() + interval '1 day' where next_attempt_at is not null and tenant_id not in (?1, ?2)")
                .setParameter(1, busy.id()).setParameter(2, quiet.id()).executeUpdate());
        List<Long> taken = new ArrayList<>();
        try {
            // in due order alone these would be three of the busy tenant's (older) jobs
            List<JobClaims.Claim> first = claims.claim(false, "fair-test", Duration.ofSeconds(30), 3, 4, Map.of());
            first.forEach(c -> taken.add(c.jobId()));
            Map<String, Long> perTenant = first.stream().collect(Collectors.groupingBy(JobClaims.Claim::tenantId, Collectors.counting()));
            assertEquals(Map.of(busy.id(), 2L, quiet.id(), 1L), perTenant);
            assertTrue(taken.contains(q1), "the quiet tenant's first job, in the first round");

            Map<String, Integer> inFlight = new HashMap<>();
            inFlight.put(busy.id(), 2);
            inFlight.put(quiet.id(), 1);
            List<JobClaims.Claim> second = claims.claim(false, "fair-test", Duration.ofSeconds(30), 10, 4, inFlight);
            second.forEach(c -> taken.add(c.jobId()));
            assertEquals(2, second.stream().filter(c -> c.tenantId().equals(busy.id())).count(), "up to the per-tenant limit of 4");
            assertEquals(List.of(q2), second.stream().filter(c -> c.tenantId().equals(quiet.id())).map(JobClaims.Claim::jobId).toList());
            List<JobClaims.Claim> other = claims.claim(false, "other-instance", Duration.ofSeconds(30), 10, 30, Map.of());
            claims.release("other-instance", other.stream().map(JobClaims.Claim::jobId).toList(), null);
            assertEquals(List.of(), other.stream().filter(c -> taken.contains(c.jobId())).toList(), "claimed jobs are nobody else's");
        } finally {
            claims.release("fair-test", taken, null);
        }
    }

    static void quiet() {
        // the jobs of these tests poll WireMock, which stops now: leave them out of later tests' rounds
        io.quarkus.arc.Arc.container().instance(TenantScope.class).get().platform(() -> QuarkusTransaction.requiringNew()
                .call(() -> io.quarkus.arc.Arc.container().instance(EntityManager.class).get()
                        .createNativeQuery("update job set next_attempt_at = now() + interval '1 day', lease_owner = null, lease_until = null "
                                + "where next_attempt_at is not null and name like 'Engine job %'").executeUpdate()));
    }
}
