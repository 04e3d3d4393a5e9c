package com.claudioportal.upload;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;

import io.quarkus.narayana.jta.QuarkusTransaction;

import com.claudioportal.forms.Words;
import com.claudioportal.web.JobMessages;
import com.claudioportal.web.ScriptMessages;
import com.claudioportal.audit.AuditTrail;
import com.claudioportal.forms.Result;
import com.claudioportal.tenant.CurrentUser;
import com.claudioportal.tenant.TenantContext;

/** Accepts a file for a job after checking its size and content; deletes uploads nobody used. */
@ApplicationScoped
public class UploadService {

    /**
     * Why an upload was refused: the field of the refusal's {@link Result#refusedOn()}, from which
     * the resource picks its HTTP status (the service knows the reason, not the wire).
     */
    public enum Refusal {
        /** No length declared. */
        NO_LENGTH,
        /** The body did not arrive, not all of it, or it is empty. */
        INCOMPLETE,
        /** Too many uploads of this person at once. */
        BUSY,
        /** The tenant's storage quota would be exceeded. */
        QUOTA,
        /** The file arrived too slowly. */
        TOO_SLOW,
        /** Too large for its kind. */
        TOO_LARGE,
        /** Not a kind of file jobs take. */
        UNSUPPORTED;

        <T> Result<T> because(String message) {
            return Result.refused(name(), message);
        }

        /** The refusal of a result that is not ok. */
        public static Refusal of(Result<?> refused) {
            return valueOf(refused.refusedOn());
        }
    }

    @Inject
    UploadConfig config;

    @Inject
    io.vertx.core.Vertx vertx;

    @Inject
    ContentInspector inspector;

    @Inject
    UploadStorage storage;

    @Inject
    TenantContext tenant;

    @Inject
    CurrentUser user;

    @Inject
    AuditTrail audit;

    @Inject
    RecordingCheck recordings;

    @Inject
    UploadGate gate;

    /**
     * Receives the request body by letting Vert.x pipe it into a file on the event loop (as fast as
     * the disk); the calling worker thread only waits. Quarkus REST's own body streams hand each
     * chunk from the event loop to the worker, which costs a third of the throughput.
     */
    public Result<Upload> receive(io.vertx.core.http.HttpServerRequest request, Long declaredLength, String browserFilename,
            UploadKind kind) {
        String name = Filenames.sanitize(browserFilename);
        long limit = limit(kind);
        if (declaredLength == null) {
            return Refusal.NO_LENGTH.because(Words.of(JobMessages.class).up_no_length());
        }
        if (request.isEnded()) {
            // something already read the body: there is nothing left to store
            return Refusal.INCOMPLETE.because(Words.of(JobMessages.class).up_not_arrived(name));
        }
        if (declaredLength > limit) {
            return tooLarge(name, declaredLength, kind, limit);
        }
        long stored = QuarkusTransaction.requiringNew().call(UploadService::storedBytes);
        try (UploadGate.Pass pass = gate.enter(tenant.tenantId(), user.actor(), declaredLength, config.maxConcurrentPerUser())) {
            if (pass == null) {
                return Refusal.BUSY.because(Words.of(JobMessages.class).up_too_many_at_once(name, config.maxConcurrentPerUser()));
            }
            long waiting = stored + gate.inFlightBytes(tenant.tenantId());
            if (waiting > config.tenantQuotaBytes()) {
                return Refusal.QUOTA.because(Words.of(JobMessages.class).up_quota(name, Sizes.human(declaredLength),
                        Sizes.human(config.tenantQuotaBytes()), Sizes.human(stored)));
            }
            return pipe(request, name, browserFilename, kind, limit);
        }
    }

    /** Streams the body into an incoming file, aborting it when it trickles in slower than the minimum rate. */
    private Result<Upload> pipe(io.vertx.core.http.HttpServerRequest request, String name, String browserFilename, UploadKind kind, long limit) {
        Path incoming = storage.incomingFile();
        java.util.concurrent.atomic.AtomicBoolean tooSlow = new java.util.concurrent.atomic.AtomicBoolean();
        long timer = -1;
        try {
            io.vertx.core.file.AsyncFile file = vertx.fileSystem()
                    .open(incoming.toString(), new io.vertx.core.file.OpenOptions().setWrite(true).setCreateNew(true))
                    .toCompletionStage().toCompletableFuture().get();
            timer = watchRate(request, file, tooSlow);
            request.pipeTo(file).toCompletionStage().toCompletableFuture().get();
            long size = Files.size(incoming);
            if (size > limit) {
                Files.deleteIfExists(incoming);
                return tooLarge(name, size, kind, limit);
            }
            // no transaction around it: keeping the file may be a 1 GiB transfer to the object store
            Result<Upload> received = receive(incoming, browserFilename, kind);
            if (received.ok() && kind == UploadKind.AUDIO) {
                received = Result.done(measure(received.value(), incoming));
            }
            Files.deleteIfExists(incoming);
            return received;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException | IOException e) {
            try {
                Files.deleteIfExists(incoming);
            } catch (IOException ignored) {
                // UploadCleanup sweeps leftovers
            }
            if (tooSlow.get()) {
                return Refusal.TOO_SLOW.because(Words.of(JobMessages.class).up_too_slow(name, Sizes.human(config.minBytesPerSecond())));
            }
            return Refusal.INCOMPLETE.because(Words.of(JobMessages.class).up_incomplete(name));
        } finally {
            if (timer >= 0) {
                vertx.cancelTimer(timer);
            }
        }
    }

    /**
     * Checks once per window that at least the minimum rate arrived meanwhile; otherwise the upload
     * is reset (its stream alone, on HTTP/2), which ends the pipe with a failure and deletes the file.
     * A slow client cannot hold a connection, a worker thread and a half-written file for hours.
     */
    private long watchRate(io.vertx.core.http.HttpServerRequest request, io.vertx.core.file.AsyncFile file,
            java.util.concurrent.atomic.AtomicBoolean tooSlow) {
        long window = Math.max(100, config.rateWindow().toMillis());
        long minimum = config.minBytesPerSecond() * window / 1000;
        if (minimum <= 0) {
            return -1;
        }
        long[] last = { 0 };
        return vertx.setPeriodic(window, window, id -> {
            long written = file.getWritePos();
            if (!request.isEnded() && written - last[0] < minimum) {
                tooSlow.set(true);
                vertx.cancelTimer(id);
                request.response().reset();
            }
            last[0] = written;
        });
    }

    /** Bytes of the active tenant's uploads still in storage: not yet sent to Claudio, used by a job or not. */
    static long storedBytes() {
        Long sum = Upload.getEntityManager().createQuery("select coalesce(sum(u.sizeBytes), 0) from Upload u where u.storedPath is not null",
                Long.class).getSingleResult();
        return sum == null ? 0 : sum;
    }

    /** What the active tenant keeps in storage and may keep, for the submit form. */
    public record StorageUse(long storedBytes, long quotaBytes) {
        public String text() {
            return Words.of(JobMessages.class).up_storage_of(Sizes.human(storedBytes), Sizes.human(quotaBytes));
        }
    }

    @Transactional
    public StorageUse storageUse() {
        return new StorageUse(storedBytes(), config.tenantQuotaBytes());
    }

    /**
     * Checks a received file, keeps it in storage and writes its row. Keeping it runs outside any
     * transaction of ours: with the object store it is an upload of up to 1 GiB, which would hold a
     * database connection for minutes and outlive the transaction timeout (the reaper then aborted
     * the transaction under the transfer, and the row's insert failed with an error page). The row
     * is written afterwards in a short transaction (joining the caller's, if it has one); a file
     * kept without its row (the insert failed, or a crash in between) is deleted at once or swept
     * by {@link UploadCleanup}.
     */
    public Result<Upload> receive(Path file, String browserFilename, UploadKind kind) {
        String name = Filenames.sanitize(browserFilename);
        long size;
        ContentInspector.Inspection inspection;
        try {
            size = Files.size(file);
            long limit = limit(kind);
            if (size > limit) {
                return tooLarge(name, size, kind, limit);
            }
            if (size == 0) {
                return Refusal.INCOMPLETE.because(Words.of(JobMessages.class).up_empty(name));
            }
            inspection = inspector.inspect(file, name, kind);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!inspection.ok()) {
            return Refusal.UNSUPPORTED.because(inspection.problem());
        }
        Upload upload = new Upload();
        upload.id = UUID.randomUUID();
        upload.kind = kind;
        upload.originalFilename = name;
        upload.contentType = inspection.contentType();
        upload.sizeBytes = size;
        upload.durationSeconds = inspection.durationSeconds();
        upload.uploadedBy = user.actor();
        upload.storedPath = storage.keep(file, tenant.tenantId(), upload.id);
        try {
            QuarkusTransaction.joiningExisting().run(() -> {
                upload.persist();
                // kind, size and type only: the file's name is health information
                audit.record("upload.received", "upload", upload.id, java.util.Map.of("kind", kind.name(), "sizeBytes", size,
                        "contentType", upload.contentType));
            });
        } catch (RuntimeException e) {
            try {
                storage.delete(upload.storedPath);
            } catch (RuntimeException ignored) {
                // the orphan sweep takes it
            }
            throw e;
        }
        return Result.done(upload);
    }

    /**
     * The recording pre-check, after the content check and outside any transaction (ffmpeg may take
     * a few seconds on this worker thread); what it heard is kept on the upload in a short one. It
     * listens to the file on this machine, whichever store keeps the upload.
     */
    Upload measure(Upload upload, Path incoming) {
        Optional<RecordingCheck.Result> heard;
        if (Files.exists(incoming)) {
            // an object store was fed from this file and keeps the same bytes: no download needed
            heard = recordings.check(incoming);
        } else {
            // the local store moved the file in: copyOut names it where it is, copying nothing
            try (StagedCopy copy = storage.copyOut(upload.storedPath)) {
                heard = recordings.check(copy.path());
            }
        }
        if (heard.isEmpty()) {
            return upload;
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            Upload u = Upload.findById(upload.id);
            if (u == null) {
                return upload;
            }
            RecordingCheck.Result r = heard.get();
            if (r.durationSeconds() != null) {
                u.durationSeconds = r.durationSeconds();
            }
            u.silenceRatio = r.silenceRatio();
            u.mostlySilent = r.mostlySilent();
            return u;
        });
    }

    private long limit(UploadKind kind) {
        return kind == UploadKind.AUDIO ? config.maxAudioBytes() : config.maxDocumentBytes();
    }

    private static Result<Upload> tooLarge(String name, long size, UploadKind kind, long limit) {
        // the words the upload script shows when it refuses the file before sending it
        ScriptMessages words = Words.of(ScriptMessages.class);
        return Refusal.TOO_LARGE.because(kind == UploadKind.AUDIO ? words.up_refused_audio(name, Sizes.human(size), Sizes.human(limit))
                : words.up_refused_document(name, Sizes.human(size), Sizes.human(limit)));
    }

    /** Removes an upload that is not part of a submitted job; its file goes once the row's removal is committed. */
    @Transactional
    public void discard(UUID id) {
        Upload upload = Upload.findById(id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (upload == null || upload.jobId != null) {
            throw new NotFoundException();
        }
        String stored = upload.storedPath;
        upload.delete();
        storage.deleteAfterCommit(stored);
        audit.record("upload.discarded", "upload", id, java.util.Map.of("kind", upload.kind.name()));
    }

    public static Upload find(UUID id) {
        return Upload.<Upload> findByIdOptional(id).orElseThrow(NotFoundException::new);
    }
}
