package com.claudioportal.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

/**
 * Honours {@code audio_start}/{@code audio_end} the way Claudio's processed media does, as far as
 * the JDK can: WAV, AIFF and AU are really cut; other containers (MP3, M4A, video…) are returned as
 * they are, with the requested range recorded.
 */
final class AudioTrimmer {

    /** {@code trimmed} is null when the original is returned; {@code seconds} null when unknown. */
    record Result(Path trimmed, Double seconds, String detail) {
    }

    private AudioTrimmer() {
    }

    static boolean wholeFile(String start, String end) {
        return seconds(start) == 0 && seconds(end) == 0;
    }

    static Result trim(Path source, String start, String end, Path target) {
        AudioFileFormat.Type type;
        try {
            type = AudioSystem.getAudioFileFormat(source.toFile()).getType();
        } catch (UnsupportedAudioFileException | IOException e) {
            return new Result(null, null, wholeFile(start, end) ? "original (whole file)"
                    : "original: not a WAV, AIFF or AU file, so not trimmed; requested " + start + " to " + end);
        }
        try (AudioInputStream in = AudioSystem.getAudioInputStream(source.toFile())) {
            AudioFormat format = in.getFormat();
            float rate = format.getFrameRate();
            long frames = in.getFrameLength();
            if (rate <= 0 || frames < 0) {
                return new Result(null, null, "original: length unknown, not trimmed; requested " + start + " to " + end);
            }
            if (wholeFile(start, end)) {
                return new Result(null, frames / (double) rate, "original (whole file)");
            }
            long from = Math.min(frames, (long) (seconds(start) * rate));
            long to = seconds(end) == 0 ? frames : Math.min(frames, (long) (seconds(end) * rate));
            long keep = Math.max(0, to - from);
            skipFully(in, from * format.getFrameSize());
            try (AudioInputStream part = new AudioInputStream(in, format, keep)) {
                AudioSystem.write(part, type, target.toFile());
            }
            return new Result(target, keep / (double) rate, "trimmed to " + start + " - " + end);
        } catch (UnsupportedAudioFileException | IOException | IllegalArgumentException e) {
            return new Result(null, null, "original: could not be trimmed (" + e.getClass().getSimpleName()
                    + "); requested " + start + " to " + end);
        }
    }

    private static void skipFully(InputStream in, long bytes) throws IOException {
        long left = bytes;
        while (left > 0) {
            long skipped = in.skip(left);
            if (skipped <= 0) {
                if (in.read() < 0) {
                    return;
                }
                skipped = 1;
            }
            left -= skipped;
        }
    }

    /** Seconds of an HH:MM:SS time (already validated). */
    static long seconds(String hhmmss) {
        if (hhmmss == null || hhmmss.isBlank()) {
            return 0;
        }
        String[] p = hhmmss.strip().split(":");
        return Long.parseLong(p[0]) * 3600 + Long.parseLong(p[1]) * 60 + Long.parseLong(p[2]);
    }
}
