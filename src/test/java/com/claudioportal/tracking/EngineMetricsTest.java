package com.claudioportal.tracking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.claudioportal.infra.Fixtures;
import com.claudioportal.infra.TestSandbox;
import com.claudioportal.job.Job;
import com.claudioportal.job.JobState;
import com.claudioportal.infra.DatabaseOwner;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The engine's timers that say where a poll or a notice spent its time (the benchmark reads them,
 * and so would an operator): each poll counts its call and its wait for an apply thread in its
 * lane, and a notice its wait for the priority lane's claim. Tags name lanes only.
 */
@QuarkusTest
@TestProfile(ManualWorker.class)
class EngineMetricsTest extends WorkerTestBase {

    @Inject
    MeterRegistry registry;

    @Test
    void eachPollCountsItsCallAndApplyWaitInItsLaneAndANoticeItsWaitForTheClaim() {
        var w = claudio.tenant("Metrics Clinic", Fixtures.email("admin"));
        String token = fixtures.newWebhookAddress(w.tenant());
        TestSandbox.control().patch(w.tenant(), "{\"processingMillis\": 600000}"); // still in progress at every poll here
        long jobId = claudio.submitJob(w, "Measured", false, 1);
        worker.runOnce();
        assertEquals(JobState.SUBMITTED, job(w.tenant(), jobId).status);

        // the engine's round claims every tenant's due work: jobs other test classes left in progress fall due
        // every poll interval and would be counted too (the full suite saw 41 calls for 40). Moved out of this
        // test's rounds, so the counts below are this job's alone.
        DatabaseOwner.update("update job set next_attempt_at = now() + interval '1 hour' where id <> ? and next_attempt_at < now() + interval '10 minutes'",
                jobId);
        long normalCalls = count("portal.jobs.poll.call", "normal");
        long normalWaits = count("portal.jobs.apply.wait", "normal");
        long urgentCalls = count("portal.jobs.poll.call", "priority");
        scope.run(w.tenant(), () -> Job.<Job> findById(jobId).nextAttemptAt = Instant.now().minusSeconds(1));
        worker.runOnce();
        assertEquals(normalCalls + 1, count("portal.jobs.poll.call", "normal"), "the due poll's call, in the normal lane");
        assertEquals(normalWaits + 1, count("portal.jobs.apply.wait", "normal"), "and its wait for an apply thread");
        assertEquals(urgentCalls, count("portal.jobs.poll.call", "priority"), "nothing in the priority lane");

        long claimedNotices = count("portal.jobs.notice.claimed", null);
        scope.run(w.tenant(), () -> Job.<Job> findById(jobId).nextAttemptAt = Instant.now().plusSeconds(3600));
        String reference = job(w.tenant(), jobId).claudioReference;
        ClaudioNotices.post(token, ClaudioNotices.about(reference)).then().statusCode(200);
        worker.runOnce();
        assertEquals(claimedNotices + 1, count("portal.jobs.notice.claimed", null), "the notice's wait for its claim");
        assertEquals(urgentCalls + 1, count("portal.jobs.poll.call", "priority"), "its poll in the priority lane");
        var backlog = registry.find("portal.jobs.apply.backlog").gauge();
        assertTrue(backlog != null, "the apply backlog (a reason a poll starts late) is exported");
        assertEquals(0, backlog.value(), "nothing waits for an apply thread once the round has ended");
        assertEquals(1, registry.find("portal.jobs.poll.call").timers().stream().flatMap(t -> t.getId().getTags().stream())
                .map(tag -> tag.getKey()).distinct().count(), "the lane is the only tag: never a tenant or a job");
    }

    private long count(String name, String lane) {
        Timer timer = lane == null ? registry.find(name).timer() : registry.find(name).tag("lane", lane).timer();
        assertTrue(timer != null, name + " is registered");
        return timer.count();
    }
}
