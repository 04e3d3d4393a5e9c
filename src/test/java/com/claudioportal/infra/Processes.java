package com.claudioportal.infra;

import java.util.concurrent.TimeUnit;

/**
 * Stops child processes politely, then firmly, including their own children. Public although only this
 * package uses it: Quarkus tests load their own copy of the callers, and a package-private class of the
 * application class loader is out of their reach (a shutdown hook failed with IllegalAccessError).
 */
public final class Processes {

    private Processes() {
    }

    public static void stop(Process process) {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
