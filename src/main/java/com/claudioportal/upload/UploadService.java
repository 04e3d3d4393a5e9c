package com.claudioportal.upload;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;

import io.quarkus.narayana.jta.QuarkusTransaction;

import com.claudioportal.audit.AuditTrail;
import com.claudioportal.tenant.CurrentUser;
import com.claudioportal.tenant.TenantContext;

/** Accepts a file for a job after checking its size and content; deletes uploads nobody used. */
@ApplicationScoped
public class UploadService {

    /** An accepted upload, or why it was refused and with which HTTP status. */
    public record Received(Upload upload, int status, String problem) {
        public boolean ok() {
            return problem == null;
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

    /**
     * Receives the request body by letting Vert.x pipe it into a file on the event loop (as fast as
     * the disk); the calling worker thread only waits. Quarkus REST's own body streams hand each
     * chunk from the event loop to the worker, which costs a third of the throughput.
     */
    public Received receive(io.vertx.core.http.HttpServerRequest request, Long declaredLength, String browserFilename,
            UploadKind kind) {
        String name = Filenames.sanitize(browserFilename);
        long limit = limit(kind);
        if (declaredLength == null) {
            return new Received(null, 411, "The upload did not say how large it is. Try again.");
        }
        if (request.isEnded()) {
            // something already read the body: there is nothing left to store
            return new Received(null, 400, "\u201c" + name + "\u201d did not arrive. Try again.");
        }
        if (declaredLength > limit) {
            return tooLarge(name, declaredLength, kind, limit);
        }
        Path incoming = storage.incomingFile();
        try {
            io.vertx.core.file.AsyncFile file = vertx.fileSystem()
                    .open(incoming.toString(), new io.vertx.core.file.OpenOptions().setWrite(true).setCreateNew(true))
                    .toCompletionStage().toCompletableFuture().get();
            request.pipeTo(file).toCompletionStage().toCompletableFuture().get();
            long size = Files.size(incoming);
            if (size > limit) {
                Files.deleteIfExists(incoming);
                return tooLarge(name, size, kind, limit);
            }
            Received received = QuarkusTransaction.requiringNew().call(() -> receive(incoming, browserFilename, kind));
            Files.deleteIfExists(incoming);
            return received;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException | IOException e) {
            try {
                Files.deleteIfExists(incoming);
            } catch (IOException ignored) {
                // swept later
            }
            return new Received(null, 400, "\u201c" + name + "\u201d did not arrive completely. Try again.");
        }
    }

    @Transactional
    public Received receive(Path file, String browserFilename, UploadKind kind) {
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
                return new Received(null, 400, "\u201c" + name + "\u201d is empty.");
            }
            inspection = inspector.inspect(file, name, kind);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!inspection.ok()) {
            return new Received(null, 415, inspection.problem());
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
        upload.persist();
        // kind, size and type only: the file's name is health information
        audit.record("upload.received", "upload", upload.id, java.util.Map.of("kind", kind.name(), "sizeBytes", size,
                "contentType", upload.contentType));
        return new Received(upload, 200, null);
    }

    private long limit(UploadKind kind) {
        return kind == UploadKind.AUDIO ? config.maxAudioBytes() : config.maxDocumentBytes();
    }

    private static Received tooLarge(String name, long size, UploadKind kind, long limit) {
        return new Received(null, 413, "\u201c" + name + "\u201d is " + Sizes.human(size) + "; a " + kind.noun()
                + " can be at most " + Sizes.human(limit) + ".");
    }

    /** Removes an upload that is not part of a submitted job. */
    @Transactional
    public void discard(UUID id) {
        Upload upload = find(id);
        if (upload.jobId != null) {
            throw new NotFoundException();
        }
        storage.delete(upload.storedPath);
        upload.delete();
        audit.record("upload.discarded", "upload", id, java.util.Map.of("kind", upload.kind.name()));
    }

    public static Upload find(UUID id) {
        Upload upload = Upload.findById(id);
        if (upload == null) {
            throw new NotFoundException();
        }
        return upload;
    }
}
