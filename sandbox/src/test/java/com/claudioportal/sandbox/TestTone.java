package com.claudioportal.sandbox;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

/** The recording tests upload, to the sandbox directly or through the portal's client (infra.SandboxTestKit). */
public final class TestTone {

    private TestTone() {
    }

    /** A 16-bit mono 8 kHz WAV of the given length (a quiet tone). */
    public static byte[] wav(double seconds) {
        AudioFormat format = new AudioFormat(8000f, 16, 1, true, false);
        int frames = (int) (seconds * 8000);
        byte[] pcm = new byte[frames * 2];
        for (int i = 0; i < frames; i++) {
            short sample = (short) (Math.sin(2 * Math.PI * 440 * i / 8000.0) * 3000);
            pcm[2 * i] = (byte) sample;
            pcm[2 * i + 1] = (byte) (sample >> 8);
        }
        try {
            Path file = Files.createTempFile("sandbox-test", ".wav");
            AudioSystem.write(new AudioInputStream(new ByteArrayInputStream(pcm), format, frames), AudioFileFormat.Type.WAVE, file.toFile());
            byte[] bytes = Files.readAllBytes(file);
            Files.delete(file);
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
