package com.claudioportal.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.claudioportal.tenant.TenantScope;
import com.claudioportal.tracking.EngineKit;
import com.claudioportal.tracking.ManualWorker;
import com.claudioportal.upload.UploadKind;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Every named transition from every state: legal ones do what they say (status, detail, next
 * attempt, a timeline line), every other one is refused with {@link JobLifecycle.IllegalTransition}
 * and changes nothing.
 */
@QuarkusTest
@TestProfile(ManualWorker.class)
class JobLifecycleTest {

    @Inject
    JobLifecycle lifecycle;

    @Inject
    EngineKit kit;

    @Inject
    TenantScope scope;

    /** Thrown at the end of each try so that its transaction rolls back. */
    private static final class Undo extends RuntimeException {
        Undo() {
            super(null, null, false, false);
        }
    }

    private record Transition(Set<JobState> from, boolean needsReference, Consumer<Job> apply) {
    }

    private Map<String, Transition> transitions() {
        Map<String, Transition> all = new LinkedHashMap<>();
        all.put("startSending", new Transition(EnumSet.of(JobState.QUEUED), false, lifecycle::startSending));
        all.put("fileSent", new Transition(EnumSet.of(JobState.UPLOADING), false, j -> {
            JobFile f = new JobFile();
            f.kind = UploadKind.AUDIO;
            f.sizeBytes = 10;
            lifecycle.fileSent(j, f, "https://claudio.example/f");
        }));
        all.put("retryLater", new Transition(EnumSet.of(JobState.QUEUED, JobState.UPLOADING), false,
                j -> lifecycle.retryLater(j, JobLine.of("failure_circuit_open"), Duration.ofSeconds(5))));
        all.put("submitStarted", new Transition(EnumSet.of(JobState.UPLOADING), false,
                j -> lifecycle.submitStarted(j, Instant.now().plusSeconds(60))));
        all.put("submitNotSent", new Transition(EnumSet.of(JobState.SUBMITTING), false,
                j -> lifecycle.submitNotSent(j, JobLine.of("failure_circuit_open"), Duration.ofSeconds(5))));
        all.put("submitted", new Transition(EnumSet.of(JobState.SUBMITTING), false,
                j -> lifecycle.submitted(j, "REF", null, false, Instant.now().plusSeconds(30))));
        all.put("needsAttention", new Transition(EnumSet.of(JobState.SUBMITTING), false, j -> lifecycle.needsAttention(j, JobLine.of("stopped_while_submitting"))));
        all.put("failed", new Transition(EnumSet.of(JobState.QUEUED, JobState.UPLOADING, JobState.SUBMITTING, JobState.SUBMITTED), false,
                j -> lifecycle.failed(j, JobLine.of("connection_removed"))));
        all.put("pollPending", new Transition(EnumSet.of(JobState.SUBMITTED), true,
                j -> lifecycle.pollPending(j, Instant.now(), Instant.now().plusSeconds(30), Instant.now())));
        all.put("pollFailed", new Transition(EnumSet.of(JobState.SUBMITTED), true,
                j -> lifecycle.pollFailed(j, Instant.now(), JobLine.of("poll_unauthorized"), Instant.now().plusSeconds(30), 5, Instant.now())));
        all.put("completed", new Transition(EnumSet.of(JobState.SUBMITTED), true,
                j -> lifecycle.completed(j, new JobResult(List.of("https://t/1.txt"), List.of(), List.of(), null, Instant.now()), JobLine.of("completed", "documents", 1, "raw", false))));
        all.put("linksRefreshed", new Transition(EnumSet.of(JobState.COMPLETED), true,
                j -> lifecycle.linksRefreshed(j, new JobResult(List.of(), List.of(), List.of(), null, Instant.now()))));
        all.put("cancelled", new Transition(EnumSet.of(JobState.QUEUED, JobState.UPLOADING, JobState.FAILED, JobState.NEEDS_ATTENTION), false,
                j -> lifecycle.cancelled(j, "staff@example.test", "Staff")));
        all.put("retried", new Transition(EnumSet.of(JobState.FAILED), false, j -> lifecycle.retried(j, "staff@example.test", "Staff")));
        all.put("linked", new Transition(EnumSet.of(JobState.NEEDS_ATTENTION), false,
                j -> lifecycle.linked(j, "REF", null, "staff@example.test", "Staff")));
        all.put("submittedAgain", new Transition(EnumSet.of(JobState.NEEDS_ATTENTION), false,
                j -> lifecycle.submittedAgain(j, "staff@example.test", "Staff")));
        all.put("checkedNow", new Transition(EnumSet.of(JobState.SUBMITTED, JobState.FAILED), true,
                j -> lifecycle.checkedNow(j, "staff@example.test", "Staff")));
        return all;
    }

    @Test
    void everyTransitionIsRefusedFromEveryStateThatDoesNotAllowItAndChangesNothing() {
        var t = kit.tenant("Lifecycle Clinic", "http://localhost:9/claudio");
        long jobId = kit.submittedJob(t, "LIFE-" + System.nanoTime());
        int legal = 0;
        int refused = 0;
        for (var entry : transitions().entrySet()) {
            for (JobState from : JobState.values()) {
                Transition transition = entry.getValue();
                boolean allowed = transition.from().contains(from);
                String name = entry.getKey() + " from " + from;
                boolean[] ran = { false };
                try {
                    scope.run(t.id(), () -> {
                    Job job = Job.findById(jobId);
                    job.status = from;
                    job.claudioReference = transition.needsReference() ? "REF" : null;
                    job.nextAttemptAt = from.isScheduled() ? Instant.now() : null;
                    long events = JobEvent.count("jobId", jobId);
                    if (allowed) {
                        transition.apply().accept(job);
                        assertEquals(job.status.isScheduled(), job.nextAttemptAt != null, name + ": due exactly while scheduled");
                        assertTrue(JobEvent.count("jobId", jobId) >= events, name);
                    } else {
                        var e = assertThrows(JobLifecycle.IllegalTransition.class, () -> transition.apply().accept(job), name);
                        assertNotNull(e.getMessage());
                        assertEquals(from, job.status, name + " changed the status");
                        assertEquals(events, JobEvent.count("jobId", jobId), name + " wrote the timeline");
                    }
                    ran[0] = true;
                    throw new Undo(); // rolls the try back: each one starts from the same row
                    });
                } catch (Undo expected) {
                    // rolled back
                }
                assertTrue(ran[0]);
                if (allowed) {
                    legal++;
                } else {
                    refused++;
                }
            }
        }
        assertEquals(17 * JobState.values().length, legal + refused);
        assertTrue(refused > legal, legal + " legal, " + refused + " refused");
    }

    @Test
    void theTableOfMovesHasNoWayOutOfAFinishedJobAndEveryStateIsReachable() {
        Set<JobState> reached = EnumSet.of(JobState.QUEUED);
        for (JobState s : JobState.values()) {
            reached.addAll(s.next());
            if (s == JobState.COMPLETED || s == JobState.CANCELLED) {
                assertTrue(s.next().isEmpty(), s + " is final");
            }
            assertTrue(!s.next().contains(s), s + " does not move to itself");
        }
        assertEquals(EnumSet.allOf(JobState.class), reached);
    }
}
