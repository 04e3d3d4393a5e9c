package com.claudioportal.upload;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;

import com.claudioportal.tenant.AfterCommit;

/**
 * Where uploaded bytes wait until Claudio has them, under the key {@code <tenant>/<random id>}
 * (named by id, never by the user's name): a local directory or an S3 bucket
 * ({@link StorageConfig}). Incoming request bodies and copies for sending always use the local
 * scratch directory ({@code portal.uploads.storage-dir}).
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

    @Inject
    StorageConfig storageConfig;

    private StagedStore store;

    @PostConstruct
    void open() {
        store = storageConfig.type() == StorageConfig.Type.S3 ? new S3StagedStore(storageConfig.s3())
                : new LocalStagedStore(config.storageDir());
    }

    @PreDestroy
    void close() throws Exception {
        downloads.shutdownNow();
        if (store instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }

    /** True when the bytes live in a directory of this machine (media is then served straight from it). */
    public boolean isLocal() {
        return store instanceof LocalStagedStore;
    }

    /** Moves a received temporary file into storage; returns its key. */
    public String keep(Path received, String tenantId, UUID id) {
        String key = tenantId + "/" + id;
        try {
            store.put(key, received);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not store an upload", e);
        }
        return key;
    }

    /** A fresh file in the incoming area (same file system as a local store, so keeping it is a rename). */
    public Path incomingFile() {
        return scratch().resolve(UUID.randomUUID().toString());
    }

    public boolean exists(String key) {
        try {
            return key != null && store.exists(key);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not look for an upload", e);
        }
    }

    /** The stored file as a local file for sending; close the copy when the upload is over. */
    public StagedCopy copyOut(String key) {
        try {
            return store.copyOut(key, scratch());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read an upload", e);
        }
    }

    /**
     * {@link #copyOut} off the caller's thread for the object store (a download of up to 250 MB
     * must not hold one of the worker's apply threads); at once for the local store.
     */
    public java.util.concurrent.CompletionStage<StagedCopy> copyOutAsync(String key) {
        if (isLocal()) {
            return java.util.concurrent.CompletableFuture.completedFuture(copyOut(key));
        }
        return java.util.concurrent.CompletableFuture.supplyAsync(() -> copyOut(key), downloads);
    }

    /** Copies from the object store run here: a few at a time, never on an event loop. */
    private final java.util.concurrent.ExecutorService downloads = java.util.concurrent.Executors.newFixedThreadPool(8,
            work -> {
                Thread t = new Thread(work, "staged-download");
                t.setDaemon(true);
                return t;
            });

    /** The file in a local store (for the file writer's range support); null with S3. */
    public Path localFile(String key) {
        return store instanceof LocalStagedStore local ? local.resolve(key) : null;
    }

    /**
     * The path of a key in the local store. Only for code that knows the store is local (tests,
     * the upload benchmark); everything else uses {@link #exists}, {@link #copyOut} and {@link #open}.
     */
    public Path resolve(String key) {
        Path path = localFile(key);
        if (path == null) {
            throw new IllegalStateException("Staged uploads are in the object store, not in a directory");
        }
        return path;
    }

    /** Size in bytes, or -1 when missing. */
    public long size(String key) {
        try {
            return store.size(key);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not look for an upload", e);
        }
    }

    /** Bytes {@code from}..{@code to} inclusive, streamed. */
    public InputStream open(String key, long from, long to) {
        try {
            return store.open(key, from, to);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read an upload", e);
        }
    }

    /**
     * Deletes the file once the current transaction has committed, and not at all if it rolls back:
     * a file must never go before the row that says it is gone (or that Claudio has it).
     */
    public void deleteAfterCommit(String key) {
        if (key == null) {
            return;
        }
        AfterCommit.run(transactions, () -> {
            try {
                delete(key);
            } catch (UncheckedIOException e) {
                // the orphan sweep of UploadCleanup takes it later
            }
        });
    }

    /** Every stored file and every file in the local incoming area, for the sweep of files no upload row knows. */
    public List<Stored> list() {
        List<Stored> all = new ArrayList<>();
        try {
            store.list().forEach((key, modified) -> all.add(new Stored(key, modified, false)));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not list the upload storage", e);
        }
        Path incoming = config.storageDir().resolve(INCOMING);
        if (Files.isDirectory(incoming)) {
            try (Stream<Path> files = Files.list(incoming)) {
                for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                    try {
                        all.add(new Stored(INCOMING + "/" + file.getFileName(), Files.getLastModifiedTime(file).toInstant(), true));
                    } catch (IOException e) {
                        // deleted meanwhile
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Could not list the incoming uploads", e);
            }
        }
        return all;
    }

    public void delete(String key) {
        if (key == null) {
            return;
        }
        try {
            if (key.startsWith(INCOMING + "/")) { // a left-over request body: always on the local disk
                Files.deleteIfExists(scratch().resolve(key.substring(INCOMING.length() + 1)));
                return;
            }
            store.delete(key);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not delete an upload", e);
        }
    }

    private Path scratch() {
        Path dir = config.storageDir().resolve(INCOMING);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create the incoming directory", e);
        }
        return dir;
    }
}
