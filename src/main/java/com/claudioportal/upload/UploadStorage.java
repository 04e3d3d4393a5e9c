package com.claudioportal.upload;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * Where uploaded bytes live: {@code <storage>/<tenant>/<random id>}, named by id, never by the
 * user's name, with files still arriving in {@code .incoming/}. Kept small on purpose (store, open,
 * delete, list), so that an object store can take its place behind the same methods.
 */
@ApplicationScoped
public class UploadStorage {

    static final String INCOMING = ".incoming";

    /** A stored file ({@code incoming}: still arriving, or left half-written) and when it last changed. */
    public record Stored(String key, Instant modified, boolean incoming) {
    }

    @Inject
    UploadConfig config;

    @Inject
    TransactionSynchronizationRegistry transactions;

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
        Path dir = config.storageDir().resolve(INCOMING);
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

    /**
     * Deletes the file once the current transaction has committed, and not at all if it rolls back:
     * a file must never go before the row that says it is gone (or that Claudio has it).
     */
    public void deleteAfterCommit(String relative) {
        if (relative == null) {
            return;
        }
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    try {
                        delete(relative);
                    } catch (UncheckedIOException e) {
                        // the orphan sweep of UploadCleanup takes it later
                    }
                }
            }
        });
    }

    /** Every stored and incoming file, for the sweep of files no upload row knows. */
    public List<Stored> list() {
        Path root = config.storageDir();
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        List<Stored> all = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root, 2)) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                String key = root.relativize(file).toString().replace('\\', '/');
                try {
                    all.add(new Stored(key, Files.getLastModifiedTime(file).toInstant(), key.startsWith(INCOMING + "/")));
                } catch (IOException e) {
                    // deleted meanwhile
                }
            }
        } catch (IOException | UncheckedIOException e) {
            throw new UncheckedIOException("Could not list the upload storage", e instanceof IOException io ? io
                    : ((UncheckedIOException) e).getCause());
        }
        return all;
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
