package com.claudioportal.bench;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.claudioportal.infra.HeapUse;
import com.claudioportal.infra.RecordingCheckSettings;
import com.claudioportal.infra.TestRecordings;
import com.claudioportal.upload.RecordingCheck;

/**
 * The recording pre-check on a 250 MB MP3 (4 h 20 min at 128 kbit/s, the most Claudio takes per
 * file) as uploads run it (length from the header, silence in 8 windows of 30 s), next to listening
 * to the whole file, with the JVM's heap. Run with {@code ./bench recording}; see docs/benchmarks.md.
 */
@Tag("benchmark")
class RecordingCheckBenchmark {

    /** As uploads run it, one check at a time, with 10 minutes for a whole file. */
    static final RecordingCheckSettings SETTINGS = new RecordingCheckSettings(Duration.ofMinutes(20), 8, Duration.ofSeconds(30),
            Duration.ofMinutes(10), 1);


    @Test
    void aRecordingOf250MbIsCheckedInSeconds() throws IOException {
        Path mp3 = TestRecordings.largeMp3("bench-250mb", 250_000_000L);
        // 250 MB of 44.1 kHz stereo PCM: 23.7 minutes
        Path wav = TestRecordings.make("bench-250mb", TestRecordings.Format.WAV_CD, 1420, 0);
        List<String> lines = new ArrayList<>();
        lines.add(String.format("files: %s %.0f MB, %s %.0f MB; load average %.2f; %d cores", mp3.getFileName(), Files.size(mp3) / 1e6,
                wav.getFileName(), Files.size(wav) / 1e6, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors()));
        RecordingCheck asUploads = new RecordingCheck(SETTINGS);
        RecordingCheck whole = new RecordingCheck(SETTINGS.withFullScanUpTo(Duration.ofDays(1)));
        asUploads.check(mp3); // the first call unpacks the bundled ffmpeg
        int runs = Integer.getInteger("bench.runs", 3);
        for (int i = 1; i <= runs; i++) {
            lines.add(measure("MP3 as uploads run it (8 windows of 30 s)", asUploads, mp3, i, 4 * 3600));
        }
        lines.add(measure("MP3, the whole file", whole, mp3, 1, 4 * 3600));
        for (int i = 1; i <= runs; i++) {
            lines.add(measure("WAV as uploads run it (8 windows of 30 s)", asUploads, wav, i, 1400));
        }
        lines.add(measure("WAV, the whole file", whole, wav, 1, 1400));
        String table = String.join("\n", lines);
        System.out.println(table);
        Path out = Files.createDirectories(Path.of("target", "bench")).resolve("recording-check.txt");
        Files.writeString(out, table + "\n");
    }

    private static String measure(String what, RecordingCheck check, Path file, int run, double atLeastSeconds) {
        System.gc();
        long heapBefore = HeapUse.now();
        long start = System.nanoTime();
        RecordingCheck.Result result = check.check(file).orElseThrow();
        double seconds = (System.nanoTime() - start) / 1e9;
        long heapAfter = HeapUse.now();
        assertTrue(result.durationSeconds() > atLeastSeconds, "length " + result.durationSeconds());
        assertFalse(result.mostlySilent());
        return String.format("%-44s run %d: %6.1f s, length %.0f s, silence %.2f, heap used %d MB -> %d MB", what, run, seconds,
                result.durationSeconds(), result.silenceRatio(), heapBefore >> 20, heapAfter >> 20);
    }
}
