package com.claudioportal.tracking;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.claudioportal.credentials.ConnectionService;
import org.awaitility.Awaitility;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import org.awaitility.core.ConditionFactory;

import com.claudioportal.infra.Fixtures;
import com.claudioportal.infra.SandboxControl;
import com.claudioportal.job.Job;
import com.claudioportal.job.JobEvent;
import com.claudioportal.job.JobState;
import com.claudioportal.profile.Profile;
import com.claudioportal.tenant.TenantScope;

/** Tenants whose Claudio is any address (WireMock), and jobs Claudio already accepted, due for a poll now. */
@ApplicationScoped
public class EngineKit {

    public record Tenant(String id, long profileId) {
    }

    @Inject
    Fixtures fixtures;

    @Inject
    TenantScope scope;

    @Inject
    ConnectionService connections;

    /**
     * A WireMock Claudio, started, with {@code threads} to answer on, that answers every request matching
     * {@code requests} "still in progress" after {@code delayMillis}: a Claudio whose jobs never finish.
     */
    public static WireMockServer stillWorking(int threads, MappingBuilder requests, int delayMillis) {
        WireMockServer server = new WireMockServer(WireMockConfiguration.options().dynamicPort().containerThreads(threads));
        server.start();
        server.stubFor(requests.willReturn(WireMock.aResponse().withStatus(200).withFixedDelay(delayMillis)
                .withHeader("Content-Type", "application/json").withBody("{\"msg\":\"NOTICE: The job is in progress.\"}")));
        return server;
    }

    public Tenant tenant(String name, String claudioBaseUrl) {
        String id = fixtures.tenant(name, Fixtures.email("admin"));
        var errors = scope.call(id, () -> connections.save(claudioBaseUrl, "key-" + UUID.randomUUID(), "secret-" + UUID.randomUUID()));
        if (!errors.ok()) {
            throw new IllegalStateException(errors.errors().all().toString());
        }
        return new Tenant(id, fixtures.seedProfile(id));
    }

    /** A job Claudio has accepted under {@code reference}, due for a poll now. */
    public long submittedJob(Tenant t, String reference) {
        return scope.call(t.id(), () -> {
            Profile profile = Profile.findById(t.profileId());
            Job job = new Job();
            job.submissionKey = UUID.randomUUID();
            job.name = "Engine job " + reference;
            job.profileId = profile.id;
            job.profileVersionId = profile.currentVersionId;
            job.status = JobState.SUBMITTED;
            job.submittedBy = "engine@example.test";
            job.claudioReference = reference;
            job.submittedAt = Instant.now();
            job.nextAttemptAt = Instant.now();
            job.dueAt = Instant.now().plusSeconds(3600);
            job.persist();
            return job.id;
        });
    }

    public Job job(String tenant, long id) {
        return scope.call(tenant, () -> Job.<Job> findById(id));
    }

    public List<JobEvent> timeline(String tenant, long jobId) {
        return scope.call(tenant, () -> JobEvent.<JobEvent> list("jobId = ?1 order by at, id", jobId));
    }

    /** The states the timeline shows the job moving into, in order (lines without a change of state left out). */
    public List<JobState> timelineStates(String tenant, long jobId) {
        List<JobEvent> events = timeline(tenant, jobId);
        java.util.ArrayList<JobState> states = new java.util.ArrayList<>();
        JobState last = null;
        for (JobEvent e : events) {
            if (e.status != last) {
                states.add(e.status);
                last = e.status;
            }
        }
        return states;
    }

    public void set(String tenant, long jobId, java.util.function.Consumer<Job> change) {
        scope.run(tenant, () -> change.accept(Job.findById(jobId)));
    }

    /** Makes the job due now on its last attempt of {@code maxAttempts}: the attempts before it have failed. */
    public void lastAttemptDueNow(String tenant, long jobId, int maxAttempts) {
        set(tenant, jobId, job -> {
            job.attempts = maxAttempts - 1;
            job.nextAttemptAt = Instant.now().minusSeconds(1);
        });
    }

    /** Runs {@code worker} once a poll of {@code wait}, until the job is in {@code state}. */
    public void runUntil(ConditionFactory wait, JobWorker worker, String tenant, long jobId, JobState state) {
        wait.until(() -> {
            worker.runOnce();
            return job(tenant, jobId).status == state;
        });
    }

    /**
     * Waits (up to 10 s) until Claudio ({@code sandbox}) has finished the job it accepted, then makes the
     * job's next poll due now: that poll is the one that completes it. Returns Claudio's reference.
     */
    public String finishedAtClaudioAndDueNow(SandboxControl sandbox, String tenant, long jobId) {
        String reference = job(tenant, jobId).claudioReference;
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> sandbox.job(reference).map(j -> j.completedAt() != null).orElse(false));
        set(tenant, jobId, j -> j.nextAttemptAt = Instant.now());
        return reference;
    }
}
