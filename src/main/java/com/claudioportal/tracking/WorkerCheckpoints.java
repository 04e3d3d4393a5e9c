package com.claudioportal.tracking;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Named points in a job's processing. Production does nothing here; tests replace this bean to
 * stop the worker at a point, as a crash or kill would, and check that a restarted worker loses
 * and doubles nothing, or to act at an exact moment (cancel right after the claim).
 */
@ApplicationScoped
public class WorkerCheckpoints {

    /** The job is claimed; nothing has been done with it yet. */
    public static final String CLAIMED = "claimed";
    /** Claudio answered an upload; the answer is not committed yet (a crash here sends the file again). */
    public static final String FILE_ANSWERED = "file-answered";
    /** A file Claudio has is committed as sent. */
    public static final String FILE_SENT = "file-sent";
    /** The job is committed as SUBMITTING; the submit call has not gone out. */
    public static final String SUBMIT_STARTED = "submit-started";
    /** Claudio answered the submit; the answer is not committed yet. */
    public static final String SUBMIT_ANSWERED = "submit-answered";
    /** A poll answered; the answer is not committed yet. */
    public static final String POLL_ANSWERED = "poll-answered";
    /**
     * Inside a change's transaction: the job is read, locked and still this instance's; nothing is
     * written yet. Reached by every change (deciding, each answer), so tests arm it for one job.
     */
    public static final String APPLYING = "applying";

    public void reached(String point, long jobId) {
        // no-op in production
    }
}
