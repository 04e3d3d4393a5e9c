package com.claudioportal.tracking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.claudioportal.audit.AuditEvent;
import com.claudioportal.credentials.ConnectionService;
import com.claudioportal.credentials.WebhookTokens;
import com.claudioportal.infra.Fixtures;
import com.claudioportal.job.Job;
import com.claudioportal.job.JobActions;
import com.claudioportal.job.JobEvent;
import com.claudioportal.job.JobFile;
import com.claudioportal.job.JobState;
import com.claudioportal.infra.SandboxControl;
import com.claudioportal.upload.Upload;
import com.claudioportal.upload.UploadStorage;
import com.claudioportal.forms.PortalUrls;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The worker against the sandbox, driven step by step. "Crashes" stop the worker dead at a
 * checkpoint (see {@link CrashingCheckpoints}); the next round plays the restarted worker.
 */
@QuarkusTest
@TestProfile(ManualWorker.class)
class JobWorkerTest extends WorkerTestBase {

    @Inject
    JobActions actions;

    @Inject
    WorkerConfig workerConfig;

    @Inject
    JobTracking tracking;

    @Inject
    ConnectionService connections;

    @Inject
    UploadStorage storage;

    @Inject
    WebhookTokens webhooks;

    @Inject
    PortalUrls portalUrls;

    @AfterEach
    void disarm() {
        CrashingCheckpoints.disarm();
    }

    @Test
    void sendsEveryFileSubmitsOnceAndCollectsTheTranscripts() {
        var w = claudio.tenant("Worker Clinic", Fixtures.email("admin"));
        long jobId = claudio.submitJob(w, "IME for J. Doe", true, 4, 2);

        worker.runOnce();
        Job job = job(w.tenant(), jobId);
        assertEquals(JobState.SUBMITTED, job.status, job.statusDetail);
        assertNotNull(job.claudioReference);
        List<JobFile> files = files(w.tenant(), jobId);
        assertTrue(files.stream().allMatch(f -> f.status == JobFile.Status.SENT && f.claudioUrl != null));
        assertTrue(scope.call(w.tenant(), () -> Upload.<Upload> list("jobId", jobId)).stream().allMatch(u -> u.storedPath == null),
                "local copies are deleted once Claudio has them");

        SandboxControl.Job atClaudio = sandbox.job(job.claudioReference).orElseThrow();
        assertEquals("IME for J. Doe", atClaudio.jobName());
        assertEquals("12M78H7656325X96R99", atClaudio.profileId());
        assertEquals(3, atClaudio.inputs().size());
        SandboxControl.Job.Input first = atClaudio.inputs().get(0);
        assertEquals("dictation-1.wav", first.filename());
        assertEquals("00:00:01", first.audioStart());
        assertEquals("00:00:02", first.audioEnd());
        assertEquals("00:00:00", atClaudio.inputs().get(1).audioStart());
        assertEquals("loi", atClaudio.inputs().get(2).docType());
        assertTrue(atClaudio.jobData().stream().anyMatch(f -> "Dr. Jane Roe".equals(f.get("input_value"))));

        Job done = untilStatus(w.tenant(), jobId, JobState.COMPLETED);
        var result = done.resultOrNull();
        assertTrue(result.transcriptUrls().size() >= 2, "a .txt and a _LOI.docx");
        assertTrue(result.transcripts().stream().anyMatch(t -> t.name().endsWith("_LOI.docx")), result.transcripts().toString());
        assertFalse(result.extractedFields().isEmpty(), "fields drawn from the attached letter");
        List<String> timeline = scope.call(w.tenant(), () -> JobEvent.<JobEvent> list("jobId = ?1 order by at, id", jobId))
                .stream().map(e -> e.message).toList();
        assertTrue(timeline.get(timeline.size() - 1).startsWith("Claudio finished the job"), timeline.toString());
    }

    @Test
    void aWorkerThatDiesBetweenFilesResumesWithoutSendingAnyFileTwice() throws Exception {
        var w = claudio.tenant("Crash Files Clinic", Fixtures.email("admin"));
        long jobId = claudio.submitJob(w, "Crash between files", false, 1, 1, 1);

        CrashingCheckpoints.arm(WorkerCheckpoints.FILE_SENT, jobId);
        assertThrows(CrashingCheckpoints.SimulatedCrash.class, () -> worker.runOnce());
        assertEquals(JobState.UPLOADING, job(w.tenant(), jobId).status);
        assertEquals(1, claudio.uploadedFilenames(w.tenant()).size());

        worker.runOnce();
        assertEquals(JobState.UPLOADING, job(w.tenant(), jobId).status, "the dead worker's claim holds until its lease runs out");

        Thread.sleep(3_200);
        worker.runOnce();
        Job job = job(w.tenant(), jobId);
        assertEquals(JobState.SUBMITTED, job.status, job.statusDetail);
        assertEquals(List.of("dictation-1.wav", "dictation-2.wav", "dictation-3.wav", "letter-of-instruction.txt"),
                claudio.uploadedFilenames(w.tenant()).stream().sorted().toList(), "each file exactly once");
        assertEquals(1, sandbox.jobCount(w.tenant()));
    }

    @Test
    void aWorkerThatDiesDuringTheSubmitLeavesTheJobForAPersonNeverSubmittingItAgain() throws Exception {
        var w = claudio.tenant("Crash Submit Clinic", Fixtures.email("admin"));
        long jobId = claudio.submitJob(w, "Crash in submit", false, 1);

        CrashingCheckpoints.arm(WorkerCheckpoints.SUBMIT_ANSWERED, jobId);
        assertThrows(CrashingCheckpoints.SimulatedCrash.class, () -> worker.runOnce());
        assertEquals(JobState.SUBMITTING, job(w.tenant(), jobId).status);
        assertEquals(1, sandbox.jobCount(w.tenant()), "Claudio has the job; the portal never heard back");

        Thread.sleep(3_200);
        worker.runOnce();
        worker.runOnce();
        Job job = job(w.tenant(), jobId);
        assertEquals(JobState.NEEDS_ATTENTION, job.status);
        assertTrue(job.statusDetail.contains("not known whether Claudio received it"), job.statusDetail);
        assertEquals(1, sandbox.jobCount(w.tenant()), "never submitted again automatically");

        String reference = sandbox.jobs(w.tenant()).get(0).jobReferenceId();
        assertNull(scope.call(w.tenant(), () -> tracking.link(jobId, reference)).problem());
        assertEquals(JobState.SUBMITTED, job(w.tenant(), jobId).status);
        assertEquals(reference, job(w.tenant(), jobId).claudioReference);
        untilStatus(w.tenant(), jobId, JobState.COMPLETED);
        assertEquals(1, sandbox.jobCount(w.tenant()));
        assertEquals(1L, (long) scope.call(w.tenant(), () -> AuditEvent.count("action = ?1 and targetId = ?2", "job.linked", String.valueOf(jobId))));
    }

    @Test
    void aLostSubmitAnswerNeedsAttentionAndSubmittingAgainIsAPersonsRecordedDecision() {
        var w = claudio.tenant("Lost Answer Clinic", Fixtures.email("admin"));
        sandbox.setDropSubmitResponse(w.tenant(), true);
        long jobId = claudio.submitJob(w, "Answer lost", false, 1);

        worker.runOnce();
        Job job = job(w.tenant(), jobId);
        assertEquals(JobState.NEEDS_ATTENTION, job.status);
        assertTrue(job.statusDetail.contains("It may or may not have been created"), job.statusDetail);
        assertEquals(1, sandbox.jobCount(w.tenant()));
        worker.runOnce();
        assertEquals(1, sandbox.jobCount(w.tenant()));

        sandbox.setDropSubmitResponse(w.tenant(), false);
        assertNull(scope.call(w.tenant(), () -> actions.submitAgain(jobId).problem()));
        worker.runOnce();
        assertEquals(JobState.SUBMITTED, job(w.tenant(), jobId).status);
        assertEquals(2, sandbox.jobCount(w.tenant()), "the person chose to send it again");
        assertEquals(1L, (long) scope.call(w.tenant(), () -> AuditEvent.count("action", "job.resubmitted")));
    }

    @Test
    void aRejectedKeyIsExplainedAndTheJobContinuesOnceTheAdminRotatesIt() {
        var w = claudio.tenant("Key Clinic", Fixtures.email("admin"));
        String newKey = sandbox.rotateKey(w.tenant());
        long jobId = claudio.submitJob(w, "Old key", false, 1);

        worker.runOnce();
        Job job = job(w.tenant(), jobId);
        assertEquals(JobState.FAILED, job.status);
        assertTrue(job.statusDetail.contains("Claudio rejected the API key or secret"), job.statusDetail);
        assertTrue(job.statusDetail.contains("tenant admin"), job.statusDetail);

        scope.run(w.tenant(), () -> connections.save(sandbox.baseUrl(w.tenant()), newKey, w.apiSecret()));
        assertNull(scope.call(w.tenant(), () -> actions.retry(jobId).problem()));
        worker.runOnce();
        assertEquals(JobState.SUBMITTED, job(w.tenant(), jobId).status);
    }

    @Test
    void aKeySavedWhileJobsArePolledIsUsedForTheNextPoll() {
        var w = claudio.tenant("Rotating Clinic", Fixtures.email("admin"));
        sandbox.setProcessingTime(w.tenant(), Duration.ofHours(1));
        long jobId = claudio.submitJob(w, "Rotating", false, 1);
        worker.runOnce();
        assertEquals(JobState.SUBMITTED, job(w.tenant(), jobId).status);
        makeDue(w.tenant(), jobId);
        worker.runOnce(); // a poll with the first key: the worker now reuses that account for its next polls
        assertEquals(1L, polls(w.tenant()), "polled once");
        assertEquals(0, job(w.tenant(), jobId).attempts, "the first poll was answered");

        String newKey = sandbox.rotateKey(w.tenant()); // the old key is refused from now on
        scope.run(w.tenant(), () -> connections.save(sandbox.baseUrl(w.tenant()), newKey, w.apiSecret()));
        makeDue(w.tenant(), jobId);
        worker.runOnce();

        Job job = job(w.tenant(), jobId);
        assertEquals(2L, polls(w.tenant()), "polled again");
        assertEquals(0, job.attempts, "the second poll used the key saved meanwhile, not the one reused before: " + job.statusDetail);
        assertNull(job.statusDetail);
    }

    private long polls(String tenant) {
        return sandbox.counters(tenant).requests().getOrDefault("POLL", 0L);
    }

    @Test
    void aPollStillInProgressSchedulesTheNextOneAndCountsAsAChangeOfTheJob() {
        var w = claudio.tenant("Patient Clinic", Fixtures.email("admin"));
        sandbox.setProcessingTime(w.tenant(), Duration.ofHours(1));
        long recent = claudio.submitJob(w, "Recent", false, 1);
        long longRunning = claudio.submitJob(w, "Long running", false, 1);
        worker.runOnce();
        scope.run(w.tenant(), () -> Job.<Job> findById(longRunning).submittedAt = Instant.now().minus(Duration.ofMinutes(30)));
        makeDue(w.tenant(), recent);
        makeDue(w.tenant(), longRunning);
        long versionBefore = job(w.tenant(), recent).version;

        Instant polled = Instant.now();
        worker.runOnce();

        Job r = job(w.tenant(), recent);
        assertNotNull(r.lastPolledAt, "the answer was recorded");
        assertEquals(versionBefore + 1, r.version, "a person's change made meanwhile, on the version read before, is refused");
        assertNull(r.statusDetail);
        assertTrue(Duration.between(polled, r.nextAttemptAt).compareTo(workerConfig.pollInterval().minusSeconds(1)) >= 0
                && r.nextAttemptAt.isBefore(Instant.now().plus(workerConfig.pollInterval())), "next poll after poll-interval: " + r.nextAttemptAt);
        Job l = job(w.tenant(), longRunning);
        assertTrue(Duration.between(polled, l.nextAttemptAt).compareTo(workerConfig.pollMaxInterval().minusSeconds(1)) >= 0,
                "a job submitted 30 minutes ago is polled every poll-max-interval: " + l.nextAttemptAt);
    }

    private void makeDue(String tenant, long jobId) {
        scope.run(tenant, () -> Job.<Job> findById(jobId).nextAttemptAt = Instant.now().minusSeconds(1));
    }

    @Test
    void transientFailuresAreRetriedWithBackoff() throws Exception {
        var w = claudio.tenant("Flaky Clinic", Fixtures.email("admin"));
        sandbox.setErrorRate(w.tenant(), "UPLOAD_AUDIO", 1.0);
        long jobId = claudio.submitJob(w, "Flaky", false, 1);

        worker.runOnce();
        Job job = job(w.tenant(), jobId);
        assertEquals(JobState.UPLOADING, job.status);
        assertEquals(1, job.attempts);
        assertTrue(job.statusDetail.contains("tries again in"), job.statusDetail);
        // the file by its place in the job: file names carry patients' names, and auditors read the timeline
        assertTrue(job.statusDetail.contains("while sending file 1 (a recording)"), job.statusDetail);
        assertTrue(!job.statusDetail.contains(".wav"), job.statusDetail);
        assertTrue(job.nextAttemptAt.isAfter(Instant.now()));
        worker.runOnce();
        assertEquals(1, job(w.tenant(), jobId).attempts, "not before its time");

        sandbox.clearFaults(w.tenant());
        // on a loaded machine the retry may be due already
        Thread.sleep(Math.max(0, Duration.between(Instant.now(), job.nextAttemptAt).toMillis() + 100));
        worker.runOnce();
        assertEquals(JobState.SUBMITTED, job(w.tenant(), jobId).status);
    }

    @Test
    void aFileThatKeepsFailingEndsTheJobAfterTheConfiguredAttemptsWithTheReason() {
        var w = claudio.tenant("Always Failing Clinic", Fixtures.email("admin"));
        sandbox.setErrorRate(w.tenant(), "UPLOAD_AUDIO", 1.0);
        long jobId = claudio.submitJob(w, "Always failing", false, 1);
        worker.runOnce();
        assertEquals(JobState.UPLOADING, job(w.tenant(), jobId).status, "the first failure is retried");
        // the attempts before the last one have failed as well
        kit.lastAttemptDueNow(w.tenant(), jobId, workerConfig.maxAttempts());

        worker.runOnce();

        Job job = job(w.tenant(), jobId);
        assertEquals(JobState.FAILED, job.status);
        assertTrue(job.statusDetail.contains("after " + workerConfig.maxAttempts() + " attempts"), job.statusDetail);
        assertNull(job.nextAttemptAt, "a failed job is no longer followed");
        sandbox.clearFaults(w.tenant());
    }

    @Test
    void removingTheConnectionIsRefusedWhileJobsNeedIt() {
        var w = claudio.tenant("Busy Clinic", Fixtures.email("admin"));
        claudio.submitJob(w, "Waiting", false, 1);
        var refused = scope.call(w.tenant(), () -> connections.remove());
        assertTrue(refused.errors().get("remove").startsWith("1 job is still being processed"), refused.problem());
        assertTrue(scope.call(w.tenant(), () -> connections.account()).isPresent());
    }

    @Test
    void cancellingDeletesTheFilesAndTheWorkerLeavesTheJobAlone() {
        var w = claudio.tenant("Cancel Clinic", Fixtures.email("admin"));
        long jobId = claudio.submitJob(w, "Changed my mind", false, 1);
        List<String> stored = scope.call(w.tenant(), () -> Upload.<Upload> list("jobId", jobId).stream().map(u -> u.storedPath).toList());
        assertNull(scope.call(w.tenant(), () -> actions.cancel(jobId).problem()));
        worker.runOnce();
        assertEquals(JobState.CANCELLED, job(w.tenant(), jobId).status);
        assertEquals(0, sandbox.jobCount(w.tenant()));
        assertTrue(stored.stream().noneMatch(p -> Files.exists(storage.resolve(p))));
    }

    @Test
    void aWebhookNoticeMakesTheWorkerCheckTheJobAtOnceWhateverItsShape() {
        var w = claudio.tenant("Webhook Clinic", Fixtures.email("admin"));
        String token = scope.call(w.tenant(), () -> webhooks.regenerate());
        long jobId = claudio.submitJob(w, "Notified", false, 1);
        worker.runOnce();
        String reference = job(w.tenant(), jobId).claudioReference;
        postpone(w.tenant(), jobId);

        ClaudioNotices.post(token, ClaudioNotices.about(reference)).then().statusCode(200)
                .body("received", org.hamcrest.Matchers.equalTo(true));
        assertTrue(job(w.tenant(), jobId).nextAttemptAt.isBefore(Instant.now().plusSeconds(1)));
        assertTrue(timeline(w.tenant(), jobId).contains("Claudio sent a notification; the portal is checking the job."));

        postpone(w.tenant(), jobId);
        io.restassured.RestAssured.given().formParam("job_reference_id", reference).post("/webhooks/claudio/" + token).then().statusCode(200);
        assertTrue(job(w.tenant(), jobId).nextAttemptAt.isBefore(Instant.now().plusSeconds(1)), "form-encoded notices count too");
        postpone(w.tenant(), jobId);
        io.restassured.RestAssured.given().get("/webhooks/claudio/" + token + "?job_reference_id=" + reference).then().statusCode(200);
        assertTrue(job(w.tenant(), jobId).nextAttemptAt.isBefore(Instant.now().plusSeconds(1)), "and the query string");

        ClaudioNotices.post("not-a-real-token-0123456789abc", "{}").then().statusCode(404);
        untilStatus(w.tenant(), jobId, JobState.COMPLETED);
    }

    @Test
    void theSandboxNotifiesThePortalsWebhookWhenTheJobIsDone() throws Exception {
        var w = claudio.tenant("Notified Clinic", Fixtures.email("admin"));
        String token = scope.call(w.tenant(), () -> webhooks.regenerate());
        sandbox.setWebhookUrl(w.tenant(), portalUrls.publicUrl() + WebhookTokens.PATH + token);
        long jobId = claudio.submitJob(w, "Sandbox calls back", false, 1);
        worker.runOnce();
        assertEquals(JobState.SUBMITTED, job(w.tenant(), jobId).status);
        postpone(w.tenant(), jobId);

        long deadline = System.currentTimeMillis() + 10_000;
        while (!timeline(w.tenant(), jobId).contains("Claudio sent a notification; the portal is checking the job.")) {
            assertTrue(System.currentTimeMillis() < deadline, "no notification arrived: " + timeline(w.tenant(), jobId));
            Thread.sleep(200);
        }
        worker.runOnce();
        assertEquals(JobState.COMPLETED, job(w.tenant(), jobId).status);
    }

    private void postpone(String tenant, long jobId) {
        scope.run(tenant, () -> Job.<Job> findById(jobId).nextAttemptAt = Instant.now().plus(Duration.ofHours(1)));
    }

    private List<String> timeline(String tenant, long jobId) {
        return scope.call(tenant, () -> JobEvent.<JobEvent> list("jobId = ?1 order by at, id", jobId)).stream().map(e -> e.message).toList();
    }

    private List<JobFile> files(String tenant, long jobId) {
        return scope.call(tenant, () -> JobFile.<JobFile> list("jobId = ?1 order by position", jobId));
    }

    private Job untilStatus(String tenant, long id, JobState state) {
        Predicate<Job> reached = j -> j.status == state;
        long deadline = System.currentTimeMillis() + 15_000;
        while (System.currentTimeMillis() < deadline) {
            worker.runOnce();
            Job job = job(tenant, id);
            if (reached.test(job)) {
                return job;
            }
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        throw new AssertionError("Job " + id + " did not reach " + state + "; it is " + job(tenant, id).status + ": " + job(tenant, id).statusDetail);
    }
}
