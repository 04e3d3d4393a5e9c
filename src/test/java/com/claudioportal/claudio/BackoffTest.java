package com.claudioportal.claudio;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void backoffDoublesWithJitterUpToTheMaximum() {
        Backoff backoff = new Backoff(Duration.ofMillis(1000), Duration.ofMillis(5000));
        for (int i = 0; i < 50; i++) {
            assertBetween(800, 1200, backoff.after(1));
            assertBetween(1600, 2400, backoff.after(2));
            assertBetween(3200, 4800, backoff.after(3));
            assertBetween(4000, 6000, backoff.after(4));
            assertBetween(4000, 6000, backoff.after(30));
        }
    }

    private static void assertBetween(long min, long max, Duration actual) {
        assertTrue(actual.toMillis() >= min && actual.toMillis() <= max, actual + " not in [" + min + ", " + max + "]");
    }
}
