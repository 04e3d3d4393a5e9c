package com.claudioportal.tracking;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.test.Mock;

/**
 * Stands in for {@link WorkerCheckpoints} in tests: when armed, the worker stops dead at the named
 * point, the way a crash or kill would (an Error, which the worker does not catch), once.
 */
@Mock
@ApplicationScoped
public class CrashingCheckpoints extends WorkerCheckpoints {

    /** What the worker hits instead of carrying on. */
    public static class SimulatedCrash extends Error {
        SimulatedCrash(String point) {
            super("simulated crash at " + point);
        }
    }

    private static volatile String armed;
    private static volatile long armedJob;

    /** The next time job {@code jobId} reaches {@code point}, the worker stops there. */
    public static void arm(String point, long jobId) {
        armedJob = jobId;
        armed = point;
    }

    public static void disarm() {
        armed = null;
    }

    @Override
    public void reached(String point, long jobId) {
        if (point.equals(armed) && jobId == armedJob) {
            armed = null;
            throw new SimulatedCrash(point);
        }
    }
}
