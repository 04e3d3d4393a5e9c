package com.claudioportal.tracking;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Named points in a job's processing, after each durable step. Production does nothing here;
 * tests replace this bean to stop the worker at a point, as a crash or kill would, and check that
 * a restarted worker loses and doubles nothing.
 */
@ApplicationScoped
public class WorkerCheckpoints {

    public static final String FILE_SENT = "file-sent";
    public static final String SUBMIT_STARTED = "submit-started";
    public static final String SUBMIT_ANSWERED = "submit-answered";

    public void reached(String point, long jobId) {
        // no-op in production
    }
}
