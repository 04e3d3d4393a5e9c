package com.claudioportal.job;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** HH:MM:SS as Claudio's audio_start and audio_end take them. */
class TrimTest {

    @Test
    void readsWellFormedTimes() {
        assertEquals(0, Trim.seconds("00:00:00"));
        assertEquals(3723, Trim.seconds("01:02:03"));
        assertEquals(3723, Trim.seconds("1:02:03"), "one-digit hours");
        assertEquals(99 * 3600 + 59 * 60 + 59, Trim.seconds("99:59:59"));
        assertEquals(90, Trim.seconds(" 00:01:30 "), "surrounding spaces");
    }

    @Test
    void refusesAnythingElseWithMinusOne() {
        for (String bad : new String[] { null, "", "1:2:3", "00:60:00", "00:00:60", "100:00:00", "00:01", "aa:bb:cc", "00:01:30x",
                "-1:00:00" }) {
            assertEquals(-1, Trim.seconds(bad), String.valueOf(bad));
        }
    }

    @Test
    void formatsWithTwoDigitsEach() {
        assertEquals("00:00:00", Trim.format(0));
        assertEquals("00:00:59", Trim.format(59));
        assertEquals("00:01:00", Trim.format(60));
        assertEquals("01:02:03", Trim.format(3723));
        assertEquals("100:00:00", Trim.format(360_000));
        assertEquals(Trim.WHOLE, Trim.format(Trim.seconds(Trim.WHOLE)));
    }
}
