package com.claudioportal.upload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

import com.claudioportal.infra.RecordingCheckSettings;
import com.claudioportal.infra.TestRecordings;
import com.claudioportal.infra.TestRecordings.Format;

/** The pre-check on real recordings of every covered format, made by ffmpeg at test time. */
class RecordingCheckTest {

    final RecordingCheck check = new RecordingCheck(RecordingCheckSettings.defaults());

    @ParameterizedTest
    @EnumSource(Format.class)
    void readsTheLengthAndHearsSoundInEveryFormat(Format format) {
        RecordingCheck.Result heard = heardWithItsLength("tone", format, 6, 0);
        assertTrue(heard.silenceRatio() < 0.1, format + " silence " + heard.silenceRatio());
        assertFalse(heard.mostlySilent());
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void hearsASilentRecordingInEveryFormat(Format format) {
        RecordingCheck.Result heard = heardWithItsLength("silent", format, 0, 8);
        assertTrue(heard.mostlySilent(), format + " silence " + heard.silenceRatio());
    }

    /** A recording of {@code sound} then {@code silence} seconds in {@code format}, checked: its length must be theirs. */
    private RecordingCheck.Result heardWithItsLength(String name, Format format, int sound, int silence) {
        Path recording = TestRecordings.make(name + "-" + format, format, sound, silence);
        RecordingCheck.Result heard = check.check(recording).orElseThrow();
        assertEquals(sound + silence, heard.durationSeconds(), 0.15, format + " length");
        return heard;
    }

    @Test
    void aFewWordsInALongSilenceAreMostlySilentHalfAndHalfIsNot() {
        RecordingCheck.Result fewWords = check.check(TestRecordings.make("few-words", Format.MP3, 2, 28)).orElseThrow();
        assertEquals(30.0, fewWords.durationSeconds(), 0.2);
        assertEquals(28.0 / 30, fewWords.silenceRatio(), 0.05);
        assertTrue(fewWords.mostlySilent());

        RecordingCheck.Result half = check.check(TestRecordings.make("half", Format.OGG, 10, 10)).orElseThrow();
        assertEquals(0.5, half.silenceRatio(), 0.06);
        assertFalse(half.mostlySilent());
    }

    @Test
    void aLongRecordingIsMeasuredInWindowsSpreadOverIt() {
        // past the full-scan limit: 4 windows of 3 s at 0, 19, 38 and 57 s of a 60 s recording
        RecordingCheck sampled = new RecordingCheck(new RecordingCheckSettings(Duration.ofSeconds(10), 4, Duration.ofSeconds(3), Duration.ofSeconds(60), 2));
        RecordingCheck.Result toneOnly = sampled.check(TestRecordings.make("long-tone", Format.M4A, 60, 0)).orElseThrow();
        assertEquals(60.0, toneOnly.durationSeconds(), 0.2);
        assertFalse(toneOnly.mostlySilent(), "ratio " + toneOnly.silenceRatio());

        // tone for the first 15 s: the first window hears it, the other three hear silence
        RecordingCheck.Result mostlyQuiet = sampled.check(TestRecordings.make("long-quiet", Format.M4A, 15, 45)).orElseThrow();
        assertEquals(0.75, mostlyQuiet.silenceRatio(), 0.1);
    }

    @Test
    void whatFfmpegMayNotOpenOrCannotReadGivesNoMeasureInsteadOfAnError() throws IOException {
        Path target = TestRecordings.make("target", Format.WAV, 3, 0);
        // a playlist pointing at another file: the demuxer is not on the list, so nothing is opened
        Path playlist = Files.writeString(target.resolveSibling("list.m3u8"), "#EXTM3U\n#EXTINF:3,\n" + target.toAbsolutePath() + "\n");
        assertEquals(Optional.empty(), check.check(playlist));
        Path garbage = Files.write(target.resolveSibling("garbage.mp3"), new byte[] { 1, 2, 3, 4, 5, 6, 7, 8 });
        assertEquals(Optional.empty(), check.check(garbage));
        assertEquals(Optional.empty(), check.check(target.resolveSibling("missing.wav")));
    }

    @Test
    void aCheckThatRunsOutOfTimeIsStopped() {
        RecordingCheck hurried = new RecordingCheck(new RecordingCheckSettings(Duration.ofMinutes(20), 8, Duration.ofSeconds(30), Duration.ofMillis(1), 2));
        assertEquals(Optional.empty(), hurried.check(TestRecordings.make("hurried", Format.WAV, 3, 0)));
    }

    @Test
    void silenceStillOpenAtTheEndLastsToTheEnd() {
        assertEquals(0.5, RecordingCheck.silenceRatio(List.of("[silencedetect @ 0x1] silence_start: 5"), 10), 1e-9);
        assertEquals(0.3, RecordingCheck.silenceRatio(List.of("[silencedetect @ 0x1] silence_start: 1",
                "[silencedetect @ 0x1] silence_end: 4 | silence_duration: 3"), 10), 1e-9);
        assertEquals(1.0, RecordingCheck.silenceRatio(List.of(), 0), 1e-9);
    }
}
