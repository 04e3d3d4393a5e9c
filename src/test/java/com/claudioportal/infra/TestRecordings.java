package com.claudioportal.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import ws.schild.jave.process.ProcessWrapper;
import ws.schild.jave.process.ffmpeg.DefaultFFMPEGLocator;

/**
 * Recordings in every format the pre-check covers, made at test time by the ffmpeg inside JAVE's
 * native jar (no committed binaries): a tone, silence, or a tone followed by silence.
 */
public final class TestRecordings {

    /** Container and codec, as ffmpeg names them; WEBM is written like a browser's MediaRecorder (no length in the header). */
    public enum Format {
        WAV("wav", List.of("-c:a", "pcm_s16le", "-f", "wav")),
        /** CD quality, 44.1 kHz stereo: 10 MB a minute. */
        WAV_CD("wav", List.of("-c:a", "pcm_s16le", "-ar", "44100", "-ac", "2", "-f", "wav")),
        MP3("mp3", List.of("-c:a", "libmp3lame", "-b:a", "64k", "-f", "mp3")),
        M4A("m4a", List.of("-c:a", "aac", "-b:a", "64k", "-f", "ipod")),
        MP4("mp4", List.of("-c:a", "aac", "-b:a", "64k", "-f", "mp4")),
        OGG("ogg", List.of("-c:a", "libvorbis", "-f", "ogg")),
        WEBM("webm", List.of("-c:a", "libopus", "-f", "webm", "-live", "1"));

        final String extension;
        final List<String> args;

        Format(String extension, List<String> args) {
            this.extension = extension;
            this.args = args;
        }

        public String extension() {
            return extension;
        }
    }

    private TestRecordings() {
    }

    /** {@code toneSeconds} of a 440 Hz tone at about -20 dBFS, then {@code silentSeconds} of digital silence. */
    public static Path make(String name, Format format, double toneSeconds, double silentSeconds) {
        Path file = dir().resolve(name + "." + format.extension);
        List<String> args = new ArrayList<>(List.of("-nostdin", "-loglevel", "error", "-y"));
        String graph;
        if (toneSeconds > 0 && silentSeconds > 0) {
            args.addAll(List.of("-f", "lavfi", "-i", "sine=frequency=440:sample_rate=16000:duration=" + toneSeconds,
                    "-f", "lavfi", "-i", "anullsrc=r=16000:cl=mono"));
            graph = "[0:a]volume=0.3[t];[1:a]atrim=0:" + silentSeconds + "[s];[t][s]concat=n=2:v=0:a=1[out]";
        } else if (toneSeconds > 0) {
            args.addAll(List.of("-f", "lavfi", "-i", "sine=frequency=440:sample_rate=16000:duration=" + toneSeconds));
            graph = "[0:a]volume=0.3[out]";
        } else {
            args.addAll(List.of("-f", "lavfi", "-i", "anullsrc=r=16000:cl=mono"));
            graph = "[0:a]atrim=0:" + silentSeconds + "[out]";
        }
        args.addAll(List.of("-filter_complex", graph, "-map", "[out]", "-ac", "1"));
        args.addAll(format.args);
        args.add(file.toAbsolutePath().toString());
        ffmpeg(args);
        return file;
    }

    /** One large MP3 of about {@code bytes}: a ten-minute recording copied end to end (no re-encoding, fast). */
    public static Path largeMp3(String name, long bytes) {
        Path piece = dir().resolve(name + "-piece.mp3");
        ffmpeg(List.of("-nostdin", "-loglevel", "error", "-y", "-f", "lavfi", "-i", "sine=frequency=220:duration=600,volume=0.3",
                "-f", "lavfi", "-i", "anoisesrc=d=600:a=0.02", "-filter_complex", "amix=inputs=2", "-ac", "2", "-ar", "44100",
                "-b:a", "128k", piece.toAbsolutePath().toString()));
        try {
            long copies = Math.max(1, bytes / Files.size(piece));
            Path list = dir().resolve(name + "-list.txt");
            StringBuilder text = new StringBuilder();
            for (long i = 0; i < copies; i++) {
                text.append("file '").append(piece.toAbsolutePath()).append("'\n");
            }
            Files.writeString(list, text);
            Path file = dir().resolve(name + ".mp3");
            ffmpeg(List.of("-nostdin", "-loglevel", "error", "-y", "-f", "concat", "-safe", "0", "-i", list.toAbsolutePath().toString(),
                    "-c", "copy", file.toAbsolutePath().toString()));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static synchronized void ffmpeg(List<String> args) {
        try (ProcessWrapper ffmpeg = new DefaultFFMPEGLocator().createExecutor()) {
            args.forEach(ffmpeg::addArgument);
            ffmpeg.execute();
            String errors = new String(ffmpeg.getErrorStream().readAllBytes());
            int exit = ffmpeg.getProcessExitCode();
            if (exit != 0) {
                throw new IllegalStateException("ffmpeg failed (" + exit + "): " + errors);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path dir() {
        try {
            return Files.createDirectories(Path.of("target", "test-files", "recordings"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
