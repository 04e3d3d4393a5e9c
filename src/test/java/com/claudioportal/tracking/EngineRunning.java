package com.claudioportal.tracking;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The dispatcher running as in production, with small limits so that a slow tenant can fill its
 * share: 32 calls at once, 8 per tenant, 4 kept for the priority lane.
 */
public class EngineRunning implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("portal.worker.enabled", "true",
                "portal.worker.max-in-flight", "32",
                "portal.worker.max-in-flight-per-tenant", "8",
                "portal.worker.priority-reserve", "4",
                "portal.worker.priority-per-tenant", "2",
                "portal.claudio.timeouts.poll", "60s");
    }
}
