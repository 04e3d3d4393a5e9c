package com.claudioportal.tracking;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** The worker runs only when a test calls it, so a test decides exactly when each step happens. */
public class ManualWorker implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("portal.worker.enabled", "false",
                // small enough for WebhookIntakeTest to reach, large enough for every other test
                "portal.worker.webhook.per-token-rate", "5", "portal.worker.webhook.burst-seconds", "4");
    }
}
