package com.claudioportal.tracking;

import java.util.IdentityHashMap;
import java.util.Map;

/**
 * How the engine logs an unexpected exception: the classes of its cause chain and where in our code
 * it was thrown, never a message. Messages can carry what a job is about (a file name in an I/O
 * error, a value in a database error), which must not reach the logs.
 */
final class Failures {

    private Failures() {
    }

    /** e.g. {@code IllegalStateException < PSQLException at com.claudioportal.tracking.JobWorker.nextFile(JobWorker.java:212)}. */
    static String describe(Throwable error) {
        if (error == null) {
            return "no exception";
        }
        StringBuilder out = new StringBuilder();
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        StackTraceElement ours = null;
        for (Throwable t = error; t != null && seen.put(t, Boolean.TRUE) == null; t = t.getCause()) {
            if (out.length() > 0) {
                out.append(" < ");
            }
            out.append(t.getClass().getName());
            if (ours == null) {
                for (StackTraceElement frame : t.getStackTrace()) {
                    if (frame.getClassName().startsWith("com.claudioportal.")) {
                        ours = frame;
                        break;
                    }
                }
            }
        }
        if (ours != null) {
            out.append(" at ").append(ours);
        }
        return out.toString();
    }
}
