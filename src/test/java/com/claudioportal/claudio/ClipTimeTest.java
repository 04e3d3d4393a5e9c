package com.claudioportal.claudio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;

/** HH:MM:SS as the form takes it, the Submit body sends it and Claudio's answers report lengths. */
class ClipTimeTest {

    @Test
    void readsWhatPeopleTypeAndWritesWhatClaudiosSampleSends() {
        assertEquals(Optional.of(new ClipTime(3723)), ClipTime.parse("1:02:03"));
        assertEquals("01:02:03", ClipTime.parse(" 1:02:03 ").orElseThrow().toString());
        assertEquals("00:00:00", ClipTime.ZERO.toString());
        assertEquals("100:00:00", new ClipTime(360_000).toString());
        assertEquals("0:42", new ClipTime(42).clock());
        assertEquals("1:02:03", new ClipTime(3723).clock());
    }

    @Test
    void refusesAnythingElse() {
        for (String bad : new String[] { null, "", "1:2:3", "00:60:00", "00:00:60", "100:00:00", "00:01", "1:5", "00:01:30.5",
                "-1:00:00" }) {
            assertTrue(ClipTime.parse(bad).isEmpty(), String.valueOf(bad));
        }
        assertThrows(IllegalArgumentException.class, () -> new ClipTime(-1));
    }

    @Test
    void lengthsInAnswersAreReadTolerantly() {
        assertEquals(3723.5, ClipTime.secondsInAnswer("1:02:03.5"));
        assertEquals(360_000.0 + 61, ClipTime.secondsInAnswer("100:1:1"));
        assertNull(ClipTime.secondsInAnswer("soon"));
        assertNull(ClipTime.secondsInAnswer(null));
    }

    @Test
    void theSubmitBodyWritesTrimsWithTwoDigitHours() {
        assertEquals("01:00:00", SubmitBody.time("1:00:00", "audio_start"));
        assertEquals("00:00:00", SubmitBody.time(" ", "audio_start"));
        assertThrows(IllegalArgumentException.class, () -> SubmitBody.time("1:5", "audio_start"));
    }
}
