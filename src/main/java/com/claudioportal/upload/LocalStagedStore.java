package com.claudioportal.upload;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/** Staged uploads in a directory on this machine (the default: the demo and one-machine installs). */
final class LocalStagedStore implements StagedStore {

    private final Path root;

    LocalStagedStore(Path root) {
        this.root = root.normalize();
    }

    Path resolve(String key) {
        Path path = root.resolve(key).normalize();
        if (!path.startsWith(root)) {
            throw new IllegalArgumentException("Stored path outside the storage directory");
        }
        return path;
    }

    @Override
    public void put(String key, Path received) throws IOException {
        Path target = resolve(key);
        Files.createDirectories(target.getParent());
        try {
            Files.move(received, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // the temporary directory may be on another file system
            Files.move(received, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Override
    public boolean exists(String key) {
        return Files.exists(resolve(key));
    }

    @Override
    public void delete(String key) throws IOException {
        Files.deleteIfExists(resolve(key));
    }

    @Override
    public StagedCopy copyOut(String key, Path scratch) {
        return new StagedCopy(resolve(key), false);
    }

    @Override
    public long size(String key) throws IOException {
        Path path = resolve(key);
        return Files.exists(path) ? Files.size(path) : -1;
    }

    @Override
    public java.util.Map<String, java.time.Instant> list() throws IOException {
        java.util.Map<String, java.time.Instant> all = new java.util.HashMap<>();
        if (!Files.isDirectory(root)) {
            return all;
        }
        // <tenant>/<id>: two levels; the incoming area is listed by UploadStorage
        try (java.util.stream.Stream<Path> files = Files.walk(root, 2)) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                String key = root.relativize(file).toString().replace('\\', '/');
                if (key.startsWith(UploadStorage.INCOMING + "/")) {
                    continue;
                }
                try {
                    all.put(key, Files.getLastModifiedTime(file).toInstant());
                } catch (IOException e) {
                    // deleted meanwhile
                }
            }
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
        return all;
    }

    @Override
    public InputStream open(String key, long from, long to) throws IOException {
        FileChannel channel = FileChannel.open(resolve(key), StandardOpenOption.READ);
        channel.position(from);
        return new java.io.FilterInputStream(Channels.newInputStream(channel)) {
            long left = to - from + 1;

            @Override
            public int read() throws IOException {
                if (left <= 0) {
                    return -1;
                }
                int b = super.read();
                if (b >= 0) {
                    left--;
                }
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                if (left <= 0) {
                    return -1;
                }
                int n = super.read(buffer, offset, (int) Math.min(length, left));
                if (n > 0) {
                    left -= n;
                }
                return n;
            }
        };
    }
}
