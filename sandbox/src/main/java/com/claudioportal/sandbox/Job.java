package com.claudioportal.sandbox;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import io.vertx.core.Future;
import io.vertx.core.Promise;

/**
 * A submitted job: what Submit received (without key and secret) and, once its processing time
 * is over, what it produced. Completion happens once ({@link #startCompletion}); everything a
 * completion writes is published through volatile fields before {@code status} turns COMPLETED.
 */
final class Job {

    static final String PROCESSING = "PROCESSING";
    static final String COMPLETED = "COMPLETED";

    /** An audio file or attachment as the job named it, with its trim range or document type. */
    record Input(String role, int position, String fileId, String filename, String audioStart, String audioEnd, String docType) {
    }

    final long sequence;
    final String reference;
    final String accountSlug;
    final String jobName;
    final String profileId;
    final String profileName;
    final String formId;
    final boolean raw;
    /** The submitted JSON without key and secret; "{}" for jobs made by the bulk call. */
    final String requestJson;
    final Instant submittedAt;
    final Instant completesAt;
    final List<Input> inputs;
    /** The account's webhook at submit time: a later change does not affect submitted jobs. */
    final String webhookUrl;
    /** Made by the control API's bulk call: no input files, one transcript made on demand. */
    final boolean synthetic;

    volatile String status = PROCESSING;
    volatile Instant completedAt;
    volatile List<String> outputIds = List.of();
    volatile String rawText;
    volatile List<Map<String, String>> extractedFields = List.of();
    volatile Double totalAudioSeconds;
    volatile boolean webhookClaimed;
    volatile String webhookResult;

    final AtomicLong polls = new AtomicLong();
    final AtomicLong details = new AtomicLong();

    private final AtomicBoolean completionStarted = new AtomicBoolean();
    private volatile Promise<Void> completion = Promise.promise();
    volatile long timerId = -1;

    Job(long sequence, String reference, String accountSlug, String jobName, String profileId, String profileName, String formId,
            boolean raw, String requestJson, Instant submittedAt, Instant completesAt, List<Input> inputs, String webhookUrl,
            boolean synthetic) {
        this.sequence = sequence;
        this.reference = reference;
        this.accountSlug = accountSlug;
        this.jobName = jobName;
        this.profileId = profileId;
        this.profileName = profileName;
        this.formId = formId;
        this.raw = raw;
        this.requestJson = requestJson;
        this.submittedAt = submittedAt;
        this.completesAt = completesAt;
        this.inputs = List.copyOf(inputs);
        this.webhookUrl = webhookUrl;
        this.synthetic = synthetic;
    }

    boolean completed() {
        return COMPLETED.equals(status);
    }

    boolean due(Instant now) {
        return !completesAt.isAfter(now);
    }

    /** True for exactly one caller, who must then finish the job and call {@link #finished}. */
    boolean startCompletion() {
        return completionStarted.compareAndSet(false, true);
    }

    void finished(Throwable failure) {
        if (failure == null) {
            completion.tryComplete();
        } else {
            // a later poll or the timer may try again, with a fresh promise
            Promise<Void> failed = completion;
            completion = Promise.promise();
            completionStarted.set(false);
            failed.tryFail(failure);
        }
    }

    /** Completes when the job has its outputs (at once for a job already completed). */
    Future<Void> completion() {
        return completed() ? Future.succeededFuture() : completion.future();
    }

    /** Restored from a snapshot: already complete, nothing to wait for. */
    void restoreCompleted() {
        completionStarted.set(true);
        completion.tryComplete();
    }
}
