package com.claudioportal.upload;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import ws.schild.jave.process.ProcessLocator;
import ws.schild.jave.process.ProcessWrapper;
import ws.schild.jave.process.ffmpeg.DefaultFFMPEGLocator;

/**
 * Listens to a recording before Claudio does, so staff hear about an empty or silent file before
 * they spend credits on it: its length, and the share of it that is silence. ffmpeg does the work
 * (JAVE's executor, with the binary from JAVE's native jar unless configured otherwise), so every
 * format ffmpeg reads is covered: WAV, MP3, M4A/MP4, OGG, WebM, FLAC and the rest.
 * <p>
 * Cost is bounded whatever the file: the length comes from the header (or, when the header has none,
 * as in the browser's own WebM recordings, from reading the packets without decoding them); the
 * silence is measured over the whole recording up to {@code full-scan-up-to}, and over a few evenly
 * spread windows of longer ones. ffmpeg reads the file from disk, nothing of it enters the heap.
 * It is fed only files the content check accepted, may open only local files of the audio/video
 * container formats listed here, and is stopped after {@code timeout}.
 */
@ApplicationScoped
public class RecordingCheck {

    /** What the check found. {@code durationSeconds} null: no length could be read. */
    public record Result(Double durationSeconds, double silenceRatio, boolean mostlySilent) {
    }

    private static final Logger LOG = Logger.getLogger(RecordingCheck.class);

    /** The container formats ffmpeg may open (demuxer names): recordings, never playlists or other indirections. */
    static final String FORMATS = "wav,w64,mp3,mov,ogg,matroska,flac,aac,amr,aiff,au,asf,avi,mpeg,mpegts,caf,3gp";

    private static final Pattern DURATION = Pattern.compile("Duration: (\\d+):(\\d{2}):(\\d{2}(?:\\.\\d+)?)");
    private static final Pattern AUDIO_STREAM = Pattern.compile("Stream #0:\\d+.*?: Audio: ");
    private static final Pattern TIME = Pattern.compile("time=(-?)(\\d+):(\\d{2}):(\\d{2}(?:\\.\\d+)?)");
    private static final Pattern SILENCE_START = Pattern.compile("silence_start: (-?[\\d.]+)");
    private static final Pattern SILENCE_END = Pattern.compile("silence_end: (-?[\\d.]+) \\| silence_duration: ([\\d.]+)");

    private final RecordingCheckConfig config;
    private final Semaphore slots;
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "recording-check-watchdog");
        t.setDaemon(true);
        return t;
    });
    private ProcessLocator locator;

    @Inject
    public RecordingCheck(RecordingCheckConfig config) {
        this.config = config;
        this.slots = new Semaphore(Math.max(1, config.maxConcurrent()), true);
    }

    @PreDestroy
    void stop() {
        watchdog.shutdownNow();
    }

    /**
     * Measures the recording at {@code file}. Empty when the check is off, could not get a slot in
     * time, or ffmpeg could not read the file or took too long: the upload goes on without it.
     */
    public Optional<Result> check(Path file) {
        if (!config.enabled()) {
            return Optional.empty();
        }
        long deadline = System.nanoTime() + config.timeout().toNanos();
        try {
            if (!slots.tryAcquire(config.timeout().toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.info("Recording check skipped: every slot stayed busy");
                return Optional.empty();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(measure(file, deadline));
        } catch (IOException | RuntimeException e) {
            LOG.infof("Recording check failed: %s", e.toString());
            return Optional.empty();
        } finally {
            slots.release();
        }
    }

    private Result measure(Path file, long deadline) throws IOException {
        String path = file.toAbsolutePath().toString();
        Header header = header(run(deadline, input(path)));
        if (header == null) {
            return null;
        }
        Double duration = header.durationSeconds();
        if (!header.hasAudio()) {
            // a video without a sound track: nothing for Claudio to hear
            return new Result(duration, 1.0, true);
        }
        if (duration == null) {
            // no length in the header (the browser's MediaRecorder writes none): read the packets, decode nothing
            List<String> args = new ArrayList<>(input(path));
            args.addAll(List.of("-map", "0:a:0", "-c", "copy", "-f", "null", "-"));
            duration = run(deadline, args).lastTime();
            if (duration == null) {
                return null;
            }
        }
        if (duration < 0.05) {
            return new Result(duration, 1.0, true);
        }
        String silence = String.format(Locale.ROOT, "silencedetect=noise=%sdB:d=%s", config.silenceThresholdDb(),
                config.minSilence().toMillis() / 1000.0);
        List<String> args = new ArrayList<>();
        double analysed;
        if (duration <= config.fullScanUpTo().toSeconds()) {
            args.addAll(input(path));
            args.addAll(List.of("-map", "0:a:0", "-af", silence, "-f", "null", "-"));
            analysed = duration;
        } else {
            int n = Math.max(1, config.samples());
            double window = config.sampleLength().toMillis() / 1000.0;
            StringBuilder graph = new StringBuilder();
            for (int i = 0; i < n; i++) {
                double at = n == 1 ? 0 : (duration - window) * i / (n - 1);
                args.addAll(List.of("-ss", seconds(at), "-t", seconds(window)));
                args.addAll(input(path));
                graph.append('[').append(i).append(":a:0]");
            }
            graph.append("concat=n=").append(n).append(":v=0:a=1,").append(silence).append("[out]");
            args.addAll(List.of("-filter_complex", graph.toString(), "-map", "[out]", "-f", "null", "-"));
            analysed = n * window;
        }
        Output out = run(deadline, args);
        if (out.lastTime() != null && out.lastTime() > 0) {
            analysed = out.lastTime();
        }
        double ratio = silenceRatio(out.lines(), analysed);
        return new Result(duration, ratio, ratio >= config.mostlySilentRatio());
    }

    /** The options that open {@code path} as a local file of one of the allowed formats. */
    private static List<String> input(String path) {
        return List.of("-protocol_whitelist", "file", "-format_whitelist", FORMATS, "-i", "file:" + path);
    }

    private static String seconds(double s) {
        return String.format(Locale.ROOT, "%.3f", s);
    }

    record Header(Double durationSeconds, boolean hasAudio) {
    }

    /** From {@code ffmpeg -i}: the first input's length (null when "N/A") and whether it has sound; null when unreadable. */
    static Header header(Output out) {
        Double duration = null;
        boolean found = false;
        boolean audio = false;
        for (String line : out.lines()) {
            if (!found && line.contains("Duration: ")) {
                found = true;
                Matcher m = DURATION.matcher(line);
                duration = m.find() ? hms(m.group(1), m.group(2), m.group(3)) : null;
            }
            if (AUDIO_STREAM.matcher(line).find()) {
                audio = true;
            }
        }
        return found ? new Header(duration, audio) : null;
    }

    /**
     * The share of {@code analysedSeconds} that silencedetect reported as silence; a silence still
     * open at the end lasts to the end.
     */
    static double silenceRatio(List<String> lines, double analysedSeconds) {
        double silent = 0;
        Double open = null;
        for (String line : lines) {
            Matcher end = SILENCE_END.matcher(line);
            if (end.find()) {
                silent += Double.parseDouble(end.group(2));
                open = null;
                continue;
            }
            Matcher start = SILENCE_START.matcher(line);
            if (start.find()) {
                open = Math.max(0, Double.parseDouble(start.group(1)));
            }
        }
        if (open != null) {
            silent += Math.max(0, analysedSeconds - open);
        }
        if (analysedSeconds <= 0) {
            return 1.0;
        }
        return Math.min(1.0, Math.max(0.0, silent / analysedSeconds));
    }

    private static double hms(String h, String m, String s) {
        return Integer.parseInt(h) * 3600 + Integer.parseInt(m) * 60 + Double.parseDouble(s);
    }

    /** What ffmpeg printed that matters here (lines with a length, a stream, a silence), and its last progress time. */
    record Output(List<String> lines, Double lastTime) {
    }

    /** Runs ffmpeg with {@code args}; stops it at the deadline. Reads its log as it comes: nothing large is kept. */
    private Output run(long deadline, List<String> args) throws IOException {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            throw new IOException("out of time");
        }
        ProcessWrapper ffmpeg = locator().createExecutor();
        ffmpeg.addArgument("-hide_banner");
        ffmpeg.addArgument("-nostdin");
        args.forEach(ffmpeg::addArgument);
        AtomicBoolean timedOut = new AtomicBoolean();
        List<String> kept = new ArrayList<>();
        Double last = null;
        ffmpeg.execute();
        ScheduledFuture<?> stop = watchdog.schedule(() -> {
            timedOut.set(true);
            ffmpeg.destroy();
        }, left, TimeUnit.NANOSECONDS);
        try {
            ffmpeg.getOutputStream().close();
            try (BufferedReader log = new BufferedReader(new InputStreamReader(ffmpeg.getErrorStream(), StandardCharsets.UTF_8))) {
                StringBuilder line = new StringBuilder();
                int c;
                while ((c = log.read()) != -1) {
                    if (c != '\n' && c != '\r') {
                        if (line.length() < 4000) {
                            line.append((char) c);
                        }
                        continue;
                    }
                    String l = line.toString();
                    line.setLength(0);
                    Double t = time(l);
                    if (t != null) {
                        last = t;
                    } else if (l.contains("Duration: ") || l.contains("Stream #") || l.contains("silence_")) {
                        kept.add(l);
                    }
                }
                if (!line.isEmpty()) {
                    kept.add(line.toString());
                }
            }
            ffmpeg.getProcessExitCode();
        } catch (IOException | RuntimeException e) {
            if (!timedOut.get()) {
                throw e;
            }
        } finally {
            stop.cancel(false);
            ffmpeg.destroy();
        }
        if (timedOut.get()) {
            throw new IOException("ffmpeg took longer than " + config.timeout());
        }
        return new Output(kept, last);
    }

    private static Double time(String line) {
        Matcher m = TIME.matcher(line);
        Double last = null;
        while (m.find()) {
            last = m.group(1).isEmpty() ? hms(m.group(2), m.group(3), m.group(4)) : 0.0;
        }
        return last;
    }

    /** The bundled ffmpeg is unpacked on first use (77 MB into java.io.tmpdir), once per JVM. */
    private synchronized ProcessLocator locator() {
        if (locator == null) {
            locator = config.ffmpeg().filter(p -> !p.isBlank())
                    .<ProcessLocator> map(p -> () -> p)
                    .orElseGet(DefaultFFMPEGLocator::new);
        }
        return locator;
    }
}
