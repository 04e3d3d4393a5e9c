package com.claudioportal.claudio;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class BackoffTest {

    @Test
    void backoffDoublesWithJitterUpToTheMaximum() {
        ClaudioSettings settings = new ClaudioSettings(null, null, null, null,
                new ClaudioSettings.Retry(5, Duration.ofMillis(1000), Duration.ofMillis(5000)), null, 0, 0,
                PollEndpointSource.TEMPLATE, 0, Duration.ZERO, 1);
        ClaudioClient client = new ClaudioClient(null, settings, new SimpleMeterRegistry());
        for (int i = 0; i < 50; i++) {
            assertBetween(800, 1200, client.backoff(1));
            assertBetween(1600, 2400, client.backoff(2));
            assertBetween(3200, 4800, client.backoff(3));
            assertBetween(4000, 6000, client.backoff(4));
            assertBetween(4000, 6000, client.backoff(30));
        }
    }

    private static void assertBetween(long min, long max, Duration actual) {
        assertTrue(actual.toMillis() >= min && actual.toMillis() <= max, actual + " not in [" + min + ", " + max + "]");
    }
}
