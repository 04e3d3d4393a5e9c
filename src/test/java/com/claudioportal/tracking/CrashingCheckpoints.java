package com.claudioportal.tracking;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.test.Mock;

/**
 * Stands in for {@link WorkerCheckpoints} in tests: when armed, the worker stops dead at the named
 * point, the way a crash or kill would (an Error, which the worker does not catch), once. A test
 * may also run an action at a point (a cancel right after the claim, a webhook during a poll).
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
    private static final java.util.Map<String, Runnable> actions = new java.util.concurrent.ConcurrentHashMap<>();

    /** The next time job {@code jobId} reaches {@code point}, {@code action} runs there (once). */
    public static void when(String point, long jobId, Runnable action) {
        actions.put(point + "/" + jobId, action);
    }

    /** The next time job {@code jobId} reaches {@code point}, the worker stops there. */
    public static void arm(String point, long jobId) {
        armedJob = jobId;
        armed = point;
    }

    public static void disarm() {
        armed = null;
        actions.clear();
    }

    @Override
    public void reached(String point, long jobId) {
        Runnable action = actions.remove(point + "/" + jobId);
        if (action != null) {
            action.run();
        }
        if (point.equals(armed) && jobId == armedJob) {
            armed = null;
            throw new SimulatedCrash(point);
        }
    }
}
