package com.claudioportal.tracking;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.claudioportal.infra.Fixtures;
import com.claudioportal.job.JobActions;
import com.claudioportal.job.JobState;
import com.claudioportal.infra.SandboxControl;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * People, webhooks and the worker changing the same job at the same time: the final state is
 * always a legal one, a cancel that lands before the submit always wins, a notice never reopens
 * a finished job, and every change of state is on the timeline exactly once.
 */
@QuarkusTest
@TestProfile(ManualWorker.class)
class JobRaceTest extends WorkerTestBase {

    @Inject
    JobActions actions;

    @AfterEach
    void disarm() {
        CrashingCheckpoints.disarm();
    }

    @Test
    void aCancelBetweenTheClaimAndTheFirstUploadWinsAndNothingReachesClaudio() {
        var w = claudio.tenant("Race Claim Clinic", Fixtures.email("admin"));
        long jobId = claudio.submitJob(w, "Cancelled after claim", false, 1);
        CrashingCheckpoints.when(WorkerCheckpoints.CLAIMED, jobId, () -> assertNull(scope.call(w.tenant(), () -> actions.cancel(jobId).problem())));
        worker.runOnce();
        worker.runOnce();
        assertEquals(JobState.CANCELLED, kit.job(w.tenant(), jobId).status);
        assertEquals(0, claudio.uploadedFilenames(w.tenant()).size(), "no file was sent");
        assertEquals(0, sandbox.jobCount(w.tenant()), "no submit reached Claudio");
        assertEquals(List.of(JobState.QUEUED, JobState.CANCELLED), kit.timelineStates(w.tenant(), jobId));
        assertEquals(TransitionLog.of(jobId), kit.timelineStates(w.tenant(), jobId));
    }

    @Test
    void aCancelWhileAFileIsOnItsWayWinsAndTheJobIsNeverSubmitted() {
        var w = claudio.tenant("Race Upload Clinic", Fixtures.email("admin"));
        long jobId = claudio.submitJob(w, "Cancelled during upload", false, 1, 1);
        CrashingCheckpoints.when(WorkerCheckpoints.FILE_ANSWERED, jobId, () -> assertNull(scope.call(w.tenant(), () -> actions.cancel(jobId).problem())));
        worker.runOnce();
        worker.runOnce();
        assertEquals(JobState.CANCELLED, kit.job(w.tenant(), jobId).status);
        assertEquals(1, claudio.uploadedFilenames(w.tenant()).size(), "the file on its way when the cancel landed, and no other");
        assertEquals(0, sandbox.jobCount(w.tenant()));
        assertEquals(List.of(JobState.QUEUED, JobState.UPLOADING, JobState.CANCELLED), kit.timelineStates(w.tenant(), jobId));
        assertEquals(TransitionLog.of(jobId), kit.timelineStates(w.tenant(), jobId));
    }

    @Test
    void cancelsRacingTheWorkerEndInALegalStateAndCancelledJobsNeverReachClaudio() throws Exception {
        var w = claudio.tenant("Race Many Clinic", Fixtures.email("admin"));
        List<Long> jobs = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            jobs.add(claudio.submitJob(w, "Race " + i, false, 1));
        }
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            Future<?> workerLoop = pool.submit(() -> {
                while (running.get()) {
                    worker.runOnce();
                }
            });
            Map<Long, String> answers = new ConcurrentHashMap<>();
            List<Future<?>> cancels = new ArrayList<>();
            for (long jobId : jobs) {
                cancels.add(pool.submit(() -> {
                    Thread.sleep(ThreadLocalRandom.current().nextLong(400));
                    String problem = scope.call(w.tenant(), () -> actions.cancel(jobId).problem());
                    answers.put(jobId, problem == null ? "cancelled" : problem);
                    return null;
                }));
            }
            for (Future<?> c : cancels) {
                c.get(30, TimeUnit.SECONDS);
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> jobs.stream()
                    .map(id -> kit.job(w.tenant(), id).status).allMatch(s -> s == JobState.CANCELLED || s == JobState.COMPLETED));
            running.set(false);
            workerLoop.get(30, TimeUnit.SECONDS);

            List<String> atClaudio = sandbox.jobs(w.tenant()).stream().map(SandboxControl.Job::jobName).toList();
            for (int i = 0; i < jobs.size(); i++) {
                long jobId = jobs.get(i);
                JobState state = kit.job(w.tenant(), jobId).status;
                long submits = atClaudio.stream().filter(("Race " + i)::equals).count();
                if (state == JobState.CANCELLED) {
                    assertEquals("cancelled", answers.get(jobId));
                    assertEquals(0, submits, "a cancelled job never reached Claudio");
                } else {
                    assertTrue(!"cancelled".equals(answers.get(jobId)), "the cancel was refused in words: " + answers.get(jobId));
                    assertEquals(1, submits, "submitted exactly once");
                }
                assertEquals(TransitionLog.of(jobId), kit.timelineStates(w.tenant(), jobId), "every change of state once on the timeline");
            }
        } finally {
            running.set(false);
            pool.shutdownNow();
        }
    }

    @Test
    void aNoticeDuringTheCompletingPollNeverReopensTheJob() {
        var w = claudio.tenant("Race Notice Clinic", Fixtures.email("admin"));
        String token = fixtures.newWebhookAddress(w.tenant());
        long jobId = claudio.submitJob(w, "Notified while completing", false, 1);
        kit.runUntil(await().atMost(Duration.ofSeconds(10)), worker, w.tenant(), jobId, JobState.SUBMITTED);
        String reference = kit.finishedAtClaudioAndDueNow(sandbox, w.tenant(), jobId);
        Runnable notice = () -> ClaudioNotices.post(token, ClaudioNotices.about(reference)).then().statusCode(200);
        CrashingCheckpoints.when(WorkerCheckpoints.POLL_ANSWERED, jobId, notice);
        worker.runOnce();
        assertEquals(JobState.COMPLETED, kit.job(w.tenant(), jobId).status);

        long version = kit.job(w.tenant(), jobId).version;
        for (int i = 0; i < 5; i++) {
            notice.run();
        }
        worker.runOnce();
        var job = kit.job(w.tenant(), jobId);
        assertEquals(JobState.COMPLETED, job.status, "later notices leave a finished job alone");
        assertEquals(version, job.version);
        assertNull(job.nextAttemptAt);
        assertEquals(List.of(JobState.QUEUED, JobState.UPLOADING, JobState.SUBMITTING, JobState.SUBMITTED, JobState.COMPLETED),
                kit.timelineStates(w.tenant(), jobId));
        assertEquals(TransitionLog.of(jobId), kit.timelineStates(w.tenant(), jobId));
        assertEquals(1, kit.timeline(w.tenant(), jobId).stream().filter(e -> e.message.startsWith("Claudio finished the job")).count());
    }

    @Test
    void aNoticeThatArrivesWhileAPollIsInFlightMakesTheJobPollAgainAtOnce() {
        var w = claudio.tenant("Race Pending Clinic", Fixtures.email("admin"));
        sandbox.setProcessingTime(w.tenant(), Duration.ofMinutes(10));
        String token = fixtures.newWebhookAddress(w.tenant());
        long jobId = claudio.submitJob(w, "Notified while polling", false, 1);
        kit.runUntil(await().atMost(Duration.ofSeconds(10)), worker, w.tenant(), jobId, JobState.SUBMITTED);
        String reference = kit.job(w.tenant(), jobId).claudioReference;
        kit.set(w.tenant(), jobId, j -> j.nextAttemptAt = Instant.now());
        CrashingCheckpoints.when(WorkerCheckpoints.POLL_ANSWERED, jobId,
                () -> ClaudioNotices.post(token, ClaudioNotices.about(reference)).then().statusCode(200));
        worker.runOnce();
        var job = kit.job(w.tenant(), jobId);
        assertEquals(JobState.SUBMITTED, job.status);
        assertNotNull(job.promptedAt, "the notice is kept for the next poll");
        assertTrue(job.nextAttemptAt.isBefore(Instant.now().plusSeconds(1)), "and that poll is due now");

        worker.runOnce();
        job = kit.job(w.tenant(), jobId);
        assertNull(job.promptedAt, "the poll after the notice served it");
        assertTrue(job.nextAttemptAt.isAfter(job.lastPolledAt.plusMillis(500)), "and the next one is at the usual interval");
    }
}
