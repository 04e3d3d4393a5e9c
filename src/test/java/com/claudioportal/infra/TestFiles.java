package com.claudioportal.infra;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

/** Real files for upload tests: a WAV recording of a given length, a PDF, a sparse giant. */
public final class TestFiles {

    private TestFiles() {
    }

    /** A mono 8 kHz 16-bit WAV of {@code seconds} length (a quiet tone). */
    public static Path wav(String name, int seconds) {
        AudioFormat format = new AudioFormat(8000, 16, 1, true, false);
        byte[] pcm = new byte[8000 * 2 * seconds];
        for (int i = 0; i < pcm.length / 2; i++) {
            short sample = (short) (Math.sin(i * 2 * Math.PI * 440 / 8000) * 2000);
            pcm[2 * i] = (byte) sample;
            pcm[2 * i + 1] = (byte) (sample >> 8);
        }
        Path file = dir().resolve(name);
        try (AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(pcm), format, pcm.length / 2)) {
            AudioSystem.write(in, AudioFileFormat.Type.WAVE, file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** A small valid PDF. */
    public static Path pdf(String name) {
        String body = "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
                + "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n";
        return write(name, body.getBytes(StandardCharsets.US_ASCII));
    }

    public static Path text(String name, String content) {
        return write(name, content.getBytes(StandardCharsets.UTF_8));
    }

    /** A file of {@code bytes} length that takes no disk space (all zeros). */
    public static Path sparse(String name, long bytes) {
        Path file = dir().resolve(name);
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    private static Path write(String name, byte[] content) {
        try {
            return Files.write(dir().resolve(name), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path dir() {
        try {
            return Files.createDirectories(Path.of("target", "test-files"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
