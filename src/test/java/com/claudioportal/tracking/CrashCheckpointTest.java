package com.claudioportal.tracking;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.claudioportal.infra.ClaudioTenants;
import com.claudioportal.infra.Fixtures;
import com.claudioportal.job.JobState;
import com.claudioportal.infra.SandboxControl;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The worker "killed" at every checkpoint (an Error thrown there, so nothing after it runs and its
 * claim is left to run out), then restarted: Claudio (the sandbox) counts what it received, so a
 * file sent twice or a second submit shows.
 */
@QuarkusTest
@TestProfile(ManualWorker.class)
class CrashCheckpointTest extends WorkerTestBase {

    @AfterEach
    void disarm() {
        CrashingCheckpoints.disarm();
    }

    private static final List<String> FILES = List.of("dictation-1.wav", "dictation-2.wav", "letter-of-instruction.txt");

    /** Crashes job at {@code point}, restarts until the job reaches {@code until}; returns the uploads per file name. */
    private Map<String, Long> crashAt(ClaudioTenants.Wired w, long jobId, String point, JobState until) {
        CrashingCheckpoints.arm(point, jobId);
        assertThrows(CrashingCheckpoints.SimulatedCrash.class, () -> {
            for (int i = 0; i < 50; i++) {
                worker.runOnce();
            }
        }, "the worker reaches " + point);
        kit.runUntil(await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(250)), worker, w.tenant(), jobId, until);
        return claudio.uploadedFilenames(w.tenant()).stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }

    /**
     * Right after the claim (the job resumes after the lease), or after a file is committed: no answer was
     * lost, so each file is sent once.
     */
    @ParameterizedTest(name = "a crash at {0} sends each file once")
    @ValueSource(strings = { WorkerCheckpoints.CLAIMED, WorkerCheckpoints.FILE_SENT })
    void aCrashThatLosesNoAnswerSendsEachFileOnce(String point) {
        var w = claudio.tenant("Crash " + point + " Clinic", Fixtures.email("admin"));
        long jobId = claudio.submitJob(w, "Crash at " + point, false, 1, 1);
        Map<String, Long> uploads = crashAt(w, jobId, point, JobState.SUBMITTED);
        assertEquals(Map.of(FILES.get(0), 1L, FILES.get(1), 1L, FILES.get(2), 1L), uploads);
        assertEquals(1, sandbox.jobCount(w.tenant()));
    }

    @Test
    void aCrashBetweenAnUploadAnswerAndItsCommitSendsThatOneFileAgainAndNothingElse() {
        var w = claudio.tenant("Crash Answered Clinic", Fixtures.email("admin"));
        long jobId = claudio.submitJob(w, "Crash after answer", false, 1, 1);
        Map<String, Long> uploads = crashAt(w, jobId, WorkerCheckpoints.FILE_ANSWERED, JobState.SUBMITTED);
        // Claudio has no way to list or deduplicate uploads: the portal cannot know the first copy arrived
        assertEquals(Map.of(FILES.get(0), 2L, FILES.get(1), 1L, FILES.get(2), 1L), uploads,
                "only the file whose answer was lost is sent again");
        assertEquals(1, sandbox.jobCount(w.tenant()));
        SandboxControl.Job atClaudio = sandbox.jobs(w.tenant()).get(0);
        assertEquals(FILES, atClaudio.inputs().stream().map(SandboxControl.Job.Input::filename).toList(), "each file once in the job");
    }

    @Test
    void aCrashBeforeTheSubmitGoesOutNeedsAttentionAndNothingReachedClaudio() {
        var w = claudio.tenant("Crash Submit Started Clinic", Fixtures.email("admin"));
        long jobId = claudio.submitJob(w, "Crash before submit", false, 1);
        crashAt(w, jobId, WorkerCheckpoints.SUBMIT_STARTED, JobState.NEEDS_ATTENTION);
        assertEquals(0, sandbox.jobCount(w.tenant()), "the submit never went out");
        worker.runOnce();
        assertEquals(0, sandbox.jobCount(w.tenant()), "and is not sent on its own: a person decides");
        assertTrue(kit.job(w.tenant(), jobId).statusDetail.contains("not known whether Claudio received it"));
    }

    @Test
    void aCrashAfterTheSubmitAnswerNeedsAttentionAndIsNeverSubmittedAgain() {
        var w = claudio.tenant("Crash Submit Answered Clinic", Fixtures.email("admin"));
        long jobId = claudio.submitJob(w, "Crash after submit", false, 1);
        crashAt(w, jobId, WorkerCheckpoints.SUBMIT_ANSWERED, JobState.NEEDS_ATTENTION);
        worker.runOnce();
        assertEquals(1, sandbox.jobCount(w.tenant()));
    }

    @Test
    void aCrashBeforeACompletedPollIsCommittedPollsAgainAndCompletesOnce() {
        var w = claudio.tenant("Crash Poll Clinic", Fixtures.email("admin"));
        long jobId = claudio.submitJob(w, "Crash after poll", false, 1);
        kit.runUntil(await().atMost(Duration.ofSeconds(10)), worker, w.tenant(), jobId, JobState.SUBMITTED);
        // let Claudio finish, so the poll that crashes is the one that would complete the job
        kit.finishedAtClaudioAndDueNow(sandbox, w.tenant(), jobId);
        crashAt(w, jobId, WorkerCheckpoints.POLL_ANSWERED, JobState.COMPLETED);
        assertEquals(1, kit.timeline(w.tenant(), jobId).stream().filter(e -> e.message.startsWith("Claudio finished the job")).count());
        assertEquals(1, sandbox.jobCount(w.tenant()));
    }
}
