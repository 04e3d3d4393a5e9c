package com.claudioportal.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The sandbox's files: {@code incoming/} (uploads being received), {@code files/} (uploaded
 * inputs, by id) and {@code jobs/<job reference>/} (generated outputs).
 */
@ApplicationScoped
public class SandboxStorage {

    @Inject
    SandboxConfig config;

    Path root() {
        return Path.of(config.storageDir()).toAbsolutePath().normalize();
    }

    Path incoming() {
        return directory(root().resolve("incoming"));
    }

    /** Moves a received upload to its permanent place; returns the path relative to the root. */
    String keepUpload(Path received, String fileId) {
        Path target = directory(root().resolve("files")).resolve(fileId);
        try {
            Files.move(received, target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not store an upload", e);
        }
        return root().relativize(target).toString();
    }

    Path jobDirectory(String jobReferenceId) {
        return directory(root().resolve("jobs").resolve(jobReferenceId));
    }

    Path resolve(String relative) {
        Path path = root().resolve(relative).normalize();
        if (!path.startsWith(root())) {
            throw new IllegalArgumentException("Path outside the sandbox storage");
        }
        return path;
    }

    String relative(Path path) {
        return root().relativize(path.toAbsolutePath().normalize()).toString();
    }

    private static Path directory(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create " + dir, e);
        }
    }
}
