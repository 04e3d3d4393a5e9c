package com.claudioportal.upload;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A staged upload as a file on this machine; {@link #close()} removes it when it was only a copy (S3). */
public record StagedCopy(Path path, boolean temporary) implements AutoCloseable {
    @Override
    public void close() {
        if (temporary) {
            try {
                Files.deleteIfExists(path);
            } catch (IOException ignored) {
                // scratch space; swept with the incoming directory
            }
        }
    }
}
