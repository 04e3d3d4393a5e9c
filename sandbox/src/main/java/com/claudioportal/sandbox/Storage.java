package com.claudioportal.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * The sandbox's files: {@code incoming/} (uploads being received), {@code files/} (uploaded
 * inputs, by id), {@code jobs/<job reference>/} (generated outputs) and {@code state.json}. Under
 * the state directory, or a temporary directory deleted on close.
 */
final class Storage {

    private final Path root;
    private final boolean temporary;

    private Storage(Path root, boolean temporary) {
        this.root = root.toAbsolutePath().normalize();
        this.temporary = temporary;
        directory(this.root.resolve("incoming"));
        directory(this.root.resolve("files"));
        directory(this.root.resolve("jobs"));
    }

    static Storage open(Path stateDir) {
        try {
            return stateDir == null ? new Storage(Files.createTempDirectory("claudio-sandbox-"), true)
                    : new Storage(Files.createDirectories(stateDir), false);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create the sandbox's storage directory", e);
        }
    }

    boolean persistent() {
        return !temporary;
    }

    Path root() {
        return root;
    }

    Path incoming() {
        return root.resolve("incoming");
    }

    Path snapshot() {
        return root.resolve("state.json");
    }

    /** Moves a received upload to its place; returns its path relative to the root. Blocking. */
    String keepUpload(Path received, String fileId) {
        Path target = root.resolve("files").resolve(fileId);
        try {
            Files.move(received, target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not store an upload", e);
        }
        return root.relativize(target).toString();
    }

    Path jobDirectory(String jobReference) {
        return directory(root.resolve("jobs").resolve(jobReference));
    }

    Path resolve(String relative) {
        Path path = root.resolve(relative).normalize();
        if (!path.startsWith(root)) {
            throw new IllegalArgumentException("Path outside the sandbox storage");
        }
        return path;
    }

    String relative(Path path) {
        return root.relativize(path.toAbsolutePath().normalize()).toString();
    }

    /** Deletes every file (the control API's reset); keeps the directories. */
    void clear() {
        for (String dir : new String[] { "files", "jobs", "incoming" }) {
            delete(root.resolve(dir));
            directory(root.resolve(dir));
        }
    }

    void close() {
        if (temporary) {
            delete(root);
        }
    }

    private static void delete(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                    Files.deleteIfExists(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            // best effort: a file still open elsewhere stays behind
        }
    }

    private static Path directory(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create " + dir, e);
        }
    }
}
