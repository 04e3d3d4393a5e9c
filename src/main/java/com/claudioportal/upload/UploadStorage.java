package com.claudioportal.upload;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Where uploaded bytes live: {@code <storage>/<tenant>/<random id>}, named by id, never by the user's name. */
@ApplicationScoped
public class UploadStorage {

    @Inject
    UploadConfig config;

    /** Moves a received temporary file into storage; returns its path relative to the storage root. */
    public String keep(Path received, String tenantId, UUID id) {
        String relative = tenantId + "/" + id;
        Path target = config.storageDir().resolve(relative);
        try {
            Files.createDirectories(target.getParent());
            try {
                Files.move(received, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                // the temporary directory may be on another file system
                Files.move(received, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not store an upload", e);
        }
        return relative;
    }

    /** A fresh file in the storage's incoming area (same file system, so keeping it is a rename). */
    public Path incomingFile() {
        Path dir = config.storageDir().resolve(".incoming");
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create the incoming directory", e);
        }
        return dir.resolve(UUID.randomUUID().toString());
    }

    public Path resolve(String relative) {
        Path path = config.storageDir().resolve(relative).normalize();
        if (!path.startsWith(config.storageDir().normalize())) {
            throw new IllegalArgumentException("Stored path outside the storage directory");
        }
        return path;
    }

    public void delete(String relative) {
        if (relative == null) {
            return;
        }
        try {
            Files.deleteIfExists(resolve(relative));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not delete an upload", e);
        }
    }
}
