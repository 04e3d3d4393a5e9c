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
    ContentInspector inspector;

    @Inject
    UploadStorage storage;

    @Inject
    TenantContext tenant;

    @Inject
    CurrentUser user;

    @Transactional
    public Received receive(Path file, String browserFilename, UploadKind kind) {
        String name = Filenames.sanitize(browserFilename);
        long size;
        ContentInspector.Inspection inspection;
        try {
            size = Files.size(file);
            long limit = kind == UploadKind.AUDIO ? config.maxAudioBytes() : config.maxDocumentBytes();
            if (size > limit) {
                return new Received(null, 413, "\u201c" + name + "\u201d is " + Sizes.human(size) + "; a " + kind.noun()
                        + " can be at most " + Sizes.human(limit) + ".");
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
        return new Received(upload, 200, null);
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
    }

    public static Upload find(UUID id) {
        Upload upload = Upload.findById(id);
        if (upload == null) {
            throw new NotFoundException();
        }
        return upload;
    }
}
